// The department codec: replies (JSON and SOAP) as department systems send them (the
// samples/ folder), the gateway's envelope, the callback answer, the pull-mode query.

#include "department_codec.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hotline::connectors::department {
namespace {

std::string sample(const std::string& name) {
  std::ifstream in(std::string(DEPARTMENT_SAMPLES_DIR) + "/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << "sample " << name << " is missing";
  return text.str();
}

TEST(JsonReply, AcceptedWithCaseNumber) {
  Result<DeptReply> reply = parseJsonReply(sample("push-reply.json"));
  ASSERT_TRUE(reply.isOk()) << reply.status().toString();
  EXPECT_TRUE(reply->accepted());
  EXPECT_EQ(reply->case_no, "CGJ-2026-000123");
}

TEST(JsonReply, CodeMayBeAStringAndDataMayBeAbsent) {
  Result<DeptReply> reply = parseJsonReply(R"({"code":"0","message":"ok"})");
  ASSERT_TRUE(reply.isOk());
  EXPECT_TRUE(reply->accepted());
  EXPECT_EQ(reply->case_no, "");
}

TEST(JsonReply, NonZeroCodeIsARefusalWithItsMessage) {
  Result<DeptReply> reply = parseJsonReply(sample("push-refused.json"));
  ASSERT_TRUE(reply.isOk());
  EXPECT_FALSE(reply->accepted());
  EXPECT_EQ(reply->code, "4002");
  EXPECT_NE(reply->message.find("工单已存在"), std::string::npos);
}

TEST(JsonReply, RefusesWhatIsNotAnEnvelope) {
  EXPECT_EQ(parseJsonReply("<html>502</html>").status().code(), StatusCode::InvalidArgument);
  EXPECT_NE(parseJsonReply(R"({"message":"ok"})").status().message().find("no \"code\""),
            std::string::npos);
  EXPECT_FALSE(parseJsonReply(R"({"code":null})").isOk());
}

TEST(XmlReply, AcceptedWithDeptNo) {
  Result<DeptReply> reply = parseXmlReply(sample("push-reply.xml"));
  ASSERT_TRUE(reply.isOk()) << reply.status().toString();
  EXPECT_TRUE(reply->accepted());
  EXPECT_EQ(reply->message, "ok");
  EXPECT_EQ(reply->case_no, "ZJJ-2026-000123");
}

TEST(XmlReply, OtherPrefixesAndDefaultNamespaceRead) {
  Result<DeptReply> reply = parseXmlReply(sample("action-refused.xml"));
  ASSERT_TRUE(reply.isOk()) << reply.status().toString();
  EXPECT_FALSE(reply->accepted());
  EXPECT_EQ(reply->code, "17");
  EXPECT_EQ(reply->message, "案件已办结，不能催办");
  EXPECT_EQ(reply->case_no, "");
}

TEST(XmlReply, SoapFaultIsARefusal) {
  Result<DeptReply> reply = parseXmlReply(sample("soap-fault.xml"));
  ASSERT_TRUE(reply.isOk());
  EXPECT_FALSE(reply->accepted());
  EXPECT_EQ(reply->code, "fault");
  EXPECT_EQ(reply->message, "database unavailable");
}

TEST(XmlReply, RefusesMalformedAndCodelessReplies) {
  EXPECT_NE(parseXmlReply("<a><b></a>").status().message().find("not well-formed"),
            std::string::npos);
  EXPECT_NE(parseXmlReply("<Reply><Code>0</Code></Reply>").status().message().find("SOAP"),
            std::string::npos);
  Result<DeptReply> codeless = parseXmlReply(
      R"(<s:Envelope xmlns:s="x"><s:Body><R><Message>ok</Message></R></s:Body></s:Envelope>)");
  EXPECT_NE(codeless.status().message().find("no Code element"), std::string::npos);
}

TEST(ParseReply, FollowsTheConfiguredFormat) {
  EXPECT_TRUE(parseReply(ReplyFormat::Xml, sample("push-reply.xml")).isOk());
  EXPECT_FALSE(parseReply(ReplyFormat::Json, sample("push-reply.xml")).isOk());
}

TEST(Envelope, OkAndErrorShapes) {
  EXPECT_EQ(okEnvelope(R"({"a":1})"), R"({"code":0,"message":"ok","data":{"a":1}})");
  EXPECT_EQ(errorEnvelope(401, "X-Nonce: \"x\" missing"),
            R"({"code":401,"message":"X-Nonce: \"x\" missing","data":null})");
}

TEST(CallbackData, TakesTheStatusFromTheHostsAnswer) {
  std::string data =
      callbackData("T-1", R"({"ticket_id":"T-1","status":"signed","duplicate":false})", true);
  EXPECT_EQ(data, R"({"ticket_id":"T-1","status":"signed","duplicate":true})");
  EXPECT_EQ(
      okEnvelope(callbackData("T-20261128-0001",
                              R"({"ticket_id":"x","status":"signed","duplicate":false})", false)) +
          "\n",
      sample("callback-answer.json"));
}

TEST(CallbackData, AnAnswerWithoutStatusGivesAnEmptyOne) {
  EXPECT_EQ(callbackData("T-2", "not json", false),
            R"({"ticket_id":"T-2","status":"","duplicate":false})");
}

TEST(TaskQueryParsing, DefaultsAndValues) {
  Result<TaskQuery> empty = parseTaskQuery("");
  ASSERT_TRUE(empty.isOk());
  EXPECT_TRUE(empty->only_new);
  EXPECT_EQ(empty->since, 0u);
  EXPECT_EQ(empty->limit, 100u);
  Result<TaskQuery> all = parseTaskQuery("limit=20&status=all&since=41&x=1");
  ASSERT_TRUE(all.isOk());
  EXPECT_FALSE(all->only_new);
  EXPECT_EQ(all->since, 41u);
  EXPECT_EQ(all->limit, 20u);
  EXPECT_EQ(parseTaskQuery("limit=9999")->limit, kMaxTaskLimit);
}

TEST(TaskQueryParsing, RefusesBadValuesNamingTheParameter) {
  EXPECT_NE(parseTaskQuery("status=open").status().message().find("status:"), std::string::npos);
  EXPECT_NE(parseTaskQuery("since=-1").status().message().find("since:"), std::string::npos);
  EXPECT_NE(parseTaskQuery("since=").status().message().find("since:"), std::string::npos);
  EXPECT_NE(parseTaskQuery("limit=0").status().message().find("limit:"), std::string::npos);
}

TEST(RetryAfter, DeltaSecondsOnly) {
  EXPECT_EQ(retryAfterMs("120"), 120000u);
  EXPECT_EQ(retryAfterMs(" 5 "), 5000u);
  EXPECT_EQ(retryAfterMs("9999999"), 86400000u);
  EXPECT_FALSE(retryAfterMs("Wed, 21 Oct 2026 07:28:00 GMT").has_value());
  EXPECT_FALSE(retryAfterMs("").has_value());
}

TEST(PathSegment, EscapesAllButUnreserved) {
  EXPECT_EQ(encodePathSegment("T-20261128_0001.~"), "T-20261128_0001.~");
  EXPECT_EQ(encodePathSegment("a/b c?"), "a%2Fb%20c%3F");
}

} // namespace
} // namespace hotline::connectors::department
