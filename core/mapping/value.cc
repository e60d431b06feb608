#include "core/mapping/value.h"

namespace hotline::mapping {

std::string displayText(const Value& value) {
  if (!value.isList()) {
    return value.text;
  }
  std::string out = "[";
  for (size_t i = 0; i < value.items.size(); ++i) {
    out += i == 0 ? "" : ", ";
    out += value.items[i];
  }
  out += "]";
  return out;
}

} // namespace hotline::mapping
