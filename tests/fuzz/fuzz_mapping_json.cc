// libFuzzer target: the JSON reader and the plans that read JSON — the department system's
// inbound ticket and callback mappings, and the two outbound ticket mappings, which read
// canonical JSON and write the department's JSON and the SOAP department's XML.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_plans.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const hotline::mapping::Plan> plans[] = {
      hotline::fuzz::shippedPlan("department/ticket.json"),
      hotline::fuzz::shippedPlan("department/event.json"),
      hotline::fuzz::shippedPlan("department/ticket.out.json"),
      hotline::fuzz::shippedPlan("department-soap/ticket.out.json"),
  };
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const auto& plan : plans) {
    hotline::fuzz::runChecked(*plan, input, size % 2 == 1);
  }
  return 0;
}
