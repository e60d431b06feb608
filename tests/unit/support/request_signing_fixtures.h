#pragma once
// Shared pieces of the request-signing tests: a clock the test moves by hand, and the worked
// example of plugins/support/REQUEST_SIGNING.md (its signatures were cross-checked with
// `openssl dgst -hmac` and Python's hmac module, so they do not only restate our code).

#include "hotline/support/request_signing.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace hotline::support::testing {

class ManualClock {
public:
  explicit ManualClock(int64_t now_ms) : now_(std::make_shared<std::atomic<int64_t>>(now_ms)) {}
  MillisClock function() const {
    return [now = now_] { return now->load(); };
  }
  void set(int64_t now_ms) { now_->store(now_ms); }
  void advance(int64_t ms) { now_->fetch_add(ms); }
  int64_t now() const { return now_->load(); }

private:
  std::shared_ptr<std::atomic<int64_t>> now_;
};

// The worked example.
inline constexpr int64_t kExampleTimestamp = 1700000000000; // 2023-11-14T22:13:20Z
inline constexpr std::string_view kExampleAppKey = "yucheng-county";
inline constexpr std::string_view kExampleSecret = "demo-secret-do-not-use";
inline constexpr std::string_view kExampleNonce = "4f1c2b7e9a0d4e6b";
inline constexpr std::string_view kExampleTarget = "/exchange/v1/tickets";
inline constexpr std::string_view kExampleBody =
    "{\"ticket_no\":\"YC20240101-0001\",\"summary\":\"路灯不亮\"}";
inline constexpr std::string_view kExampleBodySha256 =
    "2ef5d601305a0f7afec393551ce545366fd20ee458ceaaeefa0d47c1398ce035";
inline constexpr std::string_view kExampleSha256Signature =
    "ce11cf185e3c18238fc3578ee49b4eda6fc1a33ef0f97266e62cee39f1945920";
inline constexpr std::string_view kExampleSm3Signature =
    "187f974baca2069a4d85cd22419a38873e53e60b683cd420bee320bfcf5b169f";

inline constexpr std::string_view kExamplePullTarget =
    "/exchange/v1/actions?since=20231114220000&limit=100";
inline constexpr std::string_view kExamplePullNonce = "0c3a9e5d2b7f4a18";
inline constexpr std::string_view kExamplePullSha256Signature =
    "749b521e2bdf68a5a44c6e36a774289116cae17bc1000aea1de82e1e0db73295";
inline constexpr std::string_view kExamplePullSm3Signature =
    "e6a8d3e1a97447aca0b988827be112de1770fea74add11371b538aa5d3282b15";

inline constexpr int64_t kExampleReplyTimestamp = 1700000000250;
inline constexpr std::string_view kExampleReplyBody =
    "{\"code\":0,\"message\":\"ok\",\"data\":{\"their_no\":\"SQ-88001\"}}";
inline constexpr std::string_view kExampleReplySha256Signature =
    "83aab201a9f4e3d4c5b17405b8ac4ed3039d24e61333ad5ebbcb8f2ffa90fff1";
inline constexpr std::string_view kExampleReplySm3Signature =
    "df27b662d8ad3902fa56676bbaced8ae3e3bad720c6567cfbb103063f3ed9829";

inline SigningKey exampleKey(HmacAlgorithm algorithm) {
  return SigningKey{std::string(kExampleAppKey), std::string(kExampleSecret), algorithm};
}

} // namespace hotline::support::testing
