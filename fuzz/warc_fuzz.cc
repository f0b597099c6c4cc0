// libFuzzer target: arbitrary bytes as a WARC archive, plain or gzip. Broken
// headers, lengths past the end, chunked and encoded bodies must end in
// articles or errors, never in reads past a buffer or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "crosscheck/ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  crosscheck::ingest::ReadOptions options;
  options.max_bytes = 1 << 16;
  (void)crosscheck::ingest::ParseWarc(
      in, "fuzz.warc", [](crosscheck::Article&&) {}, [](const crosscheck::ingest::LineError&) {}, options);
  return 0;
}
