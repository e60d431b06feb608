#pragma once
// The core platform's API, /api/v1/* — what the gateway's delivery client talks to:
//   POST /api/v1/tickets             canonical ticket JSON
//   POST /api/v1/tickets/{id}/events canonical event JSON
//   POST /api/v1/knowledge           canonical knowledge article JSON (ordering key "kb:<id>")
//   POST /api/v1/bulk                NDJSON, one delivery per line (bulk_parser.h)
// Faults of the current plan apply here and only here.

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "simulators/core_platform/src/bulk_parser.h"
#include "simulators/core_platform/src/delivered_item.h"
#include "simulators/core_platform/src/fault_injector.h"
#include "simulators/core_platform/src/platform_recorder.h"

namespace hotline::sim::core_platform {

class PlatformApi {
public:
  // Both must outlive the server the routes are registered on.
  PlatformApi(PlatformRecorder& recorder, FaultInjector& faults)
      : recorder_(recorder), faults_(faults) {}

  void registerRoutes(httplib::Server& server);

private:
  struct LineVerdict {
    ItemFault fault;       // status != 0: answered with the fault
    RecordResult recorded; // for lines that were recorded
  };

  void handleSingle(const httplib::Request& request, httplib::Response& response, ItemKind kind);
  void handleBulk(const httplib::Request& request, httplib::Response& response);

  std::vector<LineVerdict> judgeLines(const std::vector<BulkLine>& lines);
  static std::string bulkResultsBody(const std::vector<BulkLine>& lines,
                                     const std::vector<LineVerdict>& verdicts);

  // Waits out the plan's latency, then answers an outage or resets the connection when the
  // plan says so. True when the request has been dealt with.
  bool applyRequestFault(const httplib::Request& request, httplib::Response& response,
                         const RequestFault& fault);
  // Resets instead of answering (the answer already in `response` is lost).
  void resetInstead(const httplib::Request& request, httplib::Response& response);
  struct Rejection {
    int status; // 400: headers; 422: the body does not decode
    std::string message;
  };
  // Fills `item` from the Idempotency-Key / X-Hotline-* headers and the decoded body, or says
  // why the request is refused.
  static std::optional<Rejection> readSingle(const httplib::Request& request, ItemKind kind,
                                             DeliveredItem& item);

  PlatformRecorder& recorder_;
  FaultInjector& faults_;
};

} // namespace hotline::sim::core_platform
