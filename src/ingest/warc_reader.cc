#include "crosscheck/ingest/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fstream>
#include <unordered_set>
#include <vector>

#include "crosscheck/html/page.h"
#include "crosscheck/ingest/outlet.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/text/datetime.h"

namespace crosscheck::ingest {
namespace {

constexpr size_t kMaxHeaderLine = size_t{64} * 1024;    // one WARC header line
constexpr size_t kMaxHeaderLines = 512;                 // WARC header lines of one record
constexpr size_t kMaxHeaderBytes = size_t{256} * 1024;  // all of them together
constexpr size_t kHttpHead = size_t{64} * 1024;         // the HTTP status line and headers

// The bytes of a WARC file, inflated when it is gzip (a member per record,
// or one for the whole file), read through fixed buffers.
class WarcBytes {
 public:
  explicit WarcBytes(std::istream& in) : in_(in), raw_(1 << 16), buf_(1 << 16) {}
  ~WarcBytes() {
    if (gzip_) inflateEnd(&zs_);
  }
  WarcBytes(const WarcBytes&) = delete;
  WarcBytes& operator=(const WarcBytes&) = delete;

  // Why reading stopped early ("" at a clean end).
  const std::string& Failure() const { return failure_; }
  bool BadStream() const { return in_.bad(); }

  // The next line without its line end; at most `max` bytes are kept, the
  // rest skipped (`too_long`). False at the end of the data.
  bool Line(std::string& out, size_t max, bool& too_long) {
    out.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == end_ && !Fill()) return any;
      any = true;
      const char* start = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      size_t take = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
      if (!too_long && out.size() + take <= max)
        out.append(start, take);
      else
        too_long = true;
      pos_ += take + (nl ? 1 : 0);
      if (nl) break;
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return true;
  }

  // Takes up to `n` bytes, appended to `out` (dropped when it is null);
  // returns how many there were.
  size_t Take(size_t n, std::string* out) {
    size_t got = 0;
    while (got < n) {
      if (pos_ == end_ && !Fill()) break;
      size_t k = std::min(n - got, end_ - pos_);
      if (out) out->append(buf_.data() + pos_, k);
      pos_ += k;
      got += k;
    }
    return got;
  }

 private:
  // Refills `buf_`; false at the end of the data or on an error.
  bool Fill() {
    pos_ = end_ = 0;
    if (!started_) {
      started_ = true;
      ReadRaw();
      if (zs_.avail_in >= 2 && raw_[0] == '\x1f' && raw_[1] == '\x8b') {
        if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
          failure_ = "zlib could not start";
          return false;
        }
        gzip_ = true;
      }
    }
    if (!gzip_) {
      if (zs_.avail_in == 0) ReadRaw();
      std::memcpy(buf_.data(), zs_.next_in, zs_.avail_in);
      end_ = zs_.avail_in;
      zs_.avail_in = 0;
      return end_ > 0;
    }
    while (end_ == 0) {
      if (zs_.avail_in == 0 && !ReadRaw()) {
        if (!member_done_) failure_ = "the gzip data ends in the middle of a member (a truncated file)";
        return false;
      }
      if (member_done_) {
        if (inflateReset(&zs_) != Z_OK) {
          failure_ = "zlib could not go on";
          return false;
        }
        member_done_ = false;
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buf_.data());
      zs_.avail_out = static_cast<uInt>(buf_.size());
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        failure_ = std::string("not valid gzip data (") + (zs_.msg ? zs_.msg : "corrupt stream") + ")";
        return false;
      }
      end_ = buf_.size() - zs_.avail_out;
    }
    return true;
  }

  // Reads the next raw bytes into `raw_`; false when there are none.
  bool ReadRaw() {
    in_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
    zs_.next_in = reinterpret_cast<Bytef*>(raw_.data());
    zs_.avail_in = static_cast<uInt>(in_.gcount());
    return zs_.avail_in > 0;
  }

  std::istream& in_;
  std::vector<char> raw_, buf_;
  z_stream zs_{};
  bool started_ = false, gzip_ = false, member_done_ = false;
  size_t pos_ = 0, end_ = 0;
  std::string failure_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Header fields by lower-case name (the first of a name wins).
struct Fields {
  std::vector<std::pair<std::string, std::string>> all;
  std::string Get(std::string_view lower_name) const {
    for (const auto& [k, v] : all)
      if (k == lower_name) return v;
    return "";
  }
  // Reads "Name: value" (a line opening with white space continues the one
  // before); false for a line that is neither.
  bool Add(std::string_view line) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (all.empty()) return false;
      all.back().second += " ";
      all.back().second += Trim(line);
      return true;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    all.emplace_back(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
    return true;
  }
};

// The media type of a Content-Type value ("text/html"), and its charset.
std::string MediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}
std::string Charset(std::string_view content_type) {
  std::string lower = Lower(content_type);
  size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view v = std::string_view(lower).substr(at + 8);
  v = v.substr(0, v.find(';'));
  v = Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
  return std::string(v);
}

