#pragma once
// Observation and control of the simulated platform, /sim/* (unsigned: for tests, scenario
// scripts and humans; never affected by /sim/down):
//   GET  /sim/tickets      the tickets exchanged: our number, the county's ref, title, verified
//   GET  /sim/actions      the county's actions per ticket, in arrival order, judged
//   GET  /sim/stats        counters
//   GET|POST /sim/behaviour  the steps run for each escalation
//   POST /sim/act          {"number":..,"type":..,"data":{..}}: one action to the county now
//   POST /sim/dispatch     {ticket}: send a ticket down to the county (下派)
//   POST /sim/down         {"down":true|false,"for_ms":N}: answer 503 (an outage)
//   POST /sim/reset        forget tickets, actions, feed and pending deliveries

#include <httplib.h>

#include "simulators/exchange/src/exchange_state.h"

namespace hotline::sim::exchange {

class ControlApi {
public:
  explicit ControlApi(ExchangeState& state) : state_(state) {}

  void registerRoutes(httplib::Server& server);

private:
  void postBehaviour(const httplib::Request& request, httplib::Response& response);
  void postAct(const httplib::Request& request, httplib::Response& response);
  void postDispatch(const httplib::Request& request, httplib::Response& response);
  void postDown(const httplib::Request& request, httplib::Response& response);
  void postReset(httplib::Response& response);

  ExchangeState& state_;
};

} // namespace hotline::sim::exchange
