// libFuzzer target: dates and numbers. The bytes as a date string
// (NormalizeDateTime, DayOf), then as a text whose dates and quantities are
// read; every date found must lie in its text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "crosscheck/events/clusterer.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/text/datetime.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string iso = crosscheck::text::NormalizeDateTime(bytes.substr(0, 256));
  (void)crosscheck::events::DayOf(iso);
  (void)crosscheck::events::DayOf(bytes.substr(0, 64));
  crosscheck::ingest::ReadOptions options;
  options.max_bytes = 1 << 16;
  auto a = crosscheck::ingest::ParseTextArticle("d", bytes, options);
  if (!a.ok()) return 0;
  crosscheck::extract::Document doc = crosscheck::extract::Segment(*a);
  crosscheck::extract::FindDates(doc);
  crosscheck::extract::FindQuantities(doc);
  for (const auto& d : doc.dates)
    if (d.span.end > a->text.size() || d.span.begin > d.span.end) std::abort();
  for (const auto& q : doc.quantities)
    if (q.span.end > a->text.size() || q.span.begin > q.span.end) std::abort();
  return 0;
}
