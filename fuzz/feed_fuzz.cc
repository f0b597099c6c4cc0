// libFuzzer target: arbitrary bytes as an RSS or Atom feed. Entities,
// broken XML and HTML inside items must end in articles or errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crosscheck/ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  crosscheck::ingest::ReadOptions options;
  options.max_bytes = 1 << 16;
  (void)crosscheck::ingest::ParseFeed(
      bytes, "fuzz.rss", [](crosscheck::Article&&) {}, [](const crosscheck::ingest::LineError&) {}, options);
  return 0;
}
