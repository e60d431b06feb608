#pragma once
// The exchange connector (connectors/exchange/README.md): one instance per peer hotline
// platform (a county gateway has one for its city; a city gateway one per county). It sends
// escalations 上报 / dispatches 下派 and every later action to the peer, signed with the link's
// one key, and links the peer's number as a ref; it accepts the peer's signed tickets and
// actions and hands them to the pipeline. In pull mode it publishes a feed instead of
// pushing and polls the peer's feed instead of being called.

#include "exchange_codec.h"
#include "feed.h"

#include "hotline/plugin/sdk.h"
#include "hotline/support/failure_streak.h"
#include "hotline/support/signed_endpoint.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace hotline::connectors::exchange {

// How items travel: push (each side POSTs to the other), pull (each side publishes a feed the
// other polls), push_poll (we push ours and poll theirs: a peer that cannot call us).
enum class Mode { Push, Pull, PushPoll };

class ExchangeConnector : public plugin::Connector {
public:
  ~ExchangeConnector() override;

  Status configure(const plugin::Config& config, plugin::Host& host) override;
  Status start() override;
  void stop() noexcept override;
  plugin::Health health() const override;
  plugin::Delivery deliver(const plugin::Outbound& outbound) override;

  // One poll of the peer's feed: the poller thread's step, public so that tests can drive it
  // without the thread. Ok when the page was read (even if an item must wait for the next
  // poll); the error names the failure otherwise.
  Status pollOnce();

  // What a submitted ticket or action came to: a 2xx with `data` (JSON) or a status with
  // `message`. Shared by the endpoints and the poller (exchange_accept.cc).
  struct Answer {
    int status = 0;
    std::string message;
    std::string data;
    bool ok() const { return status >= 200 && status < 300; }
  };

private:
  Status readConfig(const plugin::Config& config);
  Status registerRoutes(plugin::Host& host);

  // exchange_outbound.cc: deliver() for each kind, pushed or published.
  struct Payload {
    std::string content_type;
    std::string body;
    std::string target;     // the push's request target (path and query)
    std::string our_number; // kind ticket: the number we gave the peer
  };
  Result<Payload> prepareTicket(const plugin::Outbound& outbound) const;
  Result<Payload> prepareEvent(const plugin::Outbound& outbound) const;
  Result<Payload> prepareKnowledge(const plugin::Outbound& outbound) const;
  plugin::Delivery push(const plugin::Outbound& outbound, const Payload& payload);
  void recordPushedTicket(const plugin::Outbound& outbound, const Payload& payload,
                          const std::string& peer_number);
  plugin::Delivery publish(const plugin::Outbound& outbound, const Payload& payload);
  void noteFailure(const std::string& reason) { call_failures_.failed(reason); }
  void noteSuccess() { call_failures_.succeeded(); }

  // exchange_accept.cc: submitting what the peer sent (endpoints and poller alike).
  Answer acceptTicket(const std::string& content_type, const std::string& body,
                      const std::string& idempotency_key);
  Answer acceptEvent(const std::string& content_type, const std::string& body,
                     const std::string& header_key, const std::string& path_number);
  Answer acceptKnowledge(const std::string& content_type, const std::string& body,
                         const std::string& header_key);
  bool pathNamesTicket(const std::string& path_number, const EventFacts& facts);
  Answer fromHost(const Status& refused) const;
  // The host's refusal of a submitted message as the peer's answer; nullopt when stored.
  std::optional<Answer> refusalOf(const Result<plugin::Submitted>& submitted) const;
  // A message of `kind` from the peer, with the link's facts as attributes.
  plugin::Inbound peerInbound(const std::string& kind, const std::string& content_type,
                              const std::string& body, const std::string& idempotency_key) const;

  // exchange_routes.cc: the peer's calls.
  void handleTicket(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleAction(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleFeed(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleKnowledge(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  // A peer's ticket, action or article: 503 unless running, then verified and `accept`ed.
  void handleSubmission(const plugin::HttpRequest& request, plugin::HttpResponse& response,
                        const std::function<Answer()>& accept);
  void sendAnswer(const support::VerifiedCaller& caller, const plugin::HttpRequest& request,
                  const Answer& answer, plugin::HttpResponse& response);

  // exchange_poller.cc
  void pollLoop();
  bool submitPulled(const PeerItem& item);

  plugin::Host* host_ = nullptr;
  std::string instance_;
  support::SigningKey key_;
  Role role_ = Role::County;
  Mode mode_ = Mode::Push;
  std::string peer_url_;    // without a trailing '/'
  std::string peer_origin_; // scheme://host[:port]
  std::string peer_path_;   // the base URL's path ("" or "/connectors/county-x")
  std::string system_;
  std::string peer_system_;
  bool verify_replies_ = true;
  long timeout_ms_ = 10000;
  std::chrono::milliseconds poll_interval_{1000};
  support::VerifierOptions verifier_options_; // window_s, replay_cache

  std::unique_ptr<support::SignedEndpoint> signed_routes_; // verifies and answers the routes
  std::unique_ptr<FeedStore> feed_;

  std::atomic<bool> running_{false};
  support::FailureStreak call_failures_{"calls to the peer"}; // pushes and polls

  std::mutex poller_mutex_;
  std::condition_variable poller_wake_;
  bool stopping_ = false; // under poller_mutex_
  std::thread poller_;
};

} // namespace hotline::connectors::exchange
