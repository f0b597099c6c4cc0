// The lines of a text, one at a time and without copying.
#pragma once

#include <cstddef>
#include <string_view>

namespace crosscheck {

// "\n" ends a line and a "\r" before it is dropped; a last line without "\n"
// still counts.   for (Lines lines(text); lines.Next(line);) ...
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  bool Next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t e = text_.find('\n', pos_);
    if (e == std::string_view::npos) e = text_.size();
    line = text_.substr(pos_, e - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = e + 1;
    ++number_;
    return true;
  }
  // 1-based number of the line Next() returned last.
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0, number_ = 0;
};

}  // namespace crosscheck
