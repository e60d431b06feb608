#pragma once
// The core platform's downlink entry (DESIGN.md §4 Downlink): it posts canonical tickets and
// events to the gateway, naming the connector instances they go to:
//
//   POST /v1/outbound/tickets   canonical ticket
//   POST /v1/outbound/events    canonical event
//   POST /v1/outbound/knowledge canonical knowledge article (知识库), shared with the peer
//                               platforms: the named ones, else every "sync" instance
//   Authorization: Bearer <core_platform.outbound_token>
//   X-Hotline-Targets: dept-housing, dept-water
//   Idempotency-Key: <the core platform's message id>   (or X-Request-Id)
//
// Each message goes through the same submit path as uplink messages (validation,
// lifecycle, de-duplication, one durable commit) with one outbox row per target instance;
// each row is mapped to the peer's format (`<kind>.out.json`) when it is delivered.
// Without X-Hotline-Targets, tickets and assignment events are routed by unit code to the
// instances whose `units` include their lead and co-handling units (unit_routing.h); a unit
// nobody serves becomes a dead letter naming it. Other events (urged, supervised, decisions,
// closed, ...) go to the instances that hold the ticket, i.e. that earlier rows of it were
// routed to; a reassignment goes to the new units and to the holders. A ticket nobody holds
// gives a dead letter saying so. An escalation (a ticket whose status is `escalated`, or an
// `escalated` event) goes to the instances configured with "escalations": true; with none
// configured it is refused (400) before anything is stored.

#include "core/downlink/unit_routing.h"
#include "core/http/router.h"
#include "core/pipeline/submitter.h"

#include <set>
#include <string>
#include <vector>

namespace hotline::app {

struct OutboundEndpointOptions {
  std::string token;                            // the core platform's bearer token
  std::set<std::string> instances;              // connector instances that may be named as targets
  const downlink::UnitRouter* router = nullptr; // routing by unit; must outlive the endpoint
  // The instances that take escalations 上报 (connector entries with "escalations": true).
  std::vector<std::string> escalation_instances;
  // The peer hotline platforms (connector entries with "sync": true): where knowledge goes.
  std::vector<std::string> sync_instances;
};

Status registerOutboundEndpoint(http::Router& router, pipeline::Submitter& submitter,
                                OutboundEndpointOptions options);

} // namespace hotline::app
