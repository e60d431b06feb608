#pragma once
// Checks a declared table itself, so that a connector author's mistake (a default that does
// not fit its own type, an enum with nothing allowed, "auth" declared both as a value and
// as an object holding "auth.key") is reported when the table is registered, instead of
// surfacing later as a confusing error about someone's config file.

#include "core/config/config_error.h"
#include "core/config/config_table.h"

namespace hotline::config {

// Every problem in `table`; paths are "<table name>.<key>". Empty when the table is sound.
// The plugin host should call this for each connector type it registers.
ConfigErrors checkTable(const ConfigTable& table);

} // namespace hotline::config
