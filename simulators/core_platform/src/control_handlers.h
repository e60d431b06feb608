#pragma once
// Observation and control of the simulator, /sim/* — for tests and humans, never faulted:
//   GET /sim/stats, GET /sim/tickets/{id}, GET /sim/violations, GET /sim/keys?after=&limit=,
//   POST /sim/reset, GET|POST|DELETE /sim/faults.

#include <httplib.h>

#include "simulators/core_platform/src/fault_injector.h"
#include "simulators/core_platform/src/platform_recorder.h"

namespace hotline::sim::core_platform {

class ControlApi {
public:
  static constexpr size_t kDefaultKeyPage = 10'000;
  static constexpr size_t kMaxKeyPage = 100'000;

  // Both must outlive the server the routes are registered on.
  ControlApi(PlatformRecorder& recorder, FaultInjector& faults)
      : recorder_(recorder), faults_(faults) {}

  void registerRoutes(httplib::Server& server);

private:
  void getStats(httplib::Response& response) const;
  void getTicket(const httplib::Request& request, httplib::Response& response) const;
  void getViolations(httplib::Response& response) const;
  void getKeys(const httplib::Request& request, httplib::Response& response) const;
  void postFaults(const httplib::Request& request, httplib::Response& response);

  PlatformRecorder& recorder_;
  FaultInjector& faults_;
};

} // namespace hotline::sim::core_platform
