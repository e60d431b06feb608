#pragma once
// Routing on the downlink by unit code (承办单位): a ticket or an assignment the core platform
// posts without naming targets goes to the connector instances that serve its lead and
// co-handling units (each instance's `units` in the config). A unit nobody serves becomes a
// row for the `unrouted` target, which dead-letters it at once naming the unit: a clear dead
// letter an operator sees, not a silent drop.
//
// Which messages carry units: a ticket (its latest assignment: lead_unit and co_units), and
// the events assigned, reassigned and dispatched_down (data.lead_unit, data.co_units, each
// {"code": ..., "name": ...}). Other events need their targets named.

#include "core/delivery/delivery_target.h"
#include "core/pipeline/submitter.h"
#include "hotline/status.h"

#include <map>
#include <string>
#include <vector>

namespace hotline::downlink {

inline constexpr const char* kUnroutedTarget = pipeline::kUnroutedTarget;

// The unit codes a canonical message is for, lead unit first, without repeats.
// InvalidArgument when the body is not the canonical kind, or when the kind carries no units
// (an event other than an assignment), naming why.
Result<std::vector<std::string>> unitsOf(const std::string& kind, const std::string& body);

class UnitRouter {
public:
  // unit code -> the instances serving it (several instances may serve one unit).
  explicit UnitRouter(std::map<std::string, std::vector<std::string>> instances_by_unit)
      : instances_by_unit_(std::move(instances_by_unit)) {}

  // The targets for `units`, in order, without repeats; `unrouted` once when any unit has no
  // instance.
  std::vector<std::string> targetsFor(const std::vector<std::string>& units) const;
  // The units of `units` no instance serves.
  std::vector<std::string> unserved(const std::vector<std::string>& units) const;

private:
  std::map<std::string, std::vector<std::string>> instances_by_unit_;
};

// The `unrouted` delivery target: every row is a permanent failure naming the units no
// instance serves, so the dispatcher dead-letters it at once (listed, replayable once routed
// by hand, discardable, audited).
class UnroutedTarget : public delivery::DeliveryTarget {
public:
  explicit UnroutedTarget(const UnitRouter& router) : router_(router) {}
  const std::string& name() const override { return name_; }
  void send(std::vector<const store::OutboxRow*> batch, Callback done) override;
  size_t maxBatch() const override { return 1; }

private:
  const UnitRouter& router_;
  const std::string name_ = kUnroutedTarget;
};

} // namespace hotline::downlink
