#pragma once
// `hotline-gateway mapping test MAPPING INPUT [--expect FILE] [--explain] [--codes DIR]`:
// compiles one mapping file, runs it on one payload and prints the result pretty-printed, or
// every error of the mapping or the payload (exit 1).
//
//   --expect FILE  compares the result with FILE semantically (JSON by value, XML by
//                  namespace URI; see mapping_command_compare.h) and prints a unified diff of
//                  the two on a mismatch (exit 1). A FILE ending in -error.txt instead expects
//                  the payload to be refused: each of its lines must occur in the errors.
//   --explain      prints, per target field, the source path that won, the raw value
//                  (masked when personal), the transforms applied and the result.
//   --codes DIR    the code tables; by default <dir of MAPPING>/../codes, else mappings/codes
//                  under the working directory.
//
// Exit codes: 0 ok, 1 the mapping, the payload or the comparison failed, 2 usage errors.

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::app {

// `args` is the whole command line after the program name: {"mapping", "test", ...}.
int runMappingCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hotline::app
