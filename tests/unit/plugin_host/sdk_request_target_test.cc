// The SDK's view of the request target (ABI 1.1): the raw target when the host sends it,
// path and query joined again when an older host's struct ends before it.
#include "hotline/plugin/http.h"

#include <gtest/gtest.h>

#include <cstddef>

namespace hotline::plugin {
namespace {

hl_http_request request(uint32_t struct_size) {
  hl_http_request raw{};
  raw.struct_size = struct_size;
  raw.path = abi::borrow(std::string_view("/tickets/YC 001/actions"));
  raw.query = abi::borrow(std::string_view("since=1&q=%E8%B7%AF"));
  raw.target = abi::borrow(std::string_view("/tickets/YC%20001/actions?since=1&q=%E8%B7%AF"));
  return raw;
}

TEST(SdkRequestTarget, IsTheTargetAsSentWhenTheHostSendsIt) {
  const hl_http_request raw = request(sizeof(hl_http_request));
  EXPECT_EQ(HttpRequest(raw).target(), "/tickets/YC%20001/actions?since=1&q=%E8%B7%AF");
}

TEST(SdkRequestTarget, IsPathAndQueryFromAnOlderHost) {
  const hl_http_request raw = request(static_cast<uint32_t>(offsetof(hl_http_request, target)));
  EXPECT_EQ(HttpRequest(raw).target(), "/tickets/YC 001/actions?since=1&q=%E8%B7%AF");
}

} // namespace
} // namespace hotline::plugin
