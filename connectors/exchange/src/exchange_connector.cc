#include "exchange_connector.h"

#include "hotline/support/http_client.h"

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
};

// After this many failed pushes or polls in a row the instance reports itself degraded.
constexpr int kDegradedAfter = 3;

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
  key_.app_key = config.getString("app_key", "");
  key_.secret = config.getString("secret", "");
  system_ = config.getString("system", "");
  peer_system_ = config.getString("peer_system", "");
  Result<support::HmacAlgorithm> algorithm =
      support::parseSignAlgorithm(config.getString("sign_alg", "HMAC-SHA256"));
  if (!algorithm) {
    return invalidArgument("sign_alg: " + algorithm.status().message());
  }
  key_.algorithm = *algorithm;
  if (!support::isSigningAppKey(key_.app_key)) {
    return invalidArgument("app_key: must be 1 to 128 visible ASCII characters");
  }
  if (key_.secret.empty() || system_.empty() || peer_system_.empty()) {
    return invalidArgument(key_.secret.empty()
                               ? "secret: is empty"
                               : (system_.empty() ? "system: is empty" : "peer_system: is empty"));
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
  window_ = std::chrono::seconds(integerOr(config, "window_s", 300));
  peer_url_ = config.getString("peer_url", "");
  while (!peer_url_.empty() && peer_url_.back() == '/') {
    peer_url_.pop_back();
  }
  size_t scheme_end = peer_url_.find("://");
  bool http = peer_url_.rfind("http://", 0) == 0 || peer_url_.rfind("https://", 0) == 0;
  if (!http || peer_url_.find_first_of("?#") != std::string::npos) {
    return invalidArgument("peer_url: \"" + peer_url_ +
                           "\" is not an http:// or https:// URL without query or fragment");
  }
  size_t path_start = peer_url_.find('/', scheme_end + 3);
  peer_path_ = path_start == std::string::npos ? "" : peer_url_.substr(path_start);
  peer_origin_ = peer_url_.substr(0, peer_url_.size() - peer_path_.size());
  return Status::ok();
}

Status ExchangeConnector::configure(const plugin::Config& config, plugin::Host& host) {
  host_ = &host;
  HOTLINE_RETURN_IF_ERROR(readConfig(config));
  support::CallerKey caller{key_.secret, {key_.algorithm}, {}};
  support::VerifierOptions options;
  options.window = window_;
  verifier_ = std::make_unique<support::RequestVerifier>(
      support::fixedKeys({{key_.app_key, std::move(caller)}}), options);
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
  int failures = failures_in_a_row_.load();
  if (failures >= kDegradedAfter) {
    std::lock_guard<std::mutex> lock(last_failure_mutex_);
    return plugin::Health::degraded(std::to_string(failures) +
                                    " calls to the peer in a row failed; last: " + last_failure_);
  }
  return plugin::Health::healthy();
}

void ExchangeConnector::noteFailure(const std::string& reason) {
  ++failures_in_a_row_;
  std::lock_guard<std::mutex> lock(last_failure_mutex_);
  last_failure_ = reason;
}

} // namespace hotline::connectors::exchange

HOTLINE_CONNECTOR(hotline::connectors::exchange::ExchangeConnector, "exchange", "0.1.0",
                  "A province / city / county 12345 platform: signed escalations, dispatches "
                  "and action sync both ways (push, or a pull-mode feed), numbers kept as refs.",
                  hotline::connectors::exchange::kExchangeConfig)
