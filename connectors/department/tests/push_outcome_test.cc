// Judging a push's answer: every branch of ok / retry / permanent, with real reply signatures.

#include "push_outcome.h"

#include <gtest/gtest.h>

namespace hotline::connectors::department {
namespace {

constexpr int64_t kNow = 1'790'000'000'000;
constexpr std::string_view kOkJson = R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-7"}})";

class PushOutcomeTest : public ::testing::Test {
protected:
  PushOutcomeTest() {
    request.where = "dept-cgj: POST http://127.0.0.1:9300/api/tasks";
    request.key = {"yc-cgj", "cgj-secret-for-tests", support::HmacAlgorithm::Sha256};
    request.target = "/api/tasks";
    request.nonce = "0123456789abcdef0123456789abcdef";
  }

  // A 200 answer signed by the department as the scheme says (or with the given changes).
  HttpAnswer signedAnswer(std::string body, int64_t at = kNow,
                          std::string nonce = "0123456789abcdef0123456789abcdef") {
    HttpAnswer answer{true, "", 200, {}, std::move(body), false};
    Result<support::SignatureHeaders> headers =
        support::signReply(request.key, request.target, nonce, answer.body, at);
    EXPECT_TRUE(headers.isOk()) << headers.status().toString();
    answer.headers = headers->toHeaderList();
    answer.headers.emplace_back("Content-Type", "application/json");
    return answer;
  }

  PushRequest request;
};

TEST_F(PushOutcomeTest, SignedAcceptanceIsOkWithTheCaseNumber) {
  PushOutcome outcome = judgePush(request, signedAnswer(std::string(kOkJson)), kNow + 80);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Ok) << outcome.delivery.reason;
  EXPECT_EQ(outcome.case_no, "CGJ-7");
  EXPECT_FALSE(outcome.link_failure);
}

TEST_F(PushOutcomeTest, TransportErrorIsRetriedNamingWhere) {
  HttpAnswer answer;
  answer.error = "Couldn't connect to server";
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_EQ(outcome.delivery.reason,
            "dept-cgj: POST http://127.0.0.1:9300/api/tasks: Couldn't connect to server");
  EXPECT_TRUE(outcome.link_failure);
}

TEST_F(PushOutcomeTest, TooManyRequestsHonoursRetryAfter) {
  HttpAnswer answer{true, "", 429, {{"retry-after", "30"}}, "slow down", false};
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_EQ(outcome.delivery.retry_after_ms, 30000u);
  EXPECT_NE(outcome.delivery.reason.find("answered HTTP 429: slow down"), std::string::npos);
}

TEST_F(PushOutcomeTest, TimeoutAndServerErrorsAreRetried) {
  for (long status : {408L, 500L, 502L, 503L}) {
    HttpAnswer answer{true, "", status, {}, "", false};
    EXPECT_EQ(judgePush(request, answer, kNow).delivery.kind, plugin::Delivery::Kind::Retry)
        << status;
  }
}

TEST_F(PushOutcomeTest, OtherClientErrorsArePermanentWithMaskedText) {
  HttpAnswer answer{true, "", 400, {}, R"({"code":400,"message":"bad phone 13812345678"})", false};
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Permanent);
  EXPECT_NE(outcome.delivery.reason.find("answered HTTP 400"), std::string::npos);
  EXPECT_EQ(outcome.delivery.reason.find("13812345678"), std::string::npos);
  EXPECT_NE(outcome.delivery.reason.find("138****5678"), std::string::npos);
}

TEST_F(PushOutcomeTest, UnsignedAcceptanceIsRetried) {
  HttpAnswer answer{true, "", 200, {}, std::string(kOkJson), false};
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(outcome.delivery.reason.find("reply X-App-Key: missing"), std::string::npos)
      << outcome.delivery.reason;
  EXPECT_EQ(outcome.case_no, "");
}

TEST_F(PushOutcomeTest, TamperedBodyIsRetried) {
  HttpAnswer answer = signedAnswer(std::string(kOkJson));
  answer.body = R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-8"}})";
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(outcome.delivery.reason.find("X-Signature"), std::string::npos)
      << outcome.delivery.reason;
}

TEST_F(PushOutcomeTest, ReplyToAnotherRequestIsRetried) {
  HttpAnswer answer = signedAnswer(std::string(kOkJson), kNow, "ffffffffffffffffffffffffffffffff");
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(outcome.delivery.reason.find("reply X-Nonce"), std::string::npos)
      << outcome.delivery.reason;
}

TEST_F(PushOutcomeTest, StaleReplyIsRetried) {
  HttpAnswer answer = signedAnswer(std::string(kOkJson), kNow - 400'000);
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(outcome.delivery.reason.find("X-Timestamp"), std::string::npos)
      << outcome.delivery.reason;
}

TEST_F(PushOutcomeTest, UnverifiedRepliesPassWhenVerificationIsOff) {
  request.verify_replies = false;
  HttpAnswer answer{true, "", 201, {}, std::string(kOkJson), false};
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Ok);
  EXPECT_EQ(outcome.case_no, "CGJ-7");
}

TEST_F(PushOutcomeTest, RefusalCodeIsPermanentButNotALinkFailure) {
  HttpAnswer answer = signedAnswer(R"({"code":4002,"message":"联系人13812345678已存在"})");
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Permanent);
  EXPECT_NE(outcome.delivery.reason.find("refused with code 4002"), std::string::npos);
  EXPECT_EQ(outcome.delivery.reason.find("13812345678"), std::string::npos);
  EXPECT_FALSE(outcome.link_failure);
}

TEST_F(PushOutcomeTest, UnreadableSignedReplyIsRetried) {
  PushOutcome outcome = judgePush(request, signedAnswer("<html>ok</html>"), kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(outcome.delivery.reason.find("not a JSON object"), std::string::npos);
}

TEST_F(PushOutcomeTest, XmlReplyGivesItsDeptNo) {
  request.format = ReplyFormat::Xml;
  PushOutcome outcome = judgePush(
      request,
      signedAnswer(
          R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">)"
          R"(<s:Body><d:ActionResponse xmlns:d="urn:yucheng:zjj:ticket:v1"><d:Code>0)"
          R"(</d:Code><d:DeptNo>ZJJ-9</d:DeptNo></d:ActionResponse></s:Body></s:Envelope>)"),
      kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Ok) << outcome.delivery.reason;
  EXPECT_EQ(outcome.case_no, "ZJJ-9");
}

TEST_F(PushOutcomeTest, TruncatedReplyCannotBeVerified) {
  HttpAnswer answer = signedAnswer(std::string(kOkJson));
  answer.truncated = true;
  PushOutcome outcome = judgePush(request, answer, kNow);
  EXPECT_EQ(outcome.delivery.kind, plugin::Delivery::Kind::Retry);
  EXPECT_NE(outcome.delivery.reason.find("too large"), std::string::npos);
}

} // namespace
} // namespace hotline::connectors::department
