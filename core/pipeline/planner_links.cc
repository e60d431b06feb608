// Links a connector reports on its own (Host::link): a peer's number for one of our tickets,
// checked against what the store and the batch already know before it is written.
#include "core/pipeline/batch_planner.h"

namespace hotline::pipeline {

LinkPlan BatchPlanner::planLink(const LinkFact& fact) {
  const store::LinkRow& link = fact.link;
  const std::string what = link.system + " number " + link.number;
  auto refused = [&](const std::string& why) {
    return LinkPlan{std::nullopt, store::AuditInsert{"link_refused", fact.actor, link.ticket_id, 0,
                                                     0, "", what + ": " + why}};
  };
  Result<std::optional<std::string>> linked = ticketOfRef(link.system, link.number);
  if (!linked) {
    return refused(linked.status().message());
  }
  if (linked->has_value()) {
    if (**linked == link.ticket_id) {
      return LinkPlan{}; // reported again, e.g. by a retried delivery
    }
    return refused("already names ticket " + **linked);
  }
  Result<std::optional<model::LifecycleState>> state = stateOf(link.ticket_id);
  if (!state || !state->has_value()) {
    return refused(state ? "no ticket " + link.ticket_id : state.status().message());
  }
  links_[{link.system, link.number}] = link.ticket_id;
  return LinkPlan{link, store::AuditInsert{"linked", fact.actor, link.ticket_id, 0, 0, "", what}};
}

} // namespace hotline::pipeline
