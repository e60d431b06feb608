#pragma once
// GET /healthz (DESIGN.md §10): 200 {"status":"ok","components":[...]} while the gateway is
// healthy, 503 {"status":"unhealthy",...} when it is not, so that a load balancer or
// systemd watchdog can take the node out. What "healthy" means is the probe's business (the
// app asks the store, the plugin host, the outbox); this file only renders the answer.

#include "core/http/router.h"
#include "hotline/status.h"

#include <functional>
#include <string>
#include <vector>

namespace hotline::http {

struct ComponentHealth {
  std::string component; // "store", "connector:ex-1", ...
  std::string state;     // "ok", "degraded", "down", ...
  std::string detail;    // free text for the operator; may be empty
};

struct HealthReport {
  bool healthy = true;
  std::vector<ComponentHealth> components;
};

// Called on a server worker thread for every GET /healthz; may be called concurrently.
using HealthProbe = std::function<HealthReport()>;

// Registers GET /healthz (owner "core"). An empty probe always reports healthy; a probe that
// throws is answered 503 with the reason, never 500.
Status registerHealthEndpoint(Router& router, HealthProbe probe);

// The JSON body of /healthz, exposed for tests and for the admin API.
std::string renderHealthReport(const HealthReport& report);

} // namespace hotline::http
