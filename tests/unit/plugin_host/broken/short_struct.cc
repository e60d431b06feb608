// A connector whose descriptor is shorter than ABI 1.0 requires (it stops before create()).
#include "hotline/plugin/abi.h"

#include <cstddef>

extern "C" HL_EXPORT const hl_plugin_descriptor* hotline_plugin_entry(const hl_host_offer*) {
  static hl_plugin_descriptor descriptor{};
  descriptor.struct_size = offsetof(hl_plugin_descriptor, create);
  descriptor.abi_major = HL_ABI_MAJOR;
  descriptor.abi_minor = 0;
  descriptor.type = "short";
  return &descriptor;
}
