// libFuzzer target: arbitrary bytes as a text article, through ingestion,
// extraction and the whole report (twice, as two "outlets", so cross-source
// steps run), then all three renderings. Must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crosscheck/analysis/report.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/report/render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  crosscheck::ingest::ReadOptions options;
  options.max_bytes = 1 << 16;
  auto a = crosscheck::ingest::ParseTextArticle("a", bytes, options);
  if (!a.ok()) return 0;
  // A second source: the second half of the input, so outlets differ.
  auto b = crosscheck::ingest::ParseTextArticle("b", bytes.substr(size / 2), options);
  std::vector<crosscheck::Article> articles{std::move(*a)};
  if (b.ok()) articles.push_back(std::move(*b));
  auto r = crosscheck::analysis::BuildReport(articles);
  if (!r.ok()) return 0;
  (void)crosscheck::report::ToJsonText(*r);
  (void)crosscheck::report::ToMarkdown(*r);
  (void)crosscheck::report::ToHtml(*r);
  return 0;
}
