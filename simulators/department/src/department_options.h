#pragma once
// The command line of `hotline-sim department`: the common serving options plus the
// department system's own (its signing key, payload format, base path, where the gateway is).

#include <cstdint>
#include <span>
#include <string>

#include "hotline/status.h"
#include "hotline/support/request_signing.h"
#include "simulators/common/serve_options.h"

namespace hotline::sim::department {

enum class PayloadFormat { Json, Xml };

struct DepartmentOptions {
  ServeOptions serve;
  // One key per department link, used both ways (verifying the gateway, signing callbacks).
  support::SigningKey key;
  PayloadFormat format = PayloadFormat::Json;
  std::string base_path = "/api"; // starts with '/', no trailing '/'
  std::string gateway;            // e.g. http://127.0.0.1:8080/connectors/dept-cgj; empty = none
  std::string unit_code = "CGJ";
  std::string handler = "值班员";
  std::string case_prefix; // caseNo = <case_prefix>-<n>; default <unit_code>-<year>
  std::string behaviour_file;
  int64_t pull_interval_ms = 0; // 0 = push mode only
  // A callback the gateway did not take (no answer, 408, 429, 5xx) is sent again, with the
  // same msgId, up to this many more times, waiting callback_retry_ms, then twice that, ...
  int64_t callback_retries = 3;
  int64_t callback_retry_ms = 200;
};

// Parses the arguments after the subcommand. InvalidArgument names the offending flag; the
// secret's value never appears in an error. Reads --secret-file here, so a missing file is a
// start-up error rather than a 401 later.
Result<DepartmentOptions> parseDepartmentOptions(std::span<const std::string> args);

// The usage text of every option, for --help.
std::string departmentUsage();

} // namespace hotline::sim::department
