// A connector that registers a route and then refuses its config: the host must remove the
// route again and report the connector's own reason.
#include "hotline/plugin/sdk.h"

namespace {

class FailingConnector : public hotline::plugin::Connector {
public:
  hotline::Status configure(const hotline::plugin::Config& config,
                            hotline::plugin::Host& host) override {
    hotline::Status routed = host.route(
        "GET", "/ping",
        [](const hotline::plugin::HttpRequest&, hotline::plugin::HttpResponse& response) {
          response.send(200, "text/plain", "pong");
        });
    if (!routed.isOk()) {
      return routed;
    }
    return hotline::invalidArgument("endpoint \"" + config.getString("endpoint", "") +
                                    "\" is not an http(s) URL");
  }
  hotline::Status start() override { return hotline::Status::ok(); }
  void stop() noexcept override {}
};

constexpr hl_config_key kConfig[] = {
    hotline::plugin::stringKey("endpoint", "ftp://nowhere", "Where the peer lives."),
};

} // namespace

HOTLINE_CONNECTOR(FailingConnector, "failing", "0.0.1", "Refuses its config.", kConfig)
