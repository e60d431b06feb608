#include "exchange_connector.h"

#include "hotline/support/base_url.h"
#include "hotline/support/http_client.h"
#include "hotline/support/signing_key_config.h"

namespace hotline::connectors::exchange {
namespace {

// enumKey has no `required` flag: role has no sensible default (a county and a city
// normalise what they receive differently), so the host must refuse an entry without it.
constexpr hl_config_key requiredEnum(const char* key, const char* allowed, const char* doc) {
  hl_config_key k = plugin::enumKey(key, nullptr, allowed, doc);
  k.required = 1;
  return k;
}

constexpr hl_config_key kExchangeConfig[] = {
    requiredEnum("role", "county|city",
                 "Our side of the link: county (we escalate 上报 to the peer and receive its "
                 "dispatches 下派) or city (the other way round)."),
    plugin::stringKey("peer_url", nullptr,
                      "The peer's exchange base URL (http:// or https://, no query), e.g. "
                      "http://127.0.0.1:9400 or http://gw:8080/connectors/county-yucheng; calls "
                      "go to {peer_url}/exchange/v1/...",
                      true),
    plugin::stringKey("app_key", nullptr,
                      "The link's app key (X-App-Key), used both ways: on our calls and on "
                      "the peer's.",
                      true),
    plugin::secretKey("secret", "The link's signing secret (env:NAME or file:PATH); never sent.",
                      true),
    plugin::enumKey("sign_alg", "HMAC-SHA256", "HMAC-SHA256|HMAC-SM3",
                    "HMAC algorithm of the link's key (X-Sign-Alg), both ways."),
    plugin::stringKey("system", nullptr,
                      "Our hotline's system name as peers know it (e.g. yucheng-12345): the ref "
                      "system of our numbers.",
                      true),
    plugin::stringKey("peer_system", nullptr,
                      "The peer's system name (e.g. shangqiu-12345): the ref system its number "
                      "is linked under; a ticket it sends must carry a ref of it.",
                      true),
    plugin::enumKey("mode", "push", "push|pull|push_poll",
                    "push: each side POSTs to the other. pull: we publish a feed "
                    "(GET /exchange/v1/actions) and poll the peer's. push_poll: we push and "
                    "poll the peer's feed (a peer that cannot call us)."),
    plugin::integerKey("poll_interval_ms", "1000", 50, 3600000,
                       "pull, push_poll: pause between two polls of the peer's feed."),
    plugin::booleanKey("verify_replies", "true",
                       "Require a valid reply signature on the peer's answers (unsigned or "
                       "forged answers are retried)."),
    plugin::integerKey("timeout_ms", "10000", 100, 120000,
                       "Timeout of one call to the peer, connect to last byte, in milliseconds."),
    plugin::integerKey("window_s", "300", 10, 3600,
                       "Signature window: accepted clock difference of X-Timestamp, seconds."),
    plugin::integerKey("replay_cache", "50000", 1000, 2000000,
                       "Nonces remembered within the window (replay protection, about 150 bytes "
                       "each): the peer's sustained rate is at most replay_cache / window_s "
                       "calls a second; beyond it calls are answered 503."),
};

long long integerOr(const plugin::Config& config, const std::string& key, long long fallback) {
  Result<long long> value = config.getInteger(key);
  return value ? *value : fallback;
}

} // namespace

ExchangeConnector::~ExchangeConnector() {
  stop();
}

Status ExchangeConnector::readConfig(const plugin::Config& config) {
  instance_ = config.instanceName();
  Result<support::SigningKey> key = support::readSigningKey(config);
  if (!key) {
    return key.status();
  }
  key_ = std::move(*key);
  system_ = config.getString("system", "");
  peer_system_ = config.getString("peer_system", "");
  if (system_.empty() || peer_system_.empty()) {
    return invalidArgument(system_.empty() ? "system: is empty" : "peer_system: is empty");
  }
  if (system_ == peer_system_) {
    return invalidArgument("peer_system: equals system \"" + system_ +
                           "\"; the two numbers of a ticket could not be told apart");
  }
  const std::string role = config.getString("role", "");
  if (role != "county" && role != "city") {
    return invalidArgument("role: must be county or city");
  }
  role_ = role == "city" ? Role::City : Role::County;
  const std::string mode = config.getString("mode", "push");
  mode_ = mode == "pull" ? Mode::Pull : (mode == "push_poll" ? Mode::PushPoll : Mode::Push);
  verify_replies_ = config.getString("verify_replies", "true") == "true";
  timeout_ms_ = static_cast<long>(integerOr(config, "timeout_ms", 10000));
  poll_interval_ = std::chrono::milliseconds(integerOr(config, "poll_interval_ms", 1000));
  verifier_options_ = support::readVerifierOptions(config);
  Result<support::BaseUrl> peer =
      support::parseBaseUrl("peer_url", config.getString("peer_url", ""));
  if (!peer) {
    return peer.status();
  }
  peer_url_ = std::move(peer->url);
  peer_path_ = std::move(peer->path);
  peer_origin_ = std::move(peer->origin);
  return Status::ok();
}

Status ExchangeConnector::configure(const plugin::Config& config, plugin::Host& host) {
  host_ = &host;
  HOTLINE_RETURN_IF_ERROR(readConfig(config));
  signed_routes_ = std::make_unique<support::SignedEndpoint>(host, instance_, "exchange", key_,
                                                             verifier_options_);
  feed_ =
      std::make_unique<FeedStore>([this](const std::string& key) { return host_->stateGet(key); },
                                  [this](const std::string& key, const std::string& value) {
                                    return host_->statePut(key, value);
                                  });
  support::initHttpClient();
  return registerRoutes(host);
}

Status ExchangeConnector::start() {
  {
    std::lock_guard<std::mutex> lock(poller_mutex_);
    stopping_ = false;
  }
  running_ = true;
  if (mode_ != Mode::Push && !poller_.joinable()) {
    poller_ = std::thread([this] { pollLoop(); });
  }
  host_->log(plugin::LogLevel::Info, "exchange connector started",
             {{"role", role_ == Role::City ? "city" : "county"},
              {"mode", mode_ == Mode::Push ? "push" : (mode_ == Mode::Pull ? "pull" : "push_poll")},
              {"peer_url", peer_url_},
              {"system", system_},
              {"peer_system", peer_system_}});
  return Status::ok();
}

void ExchangeConnector::stop() noexcept {
  running_ = false;
  {
    std::lock_guard<std::mutex> lock(poller_mutex_);
    stopping_ = true;
  }
  poller_wake_.notify_all();
  if (poller_.joinable()) {
    poller_.join();
  }
}

plugin::Health ExchangeConnector::health() const {
  if (!running_) {
    return plugin::Health::down("not started");
  }
  return call_failures_.health();
}

} // namespace hotline::connectors::exchange

HOTLINE_CONNECTOR(hotline::connectors::exchange::ExchangeConnector, "exchange", "0.1.0",
                  "A province / city / county 12345 platform: signed escalations, dispatches "
                  "and action sync both ways (push, or a pull-mode feed), numbers kept as refs.",
                  hotline::connectors::exchange::kExchangeConfig)
