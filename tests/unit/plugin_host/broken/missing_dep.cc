// A well-formed connector that depends on a shared library the dynamic loader cannot find.
#include "hotline/plugin/abi.h"

extern "C" int hl_vanishing_dep_value();

extern "C" HL_EXPORT const hl_plugin_descriptor* hotline_plugin_entry(const hl_host_offer*) {
  static hl_plugin_descriptor descriptor{};
  descriptor.struct_size = sizeof(hl_plugin_descriptor);
  descriptor.abi_major = static_cast<uint32_t>(hl_vanishing_dep_value()) > 0 ? HL_ABI_MAJOR : 0;
  descriptor.type = "missing-dep";
  return &descriptor;
}
