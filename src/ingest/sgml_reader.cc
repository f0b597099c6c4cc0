#include "crosscheck/ingest/sgml_reader.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "crosscheck/text/datetime.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::ingest {

namespace {

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Position of the next tag `<name>` or `<name attr...>` (or `</name>` when
// `close`) at or after `from`, case-insensitive; npos if none. `end` gets
// the position past the tag's `>`.
size_t FindTag(std::string_view s, std::string_view name, size_t from, size_t* end, bool close = false) {
  for (size_t at = s.find('<', from); at != std::string_view::npos; at = s.find('<', at + 1)) {
    size_t p = at + 1;
    if (close) {
      if (p >= s.size() || s[p] != '/') continue;
      ++p;
    }
    if (p + name.size() > s.size() || !IEquals(s.substr(p, name.size()), name)) continue;
    size_t after = p + name.size();
    if (after < s.size() && s[after] != '>' && !std::isspace(static_cast<unsigned char>(s[after]))) continue;
    size_t gt = s.find('>', after);
    if (gt == std::string_view::npos) return std::string_view::npos;
    if (end) *end = gt + 1;
    return at;
  }
  return std::string_view::npos;
}

// The content of the first `<name>` element inside `s` (up to its closing
// tag, else to the end of `s`); empty with `found` false when absent.
std::string_view Element(std::string_view s, std::string_view name, bool* found = nullptr) {
  size_t open_end = 0;
  size_t open = FindTag(s, name, 0, &open_end);
  if (found) *found = open != std::string_view::npos;
  if (open == std::string_view::npos) return {};
  size_t close = FindTag(s, name, open_end, nullptr, true);
  return s.substr(open_end, (close == std::string_view::npos ? s.size() : close) - open_end);
}

// Removes tags, decodes the entities SGML newswire uses, turns `` and ''
// into straight double quotes, and joins the lines of each block: blocks
// are separated by blank lines. Returns the blocks.
std::vector<std::string> Blocks(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool pending_space = false;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
    pending_space = false;
  };
  auto put = [&](std::string_view piece) {
    if (pending_space && !cur.empty()) cur += ' ';
    pending_space = false;
    cur += piece;
  };
  size_t newlines = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      if (++newlines >= 2) flush();
      pending_space = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = true;
      continue;
    }
    newlines = 0;
    if (c == '<') {  // a tag: a paragraph tag ends the block, others vanish
      size_t gt = s.find('>', i);
      if (gt == std::string_view::npos) break;
      std::string_view tag = s.substr(i + 1, gt - i - 1);
      if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
      if (IEquals(tag.substr(0, tag.find_first_of(" \t\n")), "P"))
        flush();
      else
        pending_space = true;
      i = gt;
      continue;
    }
    if (c == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view name = s.substr(i + 1, semi - i - 1);
        std::string decoded;
        if (name == "amp")
          decoded = "&";
        else if (name == "lt")
          decoded = "<";
        else if (name == "gt")
          decoded = ">";
        else if (name == "quot")
          decoded = "\"";
        else if (name == "apos")
          decoded = "'";
        else if (name.size() > 1 && name[0] == '#') {
          bool hex = name[1] == 'x' || name[1] == 'X';
          std::string digits(name.substr(hex ? 2 : 1));
          char* stop = nullptr;
          unsigned long cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
          if (!digits.empty() && stop && *stop == 0 && cp > 0 && cp <= 0x10FFFF &&
              (cp < 0xD800 || cp > 0xDFFF))
            text::AppendUtf8(decoded, static_cast<char32_t>(cp));
        }
        if (!decoded.empty()) {
          put(decoded);
          i = semi;
          continue;
        }
      }
    }
    if ((c == '`' || c == '\'') && i + 1 < s.size() && s[i + 1] == c) {
      put("\"");
      ++i;
      continue;
    }
    put(std::string_view(&s[i], 1));
  }
  flush();
  return out;
}

std::string Trimmed(std::string_view s) {
  auto blocks = Blocks(s);
  std::string out;
  for (auto& b : blocks) out += (out.empty() ? "" : " ") + b;
  return out;
}

