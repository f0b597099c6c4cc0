// The given-name table compiled into the library (models/given_names.tsv).
#pragma once

#include <string_view>

namespace crosscheck::extract::internal {
std::string_view GivenNamesText();
}  // namespace crosscheck::extract::internal
