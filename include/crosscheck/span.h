// Span: a half-open byte range [begin, end) into an article's text.
// Every derived item carries one, so provenance never has to be reconstructed.
#pragma once

#include <cstdint>
#include <string_view>

namespace crosscheck {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  // The text this span covers; `text` must be the string the span indexes.
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
  friend bool operator!=(const Span&, const Span&) = default;
};

}  // namespace crosscheck
