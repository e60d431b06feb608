#include "core/downlink/unit_routing.h"

#include "core/model/event_codec.h"
#include "core/model/ticket_codec.h"

#include <rapidjson/document.h>

#include <algorithm>

namespace hotline::downlink {
namespace {

void addOnce(std::vector<std::string>& list, const std::string& item) {
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

void addUnitCode(const rapidjson::Value& unit, std::vector<std::string>& units) {
  if (unit.IsObject() && unit.HasMember("code") && unit["code"].IsString()) {
    addOnce(units, unit["code"].GetString());
  }
}

Result<std::vector<std::string>> unitsOfTicket(const std::string& body) {
  Result<model::Ticket> ticket = model::decodeTicket(body);
  if (!ticket) {
    return ticket.status();
  }
  std::vector<std::string> units;
  if (!ticket->assignments.empty()) {
    const model::Assignment& latest = ticket->assignments.back();
    addOnce(units, latest.lead_unit.code);
    for (const model::UnitRef& unit : latest.co_units) {
      addOnce(units, unit.code);
    }
  }
  if (units.empty()) {
    return invalidArgument("the ticket has no assignment with a unit code to route by; name "
                           "the targets in X-Hotline-Targets");
  }
  return units;
}

Result<std::vector<std::string>> unitsOfEvent(const std::string& body) {
  Result<model::TicketEvent> event = model::decodeEvent(body);
  if (!event) {
    return event.status();
  }
  const std::string type(model::enumName(event->type));
  if (type != "assigned" && type != "reassigned" && type != "dispatched_down") {
    return invalidArgument("a " + type +
                           " event carries no units to route by; name the targets in "
                           "X-Hotline-Targets (units are routed for tickets and assignments)");
  }
  rapidjson::Document data;
  data.Parse(event->data.c_str());
  std::vector<std::string> units;
  if (data.IsObject()) {
    if (data.HasMember("lead_unit")) {
      addUnitCode(data["lead_unit"], units);
    }
    if (data.HasMember("co_units") && data["co_units"].IsArray()) {
      for (const rapidjson::Value& unit : data["co_units"].GetArray()) {
        addUnitCode(unit, units);
      }
    }
  }
  if (units.empty()) {
    return invalidArgument("the " + type + " event has no data.lead_unit.code to route by");
  }
  return units;
}

} // namespace

Result<std::vector<std::string>> unitsOf(const std::string& kind, const std::string& body) {
  if (kind == "ticket") {
    return unitsOfTicket(body);
  }
  if (kind == "event") {
    return unitsOfEvent(body);
  }
  return invalidArgument("no routing by unit for " + kind + " messages");
}

std::vector<std::string> UnitRouter::targetsFor(const std::vector<std::string>& units) const {
  std::vector<std::string> targets;
  bool any_unserved = false;
  for (const std::string& unit : units) {
    auto it = instances_by_unit_.find(unit);
    if (it == instances_by_unit_.end()) {
      any_unserved = true;
      continue;
    }
    for (const std::string& instance : it->second) {
      addOnce(targets, instance);
    }
  }
  if (any_unserved) {
    targets.push_back(kUnroutedTarget);
  }
  return targets;
}

std::vector<std::string> UnitRouter::unserved(const std::vector<std::string>& units) const {
  std::vector<std::string> missing;
  for (const std::string& unit : units) {
    if (instances_by_unit_.count(unit) == 0) {
      addOnce(missing, unit);
    }
  }
  return missing;
}

void UnroutedTarget::send(std::vector<const store::OutboxRow*> batch, Callback done) {
  std::vector<delivery::ItemVerdict> verdicts;
  for (const store::OutboxRow* row : batch) {
    Result<std::vector<std::string>> units = unitsOf(row->kind, row->body);
    if (!units) {
      // Not an assignment: it was meant for the instances holding the ticket, and none does.
      verdicts.push_back(delivery::ItemVerdict::permanent(
          "no route: no connector instance holds ticket " + row->ticket_id +
          " (none was routed an assignment of it); name the targets in X-Hotline-Targets"));
      continue;
    }
    std::string list;
    for (const std::string& unit : router_.unserved(*units)) {
      list += (list.empty() ? "" : ", ") + unit;
    }
    verdicts.push_back(delivery::ItemVerdict::permanent(
        "no route: no connector instance serves unit " + (list.empty() ? "(none named)" : list) +
        " of this " + row->kind + "; add the unit to an instance's \"units\" in the config"));
  }
  done(std::move(verdicts));
}

} // namespace hotline::downlink
