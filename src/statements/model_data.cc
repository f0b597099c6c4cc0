// models/same.model, assembled into the library's read-only data (the build
// passes its path as CROSSCHECK_SAME_MODEL).
#include "model_data.h"

#ifndef CROSSCHECK_SAME_MODEL
#error "CROSSCHECK_SAME_MODEL must name the model file"
#endif

// NOLINTBEGIN
__asm__(
    ".section .rodata\n"
    "crosscheck_same_model_begin:\n"
    ".incbin \"" CROSSCHECK_SAME_MODEL
    "\"\n"
    "crosscheck_same_model_end:\n"
    ".byte 0\n"
    ".previous\n");
extern "C" const char crosscheck_same_model_begin[];
extern "C" const char crosscheck_same_model_end[];
// NOLINTEND

namespace crosscheck::statements::internal {
std::string_view SameModelText() {
  return {crosscheck_same_model_begin,
          static_cast<size_t>(crosscheck_same_model_end - crosscheck_same_model_begin)};
}
}  // namespace crosscheck::statements::internal
