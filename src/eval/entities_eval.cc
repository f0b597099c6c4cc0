#include "crosscheck/eval/entities_eval.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <tuple>

#include "crosscheck/extract/document.h"
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

void Score(const std::set<Name>& gold, const std::set<Name>& predicted, size_t fold, NameEvaluation& ev) {
  std::map<std::string, NameScores> here;
  for (const Name& n : gold) ++here[std::get<3>(n)].gold;
  for (const Name& n : predicted) {
    ++here[std::get<3>(n)].predicted;
    if (gold.count(n)) ++here[std::get<3>(n)].correct;
  }
  for (const auto& [type, s] : here) {
    Add(ev.by_type[type], s);
    Add(ev.all, s);
    Add(ev.folds[fold], s);
  }
}

const char* ConllType(extract::EntityType t) {
  switch (t) {
    case extract::EntityType::kPerson:
      return "PER";
    case extract::EntityType::kOrganization:
      return "ORG";
    case extract::EntityType::kPlace:
      return "LOC";
    case extract::EntityType::kOther:
      break;
  }
  return nullptr;
}

// The report's names in one document, as (sentence, first, last, type) over
// the CoNLL tokens.
std::set<Name> MentionNames(const tagger::ConllDocument& doc) {
  Article a;
  a.id = "conll";
  std::vector<std::pair<size_t, size_t>> where;  // byte offset of each token -> (sentence, token)
  std::vector<uint32_t> begins;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (!a.text.empty()) a.text += "\n\n";
    auto p_begin = static_cast<uint32_t>(a.text.size());
    for (size_t k = 0; k < doc.sentences[s].tokens.size(); ++k) {
      if (k) a.text += ' ';
      begins.push_back(static_cast<uint32_t>(a.text.size()));
      where.emplace_back(s, k);
      a.text += doc.sentences[s].tokens[k];
    }
    a.paragraphs.push_back({p_begin, static_cast<uint32_t>(a.text.size())});
  }
  std::vector<extract::Document> docs;
  docs.push_back(extract::Segment(a));
  extract::CapStats stats = extract::CountCapitals(docs);
  extract::FindMentions(docs[0], stats);
  auto entities = extract::ResolveEntities(docs);
  std::set<Name> out;
  for (const auto& m : docs[0].mentions) {
    if (m.entity < 0) continue;
    const char* type = ConllType(entities[m.entity].type);
    if (!type) continue;
    // The tokens the mention covers.
    auto first = std::upper_bound(begins.begin(), begins.end(), m.span.begin) - begins.begin() - 1;
    auto last = std::upper_bound(begins.begin(), begins.end(), m.span.end - 1) - begins.begin() - 1;
    if (first < 0 || last < first || where[first].first != where[last].first) continue;
    out.emplace(where[first].first, where[first].second, where[last].second, type);
  }
  return out;
}

}  // namespace

StatusOr<EntityEvaluation> EvaluateEntities(const std::string& path,
                                            const std::function<void(size_t, size_t)>& progress,
                                            std::vector<std::string>* errors) {
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
    Score(gold_names, pred_names, d % 2, ev.tagger);
    std::set<Name> gold_no_misc;
    for (const Name& n : gold_names)
      if (std::get<3>(n) != "MISC") gold_no_misc.insert(n);
    auto mn = MentionNames(doc);
    if (errors) {
      auto text = [&](const Name& n) {
        std::string t;
        for (size_t k = std::get<1>(n); k <= std::get<2>(n); ++k)
          t += (t.empty() ? "" : " ") + doc.sentences[std::get<0>(n)].tokens[k];
        return t + " (" + std::get<3>(n) + ")";
      };
      for (const Name& n : gold_no_misc)
        if (!mn.count(n)) errors->push_back("missed\t" + text(n));
      for (const Name& n : mn)
        if (!gold_no_misc.count(n)) errors->push_back("wrong\t" + text(n));
    }
    Score(gold_no_misc, mn, d % 2, ev.mentions);
    if (progress) progress(d + 1, docs->size());
  }
  if (ev.tokens == 0) return InvalidInput(path + ": no tokens");
  ev.seconds = seconds;
  return ev;
}

}  // namespace crosscheck::eval
