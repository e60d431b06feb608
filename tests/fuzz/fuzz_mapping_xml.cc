// libFuzzer target: the XML reader (namespaces, attributes, CDATA, repeated elements) and
// the SOAP department's inbound ticket mapping.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_plans.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const hotline::mapping::Plan> plan =
      hotline::fuzz::shippedPlan("department-soap/ticket.json");
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  hotline::fuzz::runChecked(*plan, input, size % 2 == 1);
  return 0;
}
