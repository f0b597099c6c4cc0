// libFuzzer target: arbitrary bytes as an LDC/TREC SGML newswire file. Unclosed
// elements, stray tags and entities must end in articles or errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crosscheck/ingest/sgml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  crosscheck::ingest::ReadOptions options;
  options.max_bytes = 1 << 16;
  (void)crosscheck::ingest::ParseSgml(
      bytes, "fuzz.sgml", [](crosscheck::Article&&) {}, [](const crosscheck::ingest::LineError&) {}, options);
  return 0;
}
