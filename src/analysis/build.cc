// BuildReport: runs extraction over the articles, then the cross-source
// steps in dependency order (facts first: conflicts, exclusives, timeline and
// summary consult the fact clusters).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "context.h"
#include "crosscheck/index/copies.h"
#include "crosscheck/lexicon/words.h"
#include "crosscheck/text/tokens.h"

namespace crosscheck::analysis {

namespace internal {

void AddOrganizations(const extract::Extraction& x, std::vector<EntityInfo>& entities) {
  // Folded word sequences of the organisations' names and aliases.
  std::vector<std::pair<std::vector<std::string>, const std::string*>> orgs;
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : text::Tokenize(s, {0, static_cast<uint32_t>(s.size())}))
      if (t.IsWord()) out.push_back(t.norm);
    return out;
  };
  for (const auto& e : x.entities) {
    if (e.type != extract::EntityType::kOrganization) continue;
    orgs.emplace_back(words(e.name), &e.name);
    for (const auto& a : e.aliases) orgs.emplace_back(words(a), &e.name);
  }
  for (auto& info : entities) {
    if (info.type != "person") continue;
    for (const auto& role : info.roles) {
      std::vector<std::string> rw = words(role);
      for (const auto& [ow, name] : orgs) {
        if (ow.empty() || ow.size() > rw.size()) continue;
        for (size_t k = 0; k + ow.size() <= rw.size() && info.organization.empty(); ++k)
          if (std::equal(ow.begin(), ow.end(), rw.begin() + static_cast<ptrdiff_t>(k)))
            info.organization = *name;
      }
      for (const auto& w : rw) {
        if (!info.organization.empty()) break;
        std::string country(lexicon::CountryOfDemonym(w));
        if (country.empty()) continue;
        for (size_t k = 0; k < country.size(); ++k)
          if (k == 0 || country[k - 1] == ' ')
            country[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(country[k])));
        info.organization = country;
      }
      if (!info.organization.empty()) break;
    }
  }
}

// The copy signature of a document's whole text (index::TextSignature, as
// ingest computes it) from the sentences' tokens, tokenizing only the text
// between sentences (headings, datelines, captions).
index::Signature CopySignature(const extract::Document& doc) {
  std::string_view t = doc.text();
  std::vector<std::vector<text::Token>> gaps;
  gaps.reserve(doc.sentences.size() + 1);
  std::vector<const std::vector<text::Token>*> pieces;
  uint32_t at = 0;
  auto gap = [&](uint32_t end) {
    if (end > at) pieces.push_back(&gaps.emplace_back(text::Tokenize(t, {at, end})));
  };
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    gap(doc.sentences[s].span.begin);
    pieces.push_back(&doc.tokens[s]);
    at = std::max(at, doc.sentences[s].span.end);
  }
  gap(static_cast<uint32_t>(t.size()));
  return index::MinHash(pieces);
}

}  // namespace internal

StatusOr<Report> BuildReport(const std::vector<Article>& articles, const ReportOptions& options) {
  if (articles.empty()) return InvalidArgument("no article to cross-check");
  extract::Extraction x = extract::ExtractAll(articles);
  // Wire copies among the articles, as ingest finds them (index::CopyDetector):
  // a later article whose 5-word shingles mostly repeat an earlier one's
  // republishes it (unless the caller knew). A copy of a copy cites the first.
  std::vector<std::string> copy_of(articles.size());
  {
    index::CopyDetector copies(options.copies);
    for (size_t j = 0; j < articles.size(); ++j) {
      index::Signature sig = internal::CopySignature(x.documents[j]);
      copy_of[j] = articles[j].copy_of;
      if (copy_of[j].empty())
        if (int64_t i = copies.OriginalOf(sig)) {
          const Article& original = articles[static_cast<size_t>(i - 1)];
          copy_of[j] = !copy_of[i - 1].empty() ? copy_of[i - 1] : original.id;
        }
      copies.Add(static_cast<int64_t>(j + 1), sig);
    }
  }
  internal::Context c(x, options, copy_of);
  Report r;
  for (size_t d = 0; d < articles.size(); ++d) {
    const auto& a = articles[d];
    r.sources.push_back({a.id,
                         a.outlet,
                         a.title,
                         a.url,
                         a.published,
                         static_cast<int>(x.documents[d].sentences.size()),
                         a.removed,
                         a.warnings,
                         {},
                         {}});
    for (size_t s = 0; s < x.documents[d].sentences.size(); ++s)
      r.sources.back().text.push_back(c.SentenceSupport({static_cast<int>(d), static_cast<int>(s)}));
    r.sources.back().copy_of = copy_of[d];
  }
  // Entities: most widely reported first.
  std::vector<int> order(x.entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (x.entities[a].documents.size() != x.entities[b].documents.size())
      return x.entities[a].documents.size() > x.entities[b].documents.size();
    return x.entities[a].mentions > x.entities[b].mentions;
  });
  for (size_t k = 0; k < order.size(); ++k) {
    const auto& e = x.entities[order[k]];
    EntityInfo info;
    info.id = "e" + std::to_string(order[k] + 1);
    info.name = e.name;
    info.type = extract::ToString(e.type);
    info.aliases = e.aliases;
    info.roles = e.roles;
    info.sources = internal::SourceIds(c, e.documents);
    info.mentions = e.mentions;
    r.entities.push_back(std::move(info));
  }
  internal::AddOrganizations(x, r.entities);
  internal::BuildFacts(c, r);

  internal::BuildConflicts(c, r);
  internal::BuildClaims(c, r);
  internal::BuildQuotes(c, r);
  internal::BuildExclusives(c, r);
  internal::BuildTimeline(c, r);
  internal::BuildSummary(c, r);
  // Title: a headline from the sources, else the leading fact.
  // A title printed above the body is preferred to one printed after it.
  for (int pass = 0; pass < 2 && r.title.empty(); ++pass)
    for (const auto& s : r.sources) {
      bool trailing = false;
      for (const auto& b : s.removed)
        trailing |= b.reason == Removal::kHeadlineAfterBody && b.text == s.title;
      if (!s.title.empty() && trailing == (pass == 1)) {
        r.title = s.title;
        break;
      }
    }
  if (r.title.empty()) {
    std::string lead = !r.summary.empty() ? r.summary.front().text
                                          : (!r.facts.empty() ? r.facts.front().statement : std::string());
    if (lead.empty() && !x.documents.empty() && !x.documents[0].sentences.empty())
      lead = c.SentenceText({0, 0});
    // Up to about 14 words, cut at a word boundary.
    size_t words = 0, cut = lead.size();
    for (size_t i = 0; i < lead.size(); ++i)
      if (lead[i] == ' ' && ++words == 14) {
        cut = i;
        break;
      }
    r.title = lead.substr(0, cut) + (cut < lead.size() ? " …" : "");
  }
  return r;
}

}  // namespace crosscheck::analysis
