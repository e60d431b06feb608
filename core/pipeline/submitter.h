#pragma once
// The entry of the pipeline (DESIGN.md §4): what the plugin host calls when a connector
// submits a peer's message. An implementation maps, validates, de-duplicates and stores the
// message, and answers only once it is durably accepted (or refused with a reason).

#include "hotline/status.h"

#include <string>
#include <utility>
#include <vector>

namespace hotline::pipeline {

struct InboundMessage {
  std::string source;         // connector instance name, e.g. "dept-housing"
  std::string connector_type; // e.g. "department"
  std::string kind;           // "ticket", "event", ...
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string idempotency_key; // the peer's message id; empty = digest of the body
  // Downlink (DESIGN.md §4): the connector instances the message goes to. Empty: it goes to
  // the core platform (uplink).
  std::vector<std::string> targets;
  // Downlink: the message also goes to the connector instances that hold the ticket (those an
  // earlier row of it was routed to), e.g. an urge or a reassignment for the department
  // handling it. With no target at all it goes to kUnroutedTarget, a dead letter saying why.
  bool route_to_holders = false;
  // Downlink: the core platform named the targets itself (X-Hotline-Targets): exactly those.
  // Otherwise peer platforms ("sync" instances) follow the message as well.
  bool targets_named = false;
  // The unit codes the source instance serves (its connector entry's `units`). Non-empty: the
  // source is a department's instance and may only act on tickets routed to it, as one of
  // these units; anything else is refused as PermissionDenied (403, audited).
  std::vector<std::string> scope_units;
};

// The downlink's dead-letter target for rows nobody serves (downlink::kUnroutedTarget).
inline constexpr const char* kUnroutedTarget = "unrouted";

// The ordering key (outbox ticket_id) of a knowledge article's rows: "kb:<article id>".
inline std::string knowledgeKey(const std::string& article_id) {
  return "kb:" + article_id;
}

struct SubmitOutcome {
  int http_status = 201; // 201 newly accepted, 200 duplicate of an accepted message
  bool duplicate = false;
  std::string ticket_id;
  std::string body; // JSON answer for the peer
};

// Refusals come back as a Status: InvalidArgument (400: malformed, with every problem and
// its path), NotFound (404: unknown ticket), Conflict (409: lifecycle rule), Unavailable
// (503: cannot store now).
//
// Thread safety: submit() is called concurrently from many server threads.
class Submitter {
public:
  virtual ~Submitter() = default;
  virtual Result<SubmitOutcome> submit(const InboundMessage& message) = 0;
};

} // namespace hotline::pipeline
