// Segmentation: sentences and tokens of an article, and the corpus-wide
// capitalisation counts that tell names from sentence-initial common words.
#include <algorithm>

#include "crosscheck/extract/document.h"
#include "internal.h"

namespace crosscheck::extract {

const char* ToString(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      return "other";
  }
  return "other";
}

int Document::SentenceAt(uint32_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](uint32_t p, const text::Sentence& s) { return p < s.span.begin; });
  if (it == sentences.begin()) return -1;
  --it;
  return pos < it->span.end ? static_cast<int>(it - sentences.begin()) : -1;
}

Document Segment(const Article& article) {
  Document doc;
  doc.article = &article;
  doc.sentences = text::SplitSentences(article.text, article.paragraphs);
  doc.tokens.reserve(doc.sentences.size());
  for (const auto& s : doc.sentences) doc.tokens.push_back(text::Tokenize(article.text, s.span));
  doc.quote_regions = internal::QuoteRegions(doc);
  return doc;
}

bool CapStats::SeenCapitalised(const std::string& norm) const {
  auto it = counts.find(norm);
  return it != counts.end() && it->second.first > 0;
}

bool CapStats::MostlyLower(const std::string& norm) const {
  auto it = counts.find(norm);
  return it != counts.end() && it->second.second > it->second.first;
}

CapStats CountCapitals(const std::vector<Document>& docs) {
  CapStats stats;
  for (const auto& d : docs) {
    for (const auto& toks : d.tokens) {
      for (size_t i = 1; i < toks.size(); ++i) {
        const auto& t = toks[i];
        if (!t.IsWord()) continue;
        // A word right after an opening quote or a colon starts a sentence too.
        uint32_t gap_begin = toks[i - 1].span.end;
        std::string_view gap = d.text().substr(gap_begin, t.span.begin - gap_begin);
        bool quote_start = gap.find("\xE2\x80\x9C") != std::string_view::npos ||
                           gap.find('"') != std::string_view::npos || gap.find(':') != std::string_view::npos;
        if (quote_start) continue;
        auto& c = stats.counts[t.norm];
        if (t.cap)
          ++c.first;
        else
          ++c.second;
      }
    }
  }
  return stats;
}

}  // namespace crosscheck::extract