bool IsHtmlType(std::string_view media) { return media == "text/html" || media == "application/xhtml+xml"; }

// An HTTP response's status, fields and where its body starts, from the
// block's first bytes; false when they are no HTTP response head.
bool ReadHttpHead(std::string_view block, int& status, Fields& fields, size_t& body_at) {
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (end == std::string_view::npos || block.find("\n\n") < end) {
    end = block.find("\n\n");
    sep = 2;
  }
  if (end == std::string_view::npos || end > kHttpHead) return false;
  std::string_view head = block.substr(0, end);
  size_t nl = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, nl));
  if (!status_line.starts_with("HTTP/")) return false;
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view code = status_line.substr(sp + 1, 3);
  if (std::from_chars(code.data(), code.data() + code.size(), status).ec != std::errc()) return false;
  for (size_t at = nl; at != std::string_view::npos && at < head.size();) {
    size_t next = head.find('\n', at + 1);
    std::string_view line =
        Trim(head.substr(at + 1, next == std::string_view::npos ? head.npos : next - at - 1));
    if (!line.empty()) fields.Add(line);  // a malformed field is ignored, as browsers do
    at = next;
  }
  body_at = end + sep;
  return true;
}

// The body of a chunked transfer, or nothing when `body` is not one (a
// crawler may store the body decoded and keep the header).
std::optional<std::string> Dechunk(std::string_view body, size_t max) {
  std::string out;
  size_t at = 0;
  for (;;) {
    size_t eol = body.find('\n', at);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view line = Trim(body.substr(at, eol - at));
    line = line.substr(0, line.find(';'));  // chunk extensions
    size_t size = 0;
    auto r = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (line.empty() || r.ec != std::errc() || r.ptr != line.data() + line.size()) return std::nullopt;
    at = eol + 1;
    if (size == 0) return out;
    if (size > body.size() - at || out.size() + size > max) return std::nullopt;
    out.append(body.substr(at, size));
    at += size;
    if (body.substr(at, 2) == "\r\n")
      at += 2;
    else if (body.substr(at, 1) == "\n")
      at += 1;
    else
      return std::nullopt;
  }
}

struct Record {
  size_t number = 0;
  Fields warc;
  std::string uri;
  std::string captured;  // WARC-Date, ISO 8601 in UTC, or empty
};

// What one record gives: an article, nothing (not a page), or an error.
struct Outcome {
  std::optional<Article> article;
  std::string error;
};

Outcome ArticleOf(const Record& r, std::string_view media, std::string_view charset, std::string_view body,
                  const std::string& id, const ReadOptions& options) {
  Outcome out;
  if (media == "text/plain") {
    auto a = ParseTextArticle(id, body, options);
    if (!a.ok()) {
      out.error = a.status().message();
      return out;
    }
    a->url = r.uri;
    a->received = r.captured;
    CompleteFromUrl(*a);
    out.article = std::move(*a);
    return out;
  }
  html::PageOptions page_options;
  page_options.max_bytes = 2 * options.max_bytes;
  page_options.charset = std::string(charset);
  if (!LooksLikeMarkup(body)) {
    out.error = r.uri + ": not a web page (binary data, or no markup)";
    return out;
  }
  auto page = html::ExtractPage(body, page_options);
  if (!page.ok()) {
    out.error = r.uri + ": " + page.status().message();
    return out;
  }
  if (page->paragraphs.empty()) return out;  // a page with no article: a section front, a gallery
  // A page read whole whose blocks are all captions, credits or headings
  // holds no article either.
  auto a = ArticleFromPage(id, *page, options);
  if (!a.ok()) return out;
  if (a->url.empty()) a->url = r.uri;
  a->received = r.captured;
  CompleteFromUrl(*a);
  if (!r.warc.Get("warc-truncated").empty())
    a->warnings.push_back(
        "the archive holds only part of this page (WARC-Truncated: " + r.warc.Get("warc-truncated") + ")");
  out.article = std::move(*a);
  return out;
}

}  // namespace

bool IsWarcPath(std::string_view p) { return p.ends_with(".warc") || p.ends_with(".warc.gz"); }

bool LooksLikeWarc(std::string_view head) { return head.starts_with("WARC/1."); }

