// A connector built against a future SDK: it answers with ABI major 2, which this host does
// not speak. Written against the raw C ABI on purpose (the real SDK always says 1).
#include "hotline/plugin/abi.h"

extern "C" HL_EXPORT const hl_plugin_descriptor* hotline_plugin_entry(const hl_host_offer*) {
  static hl_plugin_descriptor descriptor{};
  descriptor.struct_size = sizeof(hl_plugin_descriptor) + 64; // a grown v2 struct
  descriptor.abi_major = 2;
  descriptor.abi_minor = 3;
  descriptor.type = "future";
  return &descriptor;
}
