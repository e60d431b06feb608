// Reading the peer's replies (JSON envelope, SOAP) and writing ours.

#include "exchange_replies.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hotline::connectors::exchange {
namespace {

std::string sample(const std::string& name) {
  std::ifstream file(std::string(EXCHANGE_SAMPLES_DIR) + "/" + name);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_FALSE(text.str().empty()) << name;
  return text.str();
}

TEST(JsonReply, GivesThePeersNumber) {
  Result<support::PeerReply> reply = parseReply(sample("ticket-reply.json"));
  ASSERT_TRUE(reply.isOk()) << reply.status().toString();
  EXPECT_TRUE(reply->accepted());
  EXPECT_EQ(reply->number, "SQ-20261128-000001");
}

TEST(JsonReply, AnActionsReplyHasNoNumberAndCodeMayBeAString) {
  Result<support::PeerReply> reply = parseJsonReply(
      R"({"code":"0","message":"ok","data":{"ticket_id":"SQ-1","status":"signed"}})");
  ASSERT_TRUE(reply.isOk());
  EXPECT_TRUE(reply->accepted());
  EXPECT_EQ(reply->number, "");
}

TEST(JsonReply, ARefusalAndAShapelessBody) {
  Result<support::PeerReply> refused = parseReply(sample("refused-reply.json"));
  ASSERT_TRUE(refused.isOk());
  EXPECT_FALSE(refused->accepted());
  EXPECT_EQ(refused->code, "400");
  EXPECT_FALSE(parseJsonReply(R"({"message":"ok"})").isOk());
  EXPECT_FALSE(parseJsonReply("<html/>").isOk());
}

TEST(XmlReply, ReadsCodeMessageAndNumberWhateverThePrefixes) {
  Result<support::PeerReply> reply = parseReply(sample("ticket-reply.xml"));
  ASSERT_TRUE(reply.isOk()) << reply.status().toString();
  EXPECT_TRUE(reply->accepted());
  EXPECT_EQ(reply->number, "SQ-20261128-000002");
}

TEST(XmlReply, AFaultIsARefusal) {
  Result<support::PeerReply> reply = parseReply(sample("soap-fault.xml"));
  ASSERT_TRUE(reply.isOk());
  EXPECT_EQ(reply->code, "fault");
  EXPECT_NE(reply->message.find("ReportTicket"), std::string::npos);
}

TEST(XmlReply, NotAnEnvelopeIsUnreadable) {
  Result<support::PeerReply> reply = parseXmlReply("<Answer><Code>0</Code></Answer>");
  ASSERT_FALSE(reply.isOk());
  EXPECT_NE(reply.status().message().find("SOAP Envelope"), std::string::npos);
}

TEST(Envelope, OkAndErrorShapes) {
  EXPECT_EQ(
      okEnvelope(ticketAnswerData("T1", false)),
      R"({"code":0,"message":"ok","data":{"number":"T1","ticket_id":"T1","duplicate":false}})");
  EXPECT_EQ(errorEnvelope(400, "refs: \"x\""),
            R"({"code":400,"message":"refs: \"x\"","data":null})");
}

TEST(Envelope, KnowledgeData) {
  EXPECT_EQ(knowledgeAnswerData("KB-1", true), R"({"article_id":"KB-1","duplicate":true})");
}

TEST(Envelope, ActionDataTakesTheStatusFromTheHostsAnswer) {
  EXPECT_EQ(
      actionAnswerData("T1", R"({"ticket_id":"T1","status":"signed","duplicate":true})", true),
      R"({"ticket_id":"T1","status":"signed","duplicate":true})");
  EXPECT_EQ(actionAnswerData("T1", "not json", false),
            R"({"ticket_id":"T1","status":"","duplicate":false})");
}

} // namespace
} // namespace hotline::connectors::exchange
