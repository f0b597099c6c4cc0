// libFuzzer target: the evaluation commands' own inputs, brat standoff
// annotations (PolNeAR) and gold.tsv (events), from arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crosscheck/eval/attribution_eval.h"
#include "crosscheck/eval/events_eval.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)crosscheck::eval::ParseBrat(bytes);
  (void)crosscheck::eval::ParseGoldTsv(bytes);
  return 0;
}
