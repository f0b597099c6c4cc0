// Ingest at scale: generated articles (about 30 per event, drawn from
// templates in process, realistic lengths, some wire copies, dated as a
// stream of about 3,000 articles a day) go through the
// whole pipeline — store, duplicate detection, event clustering — in batches.
// Prints articles/s (ingest only, generation excluded), peak memory, and
// B-cubed F1 against the generator's own events.
// Usage: see kUsage below.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/text/calendar.h"

namespace {

struct GenEvent {
  int id;
  int kind;
  std::string place, region, person, person2, org;
  int number, number2, day;
  int remaining;
};

const char* kKinds[] = {"earthquake", "flood", "factory fire", "strike",
                        "election",   "trial", "merger",       "protest"};
const char* kVerbs[] = {"struck",  "hit",       "swept through", "shut down",
                        "decided", "opened in", "reshaped",      "filled"};
const char* kFiller[] = {"Local officials said more information would be released later in the day.",
                         "Residents described scenes of confusion as the news spread across the area.",
                         "Analysts said the consequences could be felt for months, if not years.",
                         "The government said it was monitoring the situation closely and would respond.",
                         "Several witnesses told reporters they had never seen anything like it before.",
                         "Emergency services urged people to follow official advice and avoid rumours.",
                         "Businesses in the area said they expected disruption to continue into next week.",
                         "Opposition politicians called for an independent inquiry into what happened.",
                         "Television images showed crowds gathering in the main square by the evening.",
                         "Experts cautioned that early figures are often revised as more data comes in."};

std::string Name(std::mt19937& rng, int syllables) {
  static const char* kSyl[] = {"ka",   "ri", "mo", "sel", "van", "dor", "li", "ne", "tha", "bro",
                               "quin", "es", "ul", "far", "gen", "pol", "ar", "ti", "zu",  "mer"};
  std::string s;
  for (int i = 0; i < syllables; ++i) s += kSyl[rng() % 20];
  s[0] = static_cast<char>(s[0] - 32);
  return s;
}

std::string Article(const GenEvent& e, std::mt19937& rng) {
  std::string k = kKinds[e.kind];
  std::string t;
  t += "The " + k + " " + kVerbs[e.kind] + " " + e.place + " in the " + e.region + " region on day " +
       std::to_string(e.day) + ", officials said.\n\n";
  std::vector<std::string> facts = {
      e.person + ", the mayor of " + e.place + ", said " + std::to_string(e.number) +
          " people were affected by the " + k + ".",
      "According to " + e.org + ", at least " + std::to_string(e.number2) + " homes in " + e.place +
          " were damaged.",
      "\"We are doing everything we can for the people of " + e.place + ",\" " + e.person +
          " told reporters.",
      e.person2 + " of " + e.org + " said the " + k + " was the worst the " + e.region +
          " region had seen in years.",
      "Crews from across the " + e.region + " region arrived in " + e.place + " by nightfall.",
      "The " + k + " in " + e.place + " drew comparisons with earlier events in the " + e.region + " region.",
      e.org + " said it would publish a full account of the " + k + " next week.",
      "By the second day, " + std::to_string(e.number + 7) + " cases had been recorded in " + e.place + ", " +
          e.person2 + " said."};
  std::shuffle(facts.begin(), facts.end(), rng);
  size_t n = 4 + rng() % 4;
  for (size_t i = 0; i < n; ++i) t += facts[i] + " " + kFiller[rng() % 10] + "\n\n";
  size_t filler = 6 + rng() % 10;
  for (size_t i = 0; i < filler; ++i) t += std::string(kFiller[rng() % 10]) + (i % 3 == 2 ? "\n\n" : " ");
  return t;
}

}  // namespace

constexpr const char* kUsage =
    "usage: crosscheck_ingest_scale [--articles N] [--db PATH] [--window STORIES] [--threads T]\n"
    "         [--batch ARTICLES_PER_TRANSACTION] [--dedup ARTICLES] [--regroup SHARE] [--members M] "
    "[--detail TERMS]\n"
    "         [--write-jsonl FILE]\n"
    "  --write-jsonl writes the generated articles to FILE as JSONL (id, published, text) instead of\n"
    "  ingesting them, so that `crosscheck ingest` itself can be timed on them\n"
    "  defaults: 1,000,000 articles, a database in the temporary directory, 50,000 active stories,\n"
    "  2 threads, the ingestor's batch and sub-event defaults, a dedup window of 20,000 articles\n";

