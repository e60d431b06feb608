#pragma once
// samples/params.json beside a mapping folder's samples: the mapping parameters its samples
// were written with ({"name": "value", ...}), as a connector entry's mapping_params would give
// them. `mapping test` uses them unless --param says otherwise; the golden tests always do.

#include "core/mapping/mapping.h"
#include "hotline/status.h"

#include <string>

namespace hotline::mapping {

// The parameters in the file at `path`; errors name the file and the member.
Result<MappingParams> readMappingParamsFile(const std::string& path);

// <folder of mapping_path>/samples/params.json; "" when there is none.
std::string sampleParamsPathFor(const std::string& mapping_path);

} // namespace hotline::mapping
