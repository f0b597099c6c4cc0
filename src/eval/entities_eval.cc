#include "crosscheck/eval/entities_eval.h"

#include <chrono>
#include <set>
#include <tuple>

#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/tagger/entity_tagger.h"

namespace crosscheck::eval {
namespace {

using Name = std::tuple<size_t, size_t, size_t, std::string>;  // sentence, first, last, type

void Names(size_t sentence, const std::vector<tagger::Tag>& tags, std::set<Name>& out) {
  size_t i = 0;
  while (i < tags.size()) {
    if (tags[i].kind == tagger::EntityKind::kNone) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < tags.size() && tags[j].kind == tags[i].kind && !tags[j].begin) ++j;
    out.emplace(sentence, i, j - 1, tagger::ToString(tags[i].kind));
    i = j;
  }
}

void Add(NameScores& to, const NameScores& s) {
  to.gold += s.gold;
  to.predicted += s.predicted;
  to.correct += s.correct;
}

}  // namespace

StatusOr<EntityEvaluation> EvaluateEntities(const std::string& path,
                                            const std::function<void(size_t, size_t)>& progress) {
  CROSSCHECK_ASSIGN_OR_RETURN(std::string bytes, ingest::ReadFileBytes(path, 256u << 20));
  auto docs = tagger::ParseConll(bytes);
  if (!docs.ok()) return InvalidInput(path + ": " + docs.status().message());
  const tagger::EntityTagger& tagger = tagger::EntityTagger::Default();
  EntityEvaluation ev;
  ev.documents = docs->size();
  double seconds = 0;
  for (size_t d = 0; d < docs->size(); ++d) {
    const auto& doc = (*docs)[d];
    auto t0 = std::chrono::steady_clock::now();
    auto predicted = tagger::TagConll(tagger, doc);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::set<Name> gold_names, pred_names;
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto& cs = doc.sentences[s];
      if (cs.gold.size() != cs.tokens.size())
        return InvalidInput(path + ": a sentence without NER tags; nothing to score against");
      ev.tokens += cs.tokens.size();
      Names(s, tagger::GoldTags(cs), gold_names);
      Names(s, predicted[s], pred_names);
    }
    std::map<std::string, NameScores> here;
    for (const Name& n : gold_names) ++here[std::get<3>(n)].gold;
    for (const Name& n : pred_names) {
      ++here[std::get<3>(n)].predicted;
      if (gold_names.count(n)) ++here[std::get<3>(n)].correct;
    }
    for (const auto& [type, s] : here) {
      Add(ev.by_type[type], s);
      Add(ev.all, s);
      Add(ev.folds[d % 2], s);
    }
    if (progress) progress(d + 1, docs->size());
  }
  if (ev.tokens == 0) return InvalidInput(path + ": no tokens");
  ev.seconds = seconds;
  return ev;
}

}  // namespace crosscheck::eval
