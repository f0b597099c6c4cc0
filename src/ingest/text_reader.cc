// Plain-text article reader. Bytes are checked (size, NUL bytes, UTF-8 with
// repair), a BOM is dropped, line ends become LF, and the text is put in NFC.
// Blocks are runs of non-blank lines; a block whose lines look hard-wrapped
// (most lines end mid-sentence) is one paragraph, otherwise every line is a
// paragraph. Blocks are then classified by ClassifyBlocks.
#include "crosscheck/ingest/text_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "boilerplate.h"
#include "crosscheck/ingest/outlet.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::ingest {
namespace {

bool EndsSentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty()) return true;
  unsigned char c = static_cast<unsigned char>(line.back());
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')') return true;
  return line.ends_with("\xE2\x80\x9D") || line.ends_with("\xE2\x80\xA6") || line.ends_with("\xE2\x80\x99");
}

std::string_view Trimmed(std::string_view s, Span& span) {
  while (span.begin < span.end && (s[span.begin] == ' ' || s[span.begin] == '\t')) ++span.begin;
  while (span.end > span.begin && (s[span.end - 1] == ' ' || s[span.end - 1] == '\t')) --span.end;
  return span.In(s);
}

// The calendar date of a dateline ("May 03, 2013" -> "2013-05-03"), or empty.
std::string DatelineToIso(std::string_view line) {
  std::string l = text::FoldForMatch(line);
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  int month = 0, day = 0, year = 0;
  size_t month_at = std::string::npos;
  for (int m = 0; m < 12; ++m) {
    size_t at = l.find(kMonths[m]);
    if (at != std::string::npos && at < month_at) {
      month_at = at;
      month = m + 1;
    }
  }
  if (!month) return "";
  std::vector<int> numbers;
  for (size_t i = 0; i < l.size();) {
    if (!std::isdigit(static_cast<unsigned char>(l[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < l.size() && std::isdigit(static_cast<unsigned char>(l[j]))) ++j;
    bool time = j < l.size() && l[j] == ':';
    if (!time && (i == 0 || l[i - 1] != ':')) numbers.push_back(std::atoi(l.substr(i, j - i).c_str()));
    i = j;
  }
  for (int n : numbers) {
    if (n >= 1900 && n <= 2100 && !year)
      year = n;
    else if (n >= 1 && n <= 31 && !day)
      day = n;
  }
  if (!year || !day) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace

std::string IdFromPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.ends_with(".gz")) name.remove_suffix(3);
  size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

Status CheckRegularFile(const std::string& path) {
  std::error_code ec;
  auto st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st))
    return NotFound(path + ": no such file" + (ec ? " (" + ec.message() + ")" : ""));
  // A FIFO, socket or device would block or never end: only files are read.
  if (!std::filesystem::is_regular_file(st)) return InvalidInput(path + ": not a regular file");
  return Status::Ok();
}

StatusOr<std::string> ReadFileBytes(const std::string& path, size_t max_bytes) {
  CROSSCHECK_RETURN_IF_ERROR(CheckRegularFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return IoError(path + ": cannot determine the file size");
  if (static_cast<size_t>(size) > max_bytes)
    return ResourceExhausted(path + ": file is " + std::to_string(size) + " bytes; the limit is " +
                             std::to_string(max_bytes) + " bytes");
  in.seekg(0);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) return IoError(path + ": read failed");
  return bytes;
}

StatusOr<Article> ParseTextArticle(std::string id, std::string_view bytes, const ReadOptions& opt) {
  if (bytes.size() > opt.max_bytes)
    return ResourceExhausted(id + ": input is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                             std::to_string(opt.max_bytes));
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return InvalidInput(id + ": UTF-16 text is not supported; convert the file to UTF-8");
  if (bytes.find('\0') != std::string_view::npos)
    return InvalidInput(id + ": contains NUL bytes; this looks like a binary file, not text");
  Article a;
  a.id = std::move(id);
  text::Utf8Repair repaired = text::RepairUtf8(bytes);
  if (repaired.invalid_sequences > 0) {
    double frac = static_cast<double>(repaired.invalid_sequences) / std::max<size_t>(1, bytes.size());
    if (frac > opt.max_invalid_fraction)
      return InvalidInput(a.id + ": not UTF-8 text (" + std::to_string(repaired.invalid_sequences) +
                          " invalid byte sequences); convert it to UTF-8 first");
    a.warnings.push_back(std::to_string(repaired.invalid_sequences) +
                         " invalid UTF-8 sequence(s) replaced with U+FFFD");
  }
  std::string lf;
  lf.reserve(repaired.text.size());
  for (size_t i = 0; i < repaired.text.size(); ++i) {
    char c = repaired.text[i];
    if (c == '\r') {
      lf += '\n';
      if (i + 1 < repaired.text.size() && repaired.text[i + 1] == '\n') ++i;
    } else {
      lf += c;
    }
  }
  a.text = text::ToNfc(lf);

  // Lines, then blocks of consecutive non-blank lines.
  std::vector<Span> lines;
  std::string_view t = a.text;
  for (size_t b = 0; b <= t.size();) {
    size_t e = t.find('\n', b);
    if (e == std::string_view::npos) e = t.size();
    Span s{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    Trimmed(t, s);
    lines.push_back(s);
    b = e + 1;
  }
  std::vector<std::vector<Span>> blocks;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    if (i == 0 || lines[i - 1].empty() || blocks.empty()) blocks.emplace_back();
    blocks.back().push_back(lines[i]);
  }
  // Within a block, a line joins the next when it was hard-wrapped: it ends
  // mid-sentence, is not a URL, and either the next line carries on in lower
  // case, or the line is about as long as the block's longest (wrapping
  // width) and more prose follows. Short unterminated lines (a headline, a
  // date, a credit) stay paragraphs of their own.
  std::vector<Span> paras;
  for (auto& blk : blocks) {
    size_t widest = 0;
    for (const auto& l : blk) widest = std::max<size_t>(widest, l.size());
    Span cur = blk.front();
    for (size_t k = 0; k + 1 < blk.size(); ++k) {
      std::string_view line = blk[k].In(t);
      bool url = line.starts_with("http:") || line.starts_with("https:") || line.starts_with("www.");
      std::string_view next = blk[k + 1].In(t);
      bool lower_next = !next.empty() && std::islower(static_cast<unsigned char>(next[0]));
      bool full_width = line.size() * 4 >= widest * 3;
      bool more_prose = EndsSentence(next) || next.size() * 10 >= widest * 6;
      bool wrapped =
          !EndsSentence(line) && !url && (lower_next || (full_width && more_prose && blk.size() > 2));
      // Lines that are page furniture on their own (credits, datelines,
      // bylines) are never part of a wrapped paragraph; checked only for the
      // few pairs that would otherwise join.
      if (wrapped && (StandaloneFurniture(line) || StandaloneFurniture(next))) wrapped = false;
      if (wrapped) {
        cur.end = blk[k + 1].end;
      } else {
        paras.push_back(cur);
        cur = blk[k + 1];
      }
    }
    paras.push_back(cur);
  }
  if (paras.empty()) return InvalidInput(a.id + ": no text (the file is empty or blank)");

  std::vector<std::string_view> views;
  views.reserve(paras.size());
  for (auto& p : paras) views.push_back(p.In(t));
  std::vector<BlockVerdict> verdicts = ClassifyBlocks(views);
  if (!opt.remove_boilerplate) {
    for (auto& v : verdicts) {
      if (v.kind == BlockVerdict::kTitle && a.title.empty())
        a.title = std::string(views[&v - verdicts.data()]);
      v.kind = BlockVerdict::kContent;
    }
  }
  std::string trailing_headline;
  for (size_t i = 0; i < paras.size(); ++i) {
    switch (verdicts[i].kind) {
      case BlockVerdict::kContent:
        a.paragraphs.push_back(paras[i]);
        break;
      case BlockVerdict::kTitle:
        a.title = std::string(views[i]);
        break;
      case BlockVerdict::kRemoved:
        a.removed.push_back({std::string(views[i]), verdicts[i].reason, paras[i]});
        if (verdicts[i].reason == Removal::kHeadlineAfterBody) trailing_headline = std::string(views[i]);
        if (verdicts[i].reason == Removal::kSourceUrl && a.url.empty() &&
            views[i].find(' ') == std::string_view::npos)
          a.url = std::string(views[i]);
        if (verdicts[i].reason == Removal::kDateline && a.published.empty())
          a.published = DatelineToIso(views[i]);
        break;
    }
  }
  if (a.title.empty()) a.title = trailing_headline;
  CompleteFromUrl(a);
  if (a.paragraphs.empty())
    return InvalidInput(a.id + ": no story text found (every block looks like a caption, credit or heading)");
  return a;
}

StatusOr<Article> ReadTextFile(const std::string& path, const ReadOptions& opt) {
  StatusOr<std::string> bytes = ReadFileBytes(path, opt.max_bytes);
  if (!bytes.ok()) return bytes.status();
  StatusOr<Article> a = ParseTextArticle(IdFromPath(path), *bytes, opt);
  if (!a.ok()) {
    // Name the file, not only the id, in the message.
    return Status(a.status().code(),
                  path + ": " +
                      a.status().message().substr(a.status().message().find(": ") == std::string::npos
                                                      ? 0
                                                      : a.status().message().find(": ") + 2));
  }
  return a;
}

}  // namespace crosscheck::ingest
