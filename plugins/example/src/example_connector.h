#pragma once
// The example connector: the smallest complete connector, and the template to copy. It
// registers one HTTP endpoint under /connectors/<instance>/ and submits every request body
// it receives to the pipeline unchanged, answering the peer with the host's verdict. With
// deliver_url set it also delivers downlink messages: each is POSTed there as the host
// mapped it, under its idempotency key.

#include "hotline/plugin/sdk.h"

#include <atomic>
#include <string>

namespace hotline::connectors::example {

class ExampleConnector : public plugin::Connector {
public:
  Status configure(const plugin::Config& config, plugin::Host& host) override;
  Status start() override;
  void stop() noexcept override;
  plugin::Health health() const override;
  plugin::Delivery deliver(const plugin::Outbound& outbound) override;

private:
  void handleSubmit(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  Status verifySignature(const plugin::HttpRequest& request) const;

  plugin::Host* host_ = nullptr;
  std::string kind_;
  std::string id_header_;
  std::string hmac_secret_; // empty: requests are not signed
  std::string signature_header_;
  std::string deliver_url_; // empty: no downlink
  std::atomic<bool> running_{false};
};

} // namespace hotline::connectors::example
