#pragma once
// The exchange link as the county's gateway calls it (issue spec "Exchange link"):
//   POST /exchange/v1/tickets                an escalation (上报) → data {"number": ours}
//   POST /exchange/v1/tickets/{no}/actions   an action on a ticket we know under {no}
//   GET  /exchange/v1/actions?since=&limit=  pull mode: our feed of actions for the county
//   POST /exchange/v1/knowledge              a knowledge article
// Every call is verified against the peer keys (401 with the reason otherwise) and every
// answer to a verified call is signed. While /sim/down holds, every call gets 503.

#include <httplib.h>

#include <optional>

#include "simulators/exchange/src/exchange_state.h"

namespace hotline::sim::exchange {

class ExchangeApi {
public:
  explicit ExchangeApi(ExchangeState& state) : state_(state) {}

  void registerRoutes(httplib::Server& server);

private:
  // The verified caller, or nullopt after answering the refusal (503 down, 401, 400).
  std::optional<support::VerifiedCaller> admit(const httplib::Request& request,
                                               httplib::Response& response);
  // Writes the envelope and the reply's signing headers.
  void answer(const support::VerifiedCaller& caller, const httplib::Request& request,
              httplib::Response& response, int status, std::string body);

  void postTicket(const httplib::Request& request, httplib::Response& response);
  void postAction(const httplib::Request& request, httplib::Response& response);
  void getActions(const httplib::Request& request, httplib::Response& response);
  void postKnowledge(const httplib::Request& request, httplib::Response& response);

  ExchangeState& state_;
};

} // namespace hotline::sim::exchange