int main(int argc, char** argv) {
  size_t total = 1000000, window = 50000, dedup = 20000;
  double regroup = -1;
  size_t members = 0, detail = 0, batch = 0;
  unsigned threads = 2;
  std::string db = (std::filesystem::temp_directory_path() / "crosscheck_scale.db").string();
  std::string jsonl;
  for (int i = 1; i < argc; i += 2) {
    std::string a = argv[i];
    if (i + 1 >= argc || !a.starts_with("--")) {
      std::fputs(kUsage, a == "--help" || a == "-h" ? stdout : stderr);
      return a == "--help" || a == "-h" ? 0 : 2;
    }
    if (a == "--articles")
      total = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--db")
      db = argv[i + 1];
    else if (a == "--window")
      window = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--regroup")
      regroup = std::strtod(argv[i + 1], nullptr);
    else if (a == "--members")
      members = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--detail")
      detail = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--batch")
      batch = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--threads")
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (a == "--dedup")
      dedup = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--write-jsonl")
      jsonl = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown option %s\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  std::FILE* out = nullptr;
  if (!jsonl.empty() && !(out = std::fopen(jsonl.c_str(), "wb"))) {
    std::fprintf(stderr, "%s: cannot write\n", jsonl.c_str());
    return 1;
  }
  if (!out)
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  crosscheck::pipeline::IngestOptions opt;
  opt.assign.cluster.max_active_events = window;
  if (regroup >= 0) opt.assign.subevents.regroup_growth = regroup;
  if (members) opt.assign.subevents.members = members;
  if (detail) opt.assign.cluster.detail_terms = detail;
  if (batch) opt.batch = batch;
  opt.copies.window = dedup;
  if (out) db = ":memory:";  // nothing is ingested
  auto ing = crosscheck::pipeline::Ingestor::Open(db, opt);
  if (!ing.ok()) {
    std::fprintf(stderr, "%s\n", ing.status().ToString().c_str());
    return 1;
  }
  std::mt19937 rng(12345);
  std::vector<GenEvent> live;
  int next_event = 0;
  std::vector<int> truth;
  std::vector<int64_t> predicted;
  truth.reserve(total);
  predicted.reserve(total);
  double ingest_seconds = 0;
  size_t bytes = 0, made = 0;
  std::string last_text;
  int last_event = -1;
  while (made < total) {
    std::vector<crosscheck::Article> batch;
    for (size_t b = 0; b < 2000 && made < total; ++b, ++made) {
      if (live.size() < 300 || rng() % 30 == 0) {
        GenEvent e{next_event++,
                   static_cast<int>(rng() % 8),
                   Name(rng, 3),
                   Name(rng, 2),
                   Name(rng, 2) + " " + Name(rng, 3),
                   Name(rng, 2) + " " + Name(rng, 2),
                   Name(rng, 2) + " Agency",
                   static_cast<int>(10 + rng() % 990),
                   static_cast<int>(5 + rng() % 500),
                   static_cast<int>(1 + rng() % 365),
                   static_cast<int>(10 + rng() % 40)};
        live.push_back(e);
      }
      size_t pick = rng() % live.size();
      GenEvent& e = live[pick];
      std::string text;
      if (!last_text.empty() && rng() % 10 == 0) {
        text = last_text + "Reporting by the wire desk.\n";  // a wire copy of the previous article
        truth.push_back(last_event);
      } else {
        text = Article(e, rng);
        truth.push_back(e.id);
        last_text = text;
        last_event = e.id;
        if (--e.remaining <= 0) {
          live[pick] = live.back();
          live.pop_back();
        }
      }
      bytes += text.size();
      // A stream of about 3,000 articles a day from 2025-01-01: the day an
      // article was generated is its publication day (a copy's too).
      const std::string published =
          crosscheck::text::ToIso(crosscheck::text::AddDays({2025, 1, 1}, static_cast<long>(made / 3000)));
      if (out) {
        std::string line =
            nlohmann::json{{"id", "g" + std::to_string(made)}, {"published", published}, {"text", text}}
                .dump() +
            "\n";
        if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) return 1;
        continue;
      }
      auto a = crosscheck::ingest::ParseTextArticle("g" + std::to_string(made), text);
      if (!a.ok()) {
        std::fprintf(stderr, "%s\n", a.status().ToString().c_str());
        return 1;
      }
      a->published = published;
      batch.push_back(std::move(*a));
    }
    if (out) continue;
    auto start = std::chrono::steady_clock::now();
    auto events = (*ing)->AddAll(batch, threads);
    ingest_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!events.ok()) {
      std::fprintf(stderr, "%s\n", events.status().ToString().c_str());
      return 1;
    }
    predicted.insert(predicted.end(), events->begin(), events->end());
    if (made % 100000 == 0)
      std::fprintf(stderr, "%zu articles, %.0f articles/s\n", made, made / ingest_seconds);
  }
  if (out) {
    std::printf("%zu articles (%.0f MB of text) written to %s\n", total, bytes / 1e6, jsonl.c_str());
    return std::fclose(out) == 0 ? 0 : 1;
  }
  auto start = std::chrono::steady_clock::now();
  if (!(*ing)->Flush().ok()) return 1;
  ingest_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // B-cubed against the generator.
  std::unordered_map<int64_t, std::unordered_map<int, int>> pred_truth;
  std::unordered_map<int64_t, int> pred_size;
  std::unordered_map<int, int> truth_size;
  for (size_t i = 0; i < truth.size(); ++i) {
    ++pred_truth[predicted[i]][truth[i]];
    ++pred_size[predicted[i]];
    ++truth_size[truth[i]];
  }
  double p = 0, r = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    double both = pred_truth[predicted[i]][truth[i]];
    p += both / pred_size[predicted[i]];
    r += both / truth_size[truth[i]];
  }
  p /= truth.size();
  r /= truth.size();
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  const auto& s = (*ing)->stats();
  std::printf("articles %zu (%.0f MB of text), %zu generated events, %zu events found, %zu copies found\n",
              total, bytes / 1e6, static_cast<size_t>(next_event), s.events, s.copies);
  std::printf("ingest + duplicates + clustering: %.1f s, %.0f articles/s on %u threads\n", ingest_seconds,
              total / ingest_seconds, threads);
  std::printf("peak memory: %.0f MiB (window of %zu active events)\n", ru.ru_maxrss / 1024.0, window);
  std::printf("B-cubed against the generator: precision %.3f recall %.3f F1 %.3f\n", p, r,
              2 * p * r / (p + r));
  return 0;
}
