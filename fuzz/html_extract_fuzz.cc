// libFuzzer target: arbitrary bytes as a web page through decoding, parsing,
// metadata and body extraction, then as an article. Must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crosscheck/html/page.h"
#include "crosscheck/ingest/page_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  crosscheck::html::PageOptions options;
  options.max_bytes = 1 << 20;
  auto page = crosscheck::html::ExtractPage(bytes, options);
  if (page.ok()) (void)crosscheck::ingest::ArticleFromPage("fuzz", *page);
  (void)crosscheck::html::Gunzip(bytes, 1 << 20);
  return 0;
}
