#pragma once
// A scenario file, read (README.md): the processes of a small world and the script run
// against it. Strings may hold ${...} references; the values here are those of the file as
// written (substituted again just before each process starts and each step runs).

#include <rapidjson/document.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hotline::sim::scenario {

// Signs the request the way exchange and department peers do (REQUEST_SIGNING.md). A fixed
// nonce lets a scenario replay a request; an offset makes its timestamp stale.
struct SigningSpec {
  std::string app_key;
  std::string secret;
  std::string algorithm = "HMAC-SHA256";
  std::optional<std::string> nonce; // none: a fresh random one
  int64_t timestamp_offset_ms = 0;  // added to the current time
};

struct HttpRequestSpec {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> body; // from "json" (serialized) or "body" (text)
  bool json_body = false;          // adds Content-Type: application/json unless given
  int64_t timeout_ms = 10000;
  std::optional<SigningSpec> sign;
};

enum class ConditionKind { Status, Equals, Exists, Contains, Count };

struct Condition {
  std::string where; // JSON path of the condition in the scenario file
  ConditionKind kind = ConditionKind::Status;
  std::optional<std::string> pointer; // JSON pointer into the body; none = the raw body
  std::vector<int> statuses;          // Status: any of these
  std::string expected_json;          // Equals: the expected value, serialized
  bool exists = true;                 // Exists
  std::string text;                   // Contains
  int64_t count = 0;                  // Count
};

struct SaveRule {
  std::string var;
  std::string pointer;
};

enum class StepKind { Http, WaitHttp, WaitLog, Start, Stop, Kill, Restart, Sleep };

struct Step {
  std::string where; // "/steps/3"
  std::string name;
  StepKind kind = StepKind::Http;
  HttpRequestSpec request;           // Http, WaitHttp
  std::vector<Condition> conditions; // Http: expect; WaitHttp: until
  std::vector<SaveRule> save;        // Http, WaitHttp
  std::string process;               // WaitLog, Start, Stop, Kill, Restart
  std::string log_text;              // WaitLog: text the process's log must contain
  int64_t timeout_ms = 10000;        // WaitHttp, WaitLog
  int64_t interval_ms = 50;          // WaitHttp, WaitLog
  int64_t sleep_ms = 0;              // Sleep
  std::optional<int> exit_code;      // Stop: the exit code the process must end with
};

enum class ProcessKind { Sim, Gateway };

struct ProcessSpec {
  std::string where; // "/processes/1"
  std::string name;
  ProcessKind kind = ProcessKind::Sim;
  std::vector<std::string> args; // Sim: the arguments after `hotline-sim`
  std::string gateway_config;    // Gateway: the config object, serialized
  bool autostart = true;         // started before the steps run
  int64_t ready_timeout_ms = 30000;
  int64_t stop_grace_ms = 15000; // SIGTERM, then SIGKILL after this
};

struct Scenario {
  std::string file; // as given on the command line
  std::string dir;  // its directory, ${scenario_dir}
  std::string name;
  std::string description;
  std::vector<std::string> file_names;  // members of "files", in file order
  std::vector<std::string> extra_ports; // "ports": free ports not tied to a process
  std::vector<ProcessSpec> processes;
  std::vector<Step> steps;
  // The file as parsed, for substituting at run time. Never null in a loaded scenario.
  std::shared_ptr<const rapidjson::Document> raw;
};

} // namespace hotline::sim::scenario
