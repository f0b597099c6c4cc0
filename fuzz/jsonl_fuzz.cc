// libFuzzer target: arbitrary bytes as a JSONL file (one article per line).
// Lines may be malformed, huge, deeply nested or not UTF-8; each is an
// article or a reported error, never a crash or a stall.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "crosscheck/ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  crosscheck::ingest::ReadOptions options;
  options.max_bytes = 1 << 16;
  size_t articles = 0;
  crosscheck::ingest::ParseJsonl(
      in, [&](crosscheck::Article&& a) { articles += a.text.size() > 0; },
      [](const crosscheck::ingest::LineError&) {}, options);
  return 0;
}