// "APW19990612.0141" -> "1999-06-12"; empty when the id carries no date.
std::string DateOfDocno(std::string_view id) {
  size_t p = 0;
  while (p < id.size() && std::isalpha(static_cast<unsigned char>(id[p]))) ++p;
  while (p < id.size() && id[p] == '_') ++p;
  if (id.size() < p + 8) return {};
  std::string_view d = id.substr(p, 8);
  for (char c : d)
    if (!std::isdigit(static_cast<unsigned char>(c))) return {};
  return text::NormalizeDateTime(std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
                                 std::string(d.substr(6, 2)));
}

// The source prefix of a DOCNO ("NYT19990227.0073" -> "NYT"), else empty.
std::string OutletOfDocno(std::string_view id) {
  size_t p = 0;
  while (p < id.size() && std::isalpha(static_cast<unsigned char>(id[p]))) ++p;
  if (p == 0 || p > 8 || p == id.size()) return {};
  std::string out(id.substr(0, p));
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool IsSgmlPath(std::string_view p) { return p.ends_with(".sgml") || p.ends_with(".sgm"); }

bool LooksLikeSgml(std::string_view head) {
  size_t p = head.find_first_not_of(" \t\r\n");
  if (p == std::string_view::npos) return false;
  if (head.substr(p).starts_with("\xEF\xBB\xBF")) p += 3;
  head.remove_prefix(p);
  return head.size() >= 5 && IEquals(head.substr(0, 4), "<DOC") &&
         (head[4] == '>' || std::isspace(static_cast<unsigned char>(head[4])));
}

Status ParseSgml(std::string_view bytes, const std::string& path,
                 const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  size_t n = 0, at = 0, open_end = 0;
  while ((at = FindTag(bytes, "DOC", at, &open_end)) != std::string_view::npos) {
    ++n;
    // A document ends at its closing tag, or, unclosed, at the next one: the
    // closing tag is looked for only before the next document, so a file of
    // unclosed documents is still read in one pass.
    size_t next_open = FindTag(bytes, "DOC", open_end, nullptr);
    if (next_open == std::string_view::npos) next_open = bytes.size();
    size_t close_end = 0;
    size_t close = FindTag(bytes.substr(0, next_open), "DOC", open_end, &close_end, true);
    size_t stop = close == std::string_view::npos ? next_open : close;
    std::string_view doc = bytes.substr(open_end, stop - open_end);
    at = close == std::string_view::npos ? stop : close_end;
    std::string id = Trimmed(Element(doc, "DOCNO"));
    if (id.empty()) {
      error({n, "document has no DOCNO"});
      continue;
    }
    bool has_text = false;
    std::string_view body = Element(doc, "TEXT", &has_text);
    if (!has_text) {
      error({n, id + ": document has no TEXT"});
      continue;
    }
    std::string headline = Trimmed(Element(doc, "HEADLINE"));
    std::string text = headline.empty() ? "" : headline + "\n\n";
    for (auto& b : Blocks(body)) text += b + "\n\n";
    StatusOr<Article> a = ParseTextArticle(id, text, options);
    if (!a.ok()) {
      error({n, id + ": " + a.status().message()});
      continue;
    }
    if (!headline.empty()) a->title = headline;
    std::string when = Trimmed(Element(doc, "DATE_TIME"));
    if (when.empty()) when = Trimmed(Element(doc, "DATE"));
    a->published = text::NormalizeDateTime(when);
    if (a->published.empty() && when.size() >= 10) a->published = text::NormalizeDateTime(when.substr(0, 10));
    if (a->published.empty()) a->published = DateOfDocno(id);
    a->outlet = OutletOfDocno(id);
    article(std::move(*a));
  }
  if (n == 0) return InvalidInput(path + ": no <DOC> element: not LDC/TREC SGML");
  return Status::Ok();
}

Status ReadSgml(const std::string& path, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  // A file holds many documents: allow it the bound of many articles.
  auto bytes = ReadFileBytes(path, options.max_bytes * 8);
  if (!bytes.ok()) return bytes.status();
  return ParseSgml(*bytes, path, article, error, options);
}

}  // namespace crosscheck::ingest
