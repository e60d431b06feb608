#pragma once
// The admin API (DESIGN.md §10), served on its own port, loopback by default:
//   GET  /readyz                              ready to take traffic? (no token)
//   GET  /metrics                             Prometheus text
//   GET  /admin/v1/dlq?after=&limit=&target=  dead letters (of one target)
//   GET  /admin/v1/dlq/{id}                   one dead letter, with its body
//   POST /admin/v1/dlq/{id}/replay            deliver it again (audited)
//   POST /admin/v1/dlq/replay?target=|all=true&limit=
//                                             replay dead letters in bulk (dead_letter_replay.h)
//   POST /admin/v1/dlq/{id}/discard           give it up; body {"reason":"..."} (audited)
//   GET  /admin/v1/outbox?state=&after=&limit= outbox rows in a state
//   GET  /admin/v1/audit?after=&limit=&ticket= audit records
//   GET  /admin/v1/audit/verify               check the whole hash chain
//   GET  /admin/v1/tickets/{id}/trace         a ticket's whole path across systems
// Everything but /readyz (and /healthz, registered by the server) needs
// "Authorization: Bearer <admin token>"; a missing or wrong token is 401. A query parameter an
// endpoint does not take, or a value it cannot read, is 400 naming it (admin_query.h); pages
// are 100 rows unless limit= says otherwise, at most 1000.

#include "core/http/health_endpoint.h"
#include "core/http/router.h"
#include "core/store/store.h"
#include "hotline/status.h"

#include <functional>
#include <string>

namespace hotline::admin {

// What the admin API tells the delivery side when an operator acts on a dead letter.
class DeadLetterControl {
public:
  virtual ~DeadLetterControl() = default;
  // The row is pending again: deliver it (at the head of its ticket's queue).
  virtual void replayed(const store::OutboxRow& row) = 0;
  // The row is given up: later rows of its ticket may flow.
  virtual void discarded(const store::OutboxRow& row) = 0;
};

struct AdminServices {
  store::Store& store;
  DeadLetterControl* dead_letters = nullptr; // may be null (no dispatcher)
  std::function<std::string()> metrics;      // Prometheus text
  http::HealthProbe readiness;
  std::string token;
  // Recompiles the mapping files and swaps them in (audited, with `actor`); the number of
  // plans now served, or why nothing changed. Unset: POST /admin/v1/mappings/reload is 404.
  std::function<Result<size_t>(const std::string& actor)> reload_mappings;
};

Status registerAdminApi(http::Router& router, AdminServices services);

} // namespace hotline::admin
