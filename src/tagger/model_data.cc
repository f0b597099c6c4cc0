// models/entities.model, assembled into the library's read-only data (the
// build passes its path as CROSSCHECK_ENTITY_MODEL), so programs and library
// users need no file at run time.
#include "model_data.h"

#ifndef CROSSCHECK_ENTITY_MODEL
#error "CROSSCHECK_ENTITY_MODEL must name the model file"
#endif

// NOLINTBEGIN
__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    "crosscheck_entity_model_begin:\n"
    ".incbin \"" CROSSCHECK_ENTITY_MODEL
    "\"\n"
    "crosscheck_entity_model_end:\n"
    ".byte 0\n"
    ".previous\n");
extern "C" const char crosscheck_entity_model_begin[];
extern "C" const char crosscheck_entity_model_end[];
// NOLINTEND

namespace crosscheck::tagger::internal {
std::string_view EntityModelText() {
  return {crosscheck_entity_model_begin,
          static_cast<size_t>(crosscheck_entity_model_end - crosscheck_entity_model_begin)};
}
}  // namespace crosscheck::tagger::internal
