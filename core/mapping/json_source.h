#pragma once
// JSON payloads as a mapping source: RFC 6901 pointers with [key=value] filters. Used by
// inbound JSON mappings and by every outbound mapping (whose source is canonical JSON).

#include <memory>

#include "core/mapping/source_document.h"

namespace hotline::mapping {

std::unique_ptr<const SourceFormat> makeJsonSourceFormat();

} // namespace hotline::mapping
