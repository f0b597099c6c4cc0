// Throughput of the whole report and of each stage, on real articles read
// from ../shared/corpus: the five seed articles, the first 100 ECB+
// articles (file-name order), and one report over 100, 1,000, 2,000 and 5,000
// articles (ECB+ and the DUC 2007 documents taken evenly, then the same
// again under new ids, as republished copies), so that the cost's
// growth with the size of an event shows (BM_ReportScale; its BigO row).
// Run: build/crosscheck_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>

#include "crosscheck/analysis/report.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/inputs.h"
#ifdef CROSSCHECK_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

using namespace crosscheck;

#ifdef CROSSCHECK_WITH_MIMALLOC
// The heap on 2 MiB pages, as the crosscheck program has it.
const bool kLargePages = [] {
  mi_option_enable(mi_option_large_os_pages);
  return true;
}();
#endif

const std::vector<Article>& Seeds() {
  static auto* a = [] {
    auto r = ingest::ReadArticles({std::string(CROSSCHECK_SHARED_DIR) + "/corpus/seeds"});
    return new std::vector<Article>(r.ok() ? std::move(*r) : std::vector<Article>{});
  }();
  return *a;
}

const std::vector<Article>& Hundred() {
  static auto* a = [] {
    std::vector<std::string> files;
    std::string dir = std::string(CROSSCHECK_SHARED_DIR) + "/corpus/ecbplus";
    if (std::filesystem::exists(dir))
      for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt" && e.path().filename().string()[0] != 'L')
          files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    if (files.size() > 100) files.resize(100);
    auto r = ingest::ReadArticles(files);
    return new std::vector<Article>(r.ok() ? std::move(*r) : std::vector<Article>{});
  }();
  return *a;
}

// `n` real articles: up to the 1,897 ECB+ and DUC 2007 documents the corpus
// has, taken evenly from both (every size holds the same mix of short and
// long articles, so twice the articles are about twice the bytes); past them,
// the same again under new ids (republished copies).
std::vector<Article> Pool(size_t n) {
  static auto* pool = [] {
    std::vector<std::string> inputs;
    std::string corpus = std::string(CROSSCHECK_SHARED_DIR) + "/corpus/";
    if (std::filesystem::exists(corpus + "ecbplus")) inputs.push_back(corpus + "ecbplus");
    std::string duc = corpus + "duc2007/duc2007_testdocs/main";
    if (std::filesystem::exists(duc)) {
      std::vector<std::string> topics;
      for (const auto& e : std::filesystem::directory_iterator(duc)) topics.push_back(e.path().string());
      std::sort(topics.begin(), topics.end());
      inputs.insert(inputs.end(), topics.begin(), topics.end());
    }
    auto r = ingest::ReadArticles(inputs);
    return new std::vector<Article>(r.ok() ? std::move(*r) : std::vector<Article>{});
  }();
  std::vector<Article> out;
  const size_t m = pool->size();
  for (size_t i = 0; i < n && m > 0; ++i) {
    out.push_back((*pool)[n <= m ? i * m / n : i % m]);
    if (n > m && i >= m) out.back().id += "-" + std::to_string(i / m);
  }
  return out;
}

size_t Bytes(const std::vector<Article>& arts) {
  size_t n = 0;
  for (const auto& a : arts) n += a.text.size();
  return n;
}

void ReportOn(benchmark::State& state, const std::vector<Article>& arts) {
  if (arts.empty()) {
    state.SkipWithError("corpus not found under ../shared");
    return;
  }
  for (auto _ : state) {
    auto r = analysis::BuildReport(arts);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * Bytes(arts));
  state.SetItemsProcessed(state.iterations() * arts.size());
}

void BM_ReportSeeds(benchmark::State& state) { ReportOn(state, Seeds()); }

void BM_ReportScale(benchmark::State& state) {
  const auto arts = Pool(static_cast<size_t>(state.range(0)));
  ReportOn(state, arts);
  state.SetComplexityN(state.range(0));
}
void BM_Report100(benchmark::State& state) { ReportOn(state, Hundred()); }

// Stage: reading text (decoding, NFC, paragraphs, boilerplate).
void BM_StageIngest(benchmark::State& state) {
  const auto& arts = Hundred();
  std::vector<std::string> raw;
  for (const auto& a : arts) raw.push_back(a.text);
  for (auto _ : state)
    for (size_t i = 0; i < raw.size(); ++i)
      benchmark::DoNotOptimize(ingest::ParseTextArticle(arts[i].id, raw[i]));
  state.SetBytesProcessed(state.iterations() * Bytes(arts));
}

// Stage: text (sentences, tokens, stems).
void BM_StageText(benchmark::State& state) {
  const auto& arts = Hundred();
  for (auto _ : state)
    for (const auto& a : arts) benchmark::DoNotOptimize(extract::Segment(a));
  state.SetBytesProcessed(state.iterations() * Bytes(arts));
}

// Stage: text and extraction together (entities, resolution, quotes,
// attributions, numbers, dates).
void BM_StageTextAndExtract(benchmark::State& state) {
  const auto& arts = Hundred();
  for (auto _ : state) benchmark::DoNotOptimize(extract::ExtractAll(arts));
  state.SetBytesProcessed(state.iterations() * Bytes(arts));
}

BENCHMARK(BM_ReportSeeds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportScale)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_StageIngest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StageText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StageTextAndExtract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
