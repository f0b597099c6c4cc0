#include "crosscheck/ingest/article.h"

#include <cctype>

namespace crosscheck::ingest {

std::string OutletFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);  // user@host
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);  // port
  std::string out;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return {};  // not a host name
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (out.starts_with("www.")) out.erase(0, 4);
  if (out.find('.') == std::string::npos) return {};
  return out;
}

}  // namespace crosscheck::ingest
