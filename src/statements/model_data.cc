// models/same.model and models/stance.model, assembled into the library's
// read-only data (the build passes their paths as CROSSCHECK_SAME_MODEL and
// CROSSCHECK_STANCE_MODEL).
#include "model_data.h"

#if !defined(CROSSCHECK_SAME_MODEL) || !defined(CROSSCHECK_STANCE_MODEL)
#error "CROSSCHECK_SAME_MODEL and CROSSCHECK_STANCE_MODEL must name the model files"
#endif

// NOLINTBEGIN
__asm__(
    ".section .rodata\n"
    "crosscheck_same_model_begin:\n"
    ".incbin \"" CROSSCHECK_SAME_MODEL
    "\"\n"
    "crosscheck_same_model_end:\n"
    ".byte 0\n"
    "crosscheck_stance_model_begin:\n"
    ".incbin \"" CROSSCHECK_STANCE_MODEL
    "\"\n"
    "crosscheck_stance_model_end:\n"
    ".byte 0\n"
    ".previous\n");
extern "C" const char crosscheck_same_model_begin[];
extern "C" const char crosscheck_same_model_end[];
extern "C" const char crosscheck_stance_model_begin[];
extern "C" const char crosscheck_stance_model_end[];
// NOLINTEND

namespace crosscheck::statements::internal {
std::string_view SameModelText() {
  return {crosscheck_same_model_begin,
          static_cast<size_t>(crosscheck_same_model_end - crosscheck_same_model_begin)};
}
std::string_view StanceModelText() {
  return {crosscheck_stance_model_begin,
          static_cast<size_t>(crosscheck_stance_model_end - crosscheck_stance_model_begin)};
}
}  // namespace crosscheck::statements::internal
