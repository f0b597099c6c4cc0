#include "crosscheck/ingest/outlet.h"

#include <libpsl.h>

#include <cctype>

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

}  // namespace crosscheck::ingest
