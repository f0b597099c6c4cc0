#include "crosscheck/ingest/outlet.h"

#include <libpsl.h>

#include <cctype>

#include "crosscheck/text/calendar.h"

namespace crosscheck::ingest {

std::string OutletFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);  // user@host
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);  // port
  std::string lower;
  bool digits_only = true;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return {};  // not a host name
    digits_only &= !std::isalpha(static_cast<unsigned char>(c));
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!lower.empty() && lower.back() == '.') lower.pop_back();  // "example.org."
  if (lower.empty() || digits_only) return {};
  // The built-in list is compiled into libpsl: no file is read at run time.
  const char* domain = psl_registrable_domain(psl_builtin(), lower.c_str());
  return domain ? std::string(domain) : std::string();
}

std::string DisplayOutlet(const Article& a) { return a.outlet.empty() ? OutletFromUrl(a.url) : a.outlet; }

std::string DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view path = url.substr(scheme + 3);
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return {};
  path = path.substr(slash, path.find_first_of("?#") == std::string_view::npos
                                ? std::string_view::npos
                                : path.find_first_of("?#") - slash);
  auto digits = [&](size_t at, size_t n) {
    if (at + n > path.size()) return -1;
    int v = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(path[k]))) return -1;
      v = v * 10 + (path[k] - '0');
    }
    return v;
  };
  auto boundary = [&](size_t at) {  // not inside a longer number
    return at >= path.size() || !std::isdigit(static_cast<unsigned char>(path[at]));
  };
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    int y = digits(i + 1, 4);
    if (y < 1990 || y > 2099) continue;
    size_t at = i + 5;
    int m = -1, d = -1;
    if (at < path.size() && (path[at] == '/' || path[at] == '-')) {  // 2013/02/13, 2013-02-13
      char sep = path[at];
      m = digits(at + 1, 2);
      if (m >= 0 && at + 3 < path.size() && path[at + 3] == sep) {
        d = digits(at + 4, 2);
        if (!boundary(at + 6)) d = -1;
      }
    } else {  // 20130213
      m = digits(at, 2);
      d = digits(at + 2, 2);
      if (!boundary(at + 4)) d = -1;
    }
    text::Date date{y, m, d};
    if (m >= 1 && m <= 12 && d >= 1 && d <= text::DaysInMonth(y, m)) return text::ToIso(date);
  }
  return {};
}

void CompleteFromUrl(Article& a) {
  a.outlet = DisplayOutlet(a);
  if (a.published.empty()) a.published = DateFromUrl(a.url);
}

}  // namespace crosscheck::ingest
