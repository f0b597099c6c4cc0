// The model file compiled into the library.
#pragma once

#include <string_view>

namespace crosscheck::statements::internal {
std::string_view SameModelText();
std::string_view StanceModelText();
}  // namespace crosscheck::statements::internal
