// CoNLL-2003 reader: whitespace-separated columns, the token first and the
// NER tag last; "-DOCSTART-" opens a document, a blank line ends a sentence.
#include <cctype>

#include "crosscheck/lines.h"
#include "crosscheck/tagger/entity_tagger.h"

namespace crosscheck::tagger {

StatusOr<std::vector<ConllDocument>> ParseConll(std::string_view text, size_t max_tokens, bool with_tags) {
  std::vector<ConllDocument> docs;
  ConllSentence cur;
  size_t tokens = 0;
  auto end_sentence = [&] {
    if (cur.tokens.empty()) return;
    if (docs.empty()) docs.emplace_back();
    docs.back().sentences.push_back(std::move(cur));
    cur = {};
  };
  std::string_view line;
  for (Lines lines(text); lines.Next(line);) {
    const size_t line_no = lines.number();
    std::vector<std::string_view> cols;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) cols.push_back(line.substr(i, j - i));
      i = j;
    }
    if (cols.empty()) {
      end_sentence();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      end_sentence();
      docs.emplace_back();
      continue;
    }
    for (unsigned char c : line)
      if (c < 0x20 && c != '\t')
        return InvalidArgument("line " + std::to_string(line_no) + ": control character");
    if (++tokens > max_tokens) return InvalidArgument("more than " + std::to_string(max_tokens) + " tokens");
    cur.tokens.emplace_back(cols[0]);
    if (!with_tags) continue;
    if (cols.size() > 1 && cur.gold.size() + 1 != cur.tokens.size())
      return InvalidArgument("line " + std::to_string(line_no) + ": a tag column after untagged lines");
    if (cols.size() > 1) {
      std::string_view tag = cols.back();
      if (tag != "O" && !((tag[0] == 'B' || tag[0] == 'I') && tag.size() > 2 && tag[1] == '-'))
        return InvalidArgument("line " + std::to_string(line_no) + ": tag \"" + std::string(tag) +
                               "\" is not O, B-X or I-X");
      cur.gold.emplace_back(tag);
    } else if (!cur.gold.empty()) {
      return InvalidArgument("line " + std::to_string(line_no) + ": no tag column");
    }
  }
  end_sentence();
  return docs;
}

}  // namespace crosscheck::tagger
