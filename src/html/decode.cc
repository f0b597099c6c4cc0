// Encoding detection and conversion. Order of evidence: a byte-order mark;
// a charset declared in the first 4 KB (<meta charset>, http-equiv
// Content-Type); bytes that are valid UTF-8; ICU's statistical detector.
// Declared "iso-8859-1" and "us-ascii" are read as windows-1252, as browsers
// do. Conversion goes through ICU converters.
#include <re2/re2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "crosscheck/html/page.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::html {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string DeclaredCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 4096));
  // RE2: linear time whatever the page holds.
  static const re2::RE2 kCharset(R"(<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_:.\-]+))");
  std::string charset;
  if (re2::RE2::PartialMatch(head, kCharset, &charset)) return charset;
  return "";
}

// A charset's name as browsers read it: lower case, with "iso-8859-1" and
// "us-ascii" read as windows-1252.
std::string AsBrowsersRead(std::string_view name) {
  std::string n = Lower(name);
  if (n == "iso-8859-1" || n == "latin1" || n == "us-ascii" || n == "ascii") return "windows-1252";
  return n;
}

bool ValidUtf8(std::string_view s) { return text::IsValidUtf8(s); }

StatusOr<std::string> Convert(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err) || !conv) return InvalidInput("unknown character encoding '" + charset + "'");
  std::unique_ptr<UConverter, void (*)(UConverter*)> utf8(ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err)) return Internal("ICU UTF-8 converter unavailable");
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8.get(), conv.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true, &err);
  if (U_FAILURE(err)) return InvalidInput("cannot convert from " + charset + ": " + u_errorName(err));
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

}  // namespace

StatusOr<std::string> DecodeToUtf8(std::string_view bytes, std::string* encoding,
                                   std::string_view transport_charset) {
  auto set = [&](const char* e) {
    if (encoding) *encoding = e;
  };
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    set("UTF-8");
    return std::string(bytes.substr(3));
  }
  if (bytes.starts_with("\xFF\xFE")) {
    set("UTF-16LE");
    return Convert(bytes.substr(2), "UTF-16LE");
  }
  if (bytes.starts_with("\xFE\xFF")) {
    set("UTF-16BE");
    return Convert(bytes.substr(2), "UTF-16BE");
  }
  std::string declared = AsBrowsersRead(DeclaredCharset(bytes));
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
    auto converted = Convert(bytes, declared);
    if (converted.ok()) {
      if (encoding) *encoding = declared;
      return converted;
    }
  }
  if (ValidUtf8(bytes)) {
    set("UTF-8");
    return std::string(bytes);
  }
  const bool by_transport = declared.empty() && !transport_charset.empty();
  if (by_transport) declared = AsBrowsersRead(transport_charset);
  if (declared == "utf-8" || declared == "utf8") {  // declared UTF-8 with a few bad bytes: repair
    set("UTF-8");
    return text::RepairUtf8(bytes).text;
  }
  if (by_transport) {
    auto converted = Convert(bytes, declared);
    if (converted.ok()) {
      if (encoding) *encoding = declared;
      return converted;
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&err), ucsdet_close);
  if (U_SUCCESS(err)) {
    ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                   &err);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
    if (U_SUCCESS(err) && match) {
      std::string name = ucsdet_getName(match, &err);
      if (U_SUCCESS(err)) {
        if (name == "ISO-8859-1") name = "windows-1252";
        auto converted = Convert(bytes, name);
        if (converted.ok()) {
          if (encoding) *encoding = name;
          return converted;
        }
      }
    }
  }
  set("UTF-8 (repaired)");
  return text::RepairUtf8(bytes).text;
}

StatusOr<std::string> Gunzip(std::string_view gz, size_t max_bytes) {
  z_stream zs{};
  // 32: a gzip or a zlib header, whichever the data has.
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) return Internal("zlib initialisation failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return InvalidInput("not valid gzip data (" + std::string(zs.msg ? zs.msg : "corrupt stream") + ")");
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return ResourceExhausted("decompressed page exceeds " + std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) break;  // truncated input
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace crosscheck::html
