// A connector written with the SDK whose constructor throws: the SDK's noexcept shim must
// turn that into an error, and the host must carry on.
#include "hotline/plugin/sdk.h"

#include <stdexcept>

namespace {

class ThrowingConnector : public hotline::plugin::Connector {
public:
  ThrowingConnector() { throw std::runtime_error("cannot open /dev/peer-link"); }
  hotline::Status configure(const hotline::plugin::Config&, hotline::plugin::Host&) override {
    return hotline::Status::ok();
  }
  hotline::Status start() override { return hotline::Status::ok(); }
  void stop() noexcept override {}
};

constexpr hl_config_key kConfig[] = {
    hotline::plugin::stringKey("unused", "", "Present so the table is not empty."),
};

} // namespace

HOTLINE_CONNECTOR(ThrowingConnector, "throwing", "0.0.1", "Throws in its constructor.", kConfig)
