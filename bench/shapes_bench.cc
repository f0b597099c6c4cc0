// Cost against size for the worst shapes of input: text that is one long
// line, all names or all quotes, and pages with deep nesting or unclosed
// svg/script/style. Each shape is timed at 256 KiB to 4 MiB; Google
// Benchmark fits the growth (the "BigO" rows) so a quadratic path shows as
// N^2 rather than N. Run: build/crosscheck_shapes_bench
#include <benchmark/benchmark.h>

#include <string>

#include "crosscheck/analysis/report.h"
#include "crosscheck/html/page.h"
#include "crosscheck/ingest/text_reader.h"

namespace {

using namespace crosscheck;

// Repeats `unit` (with a counter spliced in where `#` stands, so no two
// repeats are the same words) until `bytes` is reached.
std::string Repeat(std::string_view unit, size_t bytes, size_t break_every = 0) {
  std::string out;
  out.reserve(bytes + unit.size() + 16);
  for (size_t n = 0; out.size() < bytes; ++n) {
    for (char c : unit) {
      if (c == '#')
        out += std::to_string(n % 997);
      else
        out += c;
    }
    if (break_every != 0 && n % break_every == break_every - 1) out += "\n\n";
  }
  return out;
}

std::string LongLine(size_t bytes) {
  return "A headline\n\n" +
         Repeat("the minister said on Tuesday # officials would review the policy ", bytes);
}
std::string AllNames(size_t bytes) {
  return "A headline\n\n" + Repeat("John Smith Mary Jones Vladimir Putin Kyiv Moscow United Nations ", bytes);
}
std::string AllQuotes(size_t bytes) {
  return "A headline\n\n" + Repeat("\"We will not accept # of these,\" said Mary Jones. ", bytes, 20);
}

void ReportOnText(benchmark::State& state, std::string (*make)(size_t)) {
  const std::string text = make(static_cast<size_t>(state.range(0)));
  auto article = ingest::ParseTextArticle("shape", text);
  if (!article.ok()) {
    state.SkipWithError(article.status().ToString().c_str());
    return;
  }
  std::vector<Article> one{*article};
  for (auto _ : state) {
    auto r = analysis::BuildReport(one);
    benchmark::DoNotOptimize(r);
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}

// Pages: nesting as deep as the limit allows, repeated side by side; and
// svg, script and style elements left open.
std::string DeepPage(size_t bytes) {
  std::string block;
  for (int i = 0; i < 500; ++i) block += "<div>";
  block += "<p>A paragraph of article text deep in the page, long enough to be kept.</p>";
  for (int i = 0; i < 500; ++i) block += "</div>";
  return "<html><body>" + Repeat(block, bytes) + "</body></html>";
}
std::string UnclosedPage(size_t bytes) {
  return "<html><body><article><p>Opening paragraph of the article with enough words.</p>" +
         Repeat("<svg><g><script>var a = #; <style>p { } <p>Paragraph # of article text in the page.</p>",
                bytes);
}

void ExtractShape(benchmark::State& state, std::string (*make)(size_t)) {
  const std::string page = make(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto p = html::ExtractPage(page);
    if (!p.ok()) {
      state.SkipWithError(p.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(p);
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.size()));
}

void BM_ReportLongLine(benchmark::State& s) { ReportOnText(s, LongLine); }
void BM_ReportAllNames(benchmark::State& s) { ReportOnText(s, AllNames); }
void BM_ReportAllQuotes(benchmark::State& s) { ReportOnText(s, AllQuotes); }
void BM_ExtractDeepPage(benchmark::State& s) { ExtractShape(s, DeepPage); }
void BM_ExtractUnclosed(benchmark::State& s) { ExtractShape(s, UnclosedPage); }

constexpr int64_t kFrom = 256 << 10, kTo = 4 << 20;

}  // namespace

BENCHMARK(BM_ReportLongLine)
    ->RangeMultiplier(2)
    ->Range(kFrom, kTo)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_ReportAllNames)
    ->RangeMultiplier(2)
    ->Range(kFrom, kTo)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_ReportAllQuotes)
    ->RangeMultiplier(2)
    ->Range(kFrom, kTo)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_ExtractDeepPage)
    ->RangeMultiplier(2)
    ->Range(kFrom, kTo)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_ExtractUnclosed)
    ->RangeMultiplier(2)
    ->Range(kFrom, kTo)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

BENCHMARK_MAIN();