Status ReadWarc(const std::string& path, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  CROSSCHECK_RETURN_IF_ERROR(CheckRegularFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  return ParseWarc(in, path, article, error, options);
}

Status ParseWarc(std::istream& in, const std::string& path, const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  WarcBytes bytes(in);
  const size_t max_body = 2 * options.max_bytes;  // a page, as saved pages are bounded
  std::unordered_set<size_t> seen;                // target URIs already read, hashed (64 bits)
  size_t records = 0, articles = 0, pages = 0;
  std::string line;
  bool too_long = false;
  bool stopped = false;
  // A broken gzip stream explains whatever looks broken after it.
  auto stop = [&](const std::string& why) {
    stopped = true;
    error(
        {records, (bytes.Failure().empty() ? why : bytes.Failure()) + "; the rest of the file is not read"});
  };
  for (;;) {
    // Records are separated by blank lines.
    bool more = false;
    while ((more = bytes.Line(line, kMaxHeaderLine, too_long)) && line.empty() && !too_long) {
    }
    if (!more) break;
    ++records;
    if (too_long || !LooksLikeWarc(line)) {
      if (records == 1)
        return InvalidInput(path + ": not a WARC file (no 'WARC/1.0' or 'WARC/1.1' line opens it)");
      stop("no WARC record starts here");
      break;
    }
    Record r;
    r.number = records;
    bool ended = false, malformed = false;
    size_t header_bytes = 0;
    for (size_t n = 0; n <= kMaxHeaderLines; ++n) {
      if (!bytes.Line(line, kMaxHeaderLine, too_long)) break;
      if (line.empty() && !too_long) {
        ended = true;
        break;
      }
      header_bytes += line.size();
      if (too_long || header_bytes > kMaxHeaderBytes || !r.warc.Add(line)) {
        malformed = true;
        break;
      }
    }
    if (!ended) {
      stop(header_bytes > kMaxHeaderBytes ? "the WARC header is over 256 KiB"
           : malformed                    ? "a WARC header line is malformed"
                                          : "the WARC header does not end");
      break;
    }
    r.uri = r.warc.Get("warc-target-uri");
    r.captured = text::NormalizeDateTime(r.warc.Get("warc-date"));
    if (r.uri.size() >= 2 && r.uri.front() == '<' && r.uri.back() == '>')
      r.uri = r.uri.substr(1, r.uri.size() - 2);
    std::string length_text = r.warc.Get("content-length");
    size_t length = 0;
    auto parsed = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
    if (length_text.empty() || parsed.ec != std::errc() ||
        parsed.ptr != length_text.data() + length_text.size()) {
      stop("the record has no valid Content-Length");
      break;
    }
    const std::string type = Lower(r.warc.Get("warc-type"));
    const std::string warc_media = MediaType(r.warc.Get("content-type"));
    const bool response = type == "response" && warc_media == "application/http";
    const bool resource = type == "resource" && (IsHtmlType(warc_media) || warc_media == "text/plain");
    const size_t uri_hash = std::hash<std::string>{}(r.uri);
    const bool fresh = !r.uri.empty() && !seen.count(uri_hash);
    // The block's head tells whether it holds a page; the rest is read only then.
    std::string block;
    size_t got = bytes.Take((response || resource) && fresh ? std::min(length, kHttpHead) : 0, &block);
    std::string media = warc_media, charset = Charset(r.warc.Get("content-type"));
    Fields http;
    size_t body_at = 0;
    bool page = resource && fresh;
    if (response && fresh) {
      int status = 0;
      if (ReadHttpHead(block, status, http, body_at)) {
        media = MediaType(http.Get("content-type"));
        charset = Charset(http.Get("content-type"));
        page = status >= 200 && status < 300 && IsHtmlType(media);
      } else if (got == std::min(length, kHttpHead)) {
        error({records, r.uri + ": the response holds no HTTP status line and header; skipped"});
      }
    }
    if (page && length - body_at > max_body) {
      error({records, r.uri + ": the page's " + std::to_string(length - body_at) +
                          " bytes are over the limit of " + std::to_string(max_body) + "; skipped"});
      page = false;
    }
    if (!page) block.clear();
    got += bytes.Take(length - got, page ? &block : nullptr);
    if (got < length) {
      stop("the record is cut short (" + std::to_string(got) + " of " + std::to_string(length) + " bytes)");
      break;
    }
    if (!page) continue;
    ++pages;
    seen.insert(uri_hash);
    std::string body = block.substr(body_at);
    block.clear();
    if (response) {
      if (Lower(http.Get("transfer-encoding")).find("chunked") != std::string::npos)
        if (auto plain = Dechunk(body, max_body)) body = std::move(*plain);
      std::string coding = Lower(http.Get("content-encoding"));
      if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
        auto inflated = html::Gunzip(body, max_body);
        if (!inflated.ok()) {
          error({records, r.uri + ": " + inflated.status().message() + "; skipped"});
          continue;
        }
        body = std::move(*inflated);
      } else if (!coding.empty() && coding != "identity") {
        error({records, r.uri + ": the content encoding '" + coding + "' is not supported; skipped"});
        continue;
      }
    }
    Outcome o = ArticleOf(r, media, charset, body, r.uri, options);
    if (!o.error.empty()) error({records, o.error});
    if (o.article) {
      ++articles;
      article(std::move(*o.article));
    }
  }
  if (bytes.BadStream()) return IoError(path + ": read failed");
  if (records == 0) return InvalidInput(path + ": empty file, no WARC record");
  if (articles == 0 && !stopped)
    return InvalidInput(path + ": no article in " + std::to_string(records) + " WARC records (" +
                        std::to_string(pages) + " HTML pages, none with article text)");
  return Status::Ok();
}

}  // namespace crosscheck::ingest
