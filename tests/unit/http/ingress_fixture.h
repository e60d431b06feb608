#pragma once
// A real IngressServer on 127.0.0.1, port 0, with a small body limit (1 KiB) so that the
// limit tests stay cheap.

#include "core/http/ingress_server.h"
#include "core/http/router.h"

#include <gtest/gtest.h>

#include <memory>

namespace hotline::http::testing {

class IngressFixture : public ::testing::Test {
protected:
  static IngressOptions smallOptions() {
    IngressOptions options;
    options.max_body_bytes = 1024;
    options.threads = 4;
    return options;
  }

  void startServer(IngressOptions options = smallOptions()) {
    server_ = std::make_unique<IngressServer>(router_, options);
    const Status status = server_->start();
    ASSERT_TRUE(status.isOk()) << status.toString();
    port_ = server_->port();
    ASSERT_NE(port_, 0);
  }

  void TearDown() override {
    if (server_) {
      server_->stop();
    }
  }

  Router router_; // declared first: outlives the server
  std::unique_ptr<IngressServer> server_;
  uint16_t port_ = 0;
};

} // namespace hotline::http::testing
