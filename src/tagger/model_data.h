// The model file compiled into the library.
#pragma once

#include <string_view>

namespace crosscheck::tagger::internal {
std::string_view EntityModelText();
}  // namespace crosscheck::tagger::internal
