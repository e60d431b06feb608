#include "core/delivery/failure_classifier.h"

#include <gtest/gtest.h>

namespace hotline::delivery {
namespace {

const AttemptContext kContext{"core", "POST", "http://127.0.0.1:9/api/v1/tickets?token=secret"};

HttpResult answer(int status, std::string body = {}) {
  HttpResult result;
  result.status = status;
  result.body = std::move(body);
  return result;
}

HttpResult noAnswer(TransportError error, std::string text) {
  HttpResult result;
  result.transport = error;
  result.error = std::move(text);
  return result;
}

struct StatusCase {
  int status;
  ItemVerdict::Kind kind;
};

class StatusTable : public ::testing::TestWithParam<StatusCase> {};

TEST_P(StatusTable, ClassifiesStatus) {
  const StatusCase c = GetParam();
  EXPECT_EQ(classifyStatus(c.status), c.kind) << c.status;
  EXPECT_EQ(classifyResponse(kContext, answer(c.status), std::chrono::system_clock::now()).kind,
            c.kind)
      << c.status;
}

INSTANTIATE_TEST_SUITE_P(FailureClassifier, StatusTable,
                         ::testing::Values(StatusCase{200, ItemVerdict::Kind::Ok},
                                           StatusCase{201, ItemVerdict::Kind::Ok},
                                           StatusCase{204, ItemVerdict::Kind::Ok},
                                           StatusCase{408, ItemVerdict::Kind::Retry},
                                           StatusCase{429, ItemVerdict::Kind::Retry},
                                           StatusCase{500, ItemVerdict::Kind::Retry},
                                           StatusCase{502, ItemVerdict::Kind::Retry},
                                           StatusCase{503, ItemVerdict::Kind::Retry},
                                           StatusCase{504, ItemVerdict::Kind::Retry},
                                           StatusCase{400, ItemVerdict::Kind::Permanent},
                                           StatusCase{401, ItemVerdict::Kind::Permanent},
                                           StatusCase{403, ItemVerdict::Kind::Permanent},
                                           StatusCase{404, ItemVerdict::Kind::Permanent},
                                           StatusCase{409, ItemVerdict::Kind::Permanent},
                                           StatusCase{422, ItemVerdict::Kind::Permanent},
                                           StatusCase{301, ItemVerdict::Kind::Permanent}),
                         [](const ::testing::TestParamInfo<StatusCase>& param_info) {
                           return "Http" + std::to_string(param_info.param.status);
                         });

TEST(FailureClassifier, TransportErrorsAreRetryable) {
  for (TransportError error : {TransportError::Connect, TransportError::Timeout,
                               TransportError::Network, TransportError::Cancelled}) {
    ItemVerdict v = classifyResponse(kContext, noAnswer(error, "Couldn't connect to server"),
                                     std::chrono::system_clock::now());
    EXPECT_EQ(v.kind, ItemVerdict::Kind::Retry);
    EXPECT_EQ(v.http_status, 0);
    EXPECT_NE(v.reason.find("Couldn't connect to server"), std::string::npos) << v.reason;
  }
}

TEST(FailureClassifier, ReasonNamesTargetPathStatusAndPeerMessage) {
  ItemVerdict v =
      classifyResponse(kContext, answer(400, R"({"code":4001,"message":"title is required"})"),
                       std::chrono::system_clock::now());
  EXPECT_EQ(v.kind, ItemVerdict::Kind::Permanent);
  EXPECT_EQ(v.http_status, 400);
  EXPECT_EQ(v.reason, "core POST /api/v1/tickets -> HTTP 400: code 4001: title is required");
  EXPECT_EQ(v.reason.find("secret"), std::string::npos); // the query never shows
}

TEST(FailureClassifier, PeerTextIsMasked) {
  ItemVerdict v = classifyResponse(
      kContext, answer(422, R"({"message":"requester 13812345678 has id 411425199001011234"})"),
      std::chrono::system_clock::now());
  EXPECT_EQ(v.reason.find("13812345678"), std::string::npos) << v.reason;
  EXPECT_EQ(v.reason.find("411425199001011234"), std::string::npos) << v.reason;
  EXPECT_NE(v.reason.find("138****5678"), std::string::npos) << v.reason;
}

TEST(FailureClassifier, NonJsonBodyIsUsedAsTextTruncatedOnUtf8Boundary) {
  std::string body;
  for (int i = 0; i < 400; ++i) {
    body += "路灯"; // 6 bytes per round
  }
  ItemVerdict v = classifyResponse(kContext, answer(500, body), std::chrono::system_clock::now());
  EXPECT_EQ(v.kind, ItemVerdict::Kind::Retry);
  EXPECT_LT(v.reason.size(), 400u);
  EXPECT_EQ(v.reason.substr(v.reason.size() - 3), "...");
  const std::string text = v.reason.substr(0, v.reason.size() - 3);
  // The cut never leaves a partial 3-byte character: the text ends with a whole 路 or 灯.
  EXPECT_TRUE(text.size() >= 3 &&
              (text.substr(text.size() - 3) == "路" || text.substr(text.size() - 3) == "灯"));
}

TEST(FailureClassifier, RetryAfterIsRead) {
  HttpResult result = answer(429, "slow down");
  result.headers.emplace_back("retry-after", "7");
  ItemVerdict v = classifyResponse(kContext, result, std::chrono::system_clock::now());
  EXPECT_EQ(v.kind, ItemVerdict::Kind::Retry);
  ASSERT_TRUE(v.retry_after.has_value());
  EXPECT_EQ(*v.retry_after, std::chrono::milliseconds(7000));
}

TEST(FailureClassifier, UrlPath) {
  EXPECT_EQ(urlPath("http://h:1/a/b?x=1#f"), "/a/b");
  EXPECT_EQ(urlPath("http://h:1"), "/");
  EXPECT_EQ(urlPath("/x/y"), "/x/y");
}

TEST(FailureClassifier, DeliveryFromConnectorMapsToVerdict) {
  EXPECT_EQ(verdictFromDelivery(plugin::Delivery::ok()).kind, ItemVerdict::Kind::Ok);
  ItemVerdict retry = verdictFromDelivery(plugin::Delivery::retry("busy", 1500));
  EXPECT_EQ(retry.kind, ItemVerdict::Kind::Retry);
  EXPECT_EQ(retry.retry_after, std::chrono::milliseconds(1500));
  ItemVerdict dead = verdictFromDelivery(plugin::Delivery::permanent("bad unit"));
  EXPECT_EQ(dead.kind, ItemVerdict::Kind::Permanent);
  EXPECT_EQ(dead.reason, "bad unit");
}

} // namespace
} // namespace hotline::delivery
