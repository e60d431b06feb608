// libFuzzer target: the CSV reader (RFC 4180 quoting, BOM, header row) and the legacy
// system's ticket mapping, whose `each` groups split cells into the history sections.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_plans.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const hotline::mapping::Plan> plan =
      hotline::fuzz::shippedPlan("legacy/ticket.json");
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  hotline::fuzz::runChecked(*plan, input, size % 2 == 1);
  return 0;
}
