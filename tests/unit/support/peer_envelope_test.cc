// The reply envelope both connectors write and read (hotline/support/peer_envelope.h).

#include "hotline/support/peer_envelope.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

TEST(PeerEnvelope, WritesOkAndErrorEnvelopes) {
  EXPECT_EQ(okEnvelope(R"({"n":1})"), R"({"code":0,"message":"ok","data":{"n":1}})");
  EXPECT_EQ(errorEnvelope(401, "X-Signature: \"bad\""),
            R"({"code":401,"message":"X-Signature: \"bad\"","data":null})");
}

TEST(PeerEnvelope, ReadsTheCodeAsANumberOrAString) {
  Result<PeerReply> number =
      readEnvelopeReply(R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-1"}})", "caseNo");
  ASSERT_TRUE(number.isOk()) << number.status().toString();
  EXPECT_TRUE(number->accepted());
  EXPECT_EQ(number->message, "ok");
  EXPECT_EQ(number->number, "CGJ-1");

  Result<PeerReply> text = readEnvelopeReply(R"({"code":"E12","message":"closed"})", "number");
  ASSERT_TRUE(text.isOk());
  EXPECT_FALSE(text->accepted());
  EXPECT_EQ(text->code, "E12");
  EXPECT_EQ(text->number, "");
}

TEST(PeerEnvelope, TheNumberIsTheNamedMemberOfData) {
  const char* body = R"({"code":0,"data":{"number":"SQ-1","caseNo":"CGJ-1"}})";
  EXPECT_EQ(readEnvelopeReply(body, "number")->number, "SQ-1");
  EXPECT_EQ(readEnvelopeReply(body, "caseNo")->number, "CGJ-1");
  // A number written as a number is read as its text; data that is no object has none.
  EXPECT_EQ(readEnvelopeReply(R"({"code":0,"data":{"number":42}})", "number")->number, "42");
  EXPECT_EQ(readEnvelopeReply(R"({"code":0,"data":"SQ-1"})", "number")->number, "");
  EXPECT_EQ(readEnvelopeReply(R"({"code":0,"message":7})", "number")->message, "7");
}

TEST(PeerEnvelope, RefusesWhatIsNotAnEnvelope) {
  for (const char* body : {"", "[]", "null", "{", R"({"message":"ok"})", R"({"code":true})",
                           R"({"code":0.5})", R"({"code":{"v":0}})"}) {
    Result<PeerReply> reply = readEnvelopeReply(body, "number");
    EXPECT_FALSE(reply.isOk()) << body;
    EXPECT_EQ(reply.status().code(), StatusCode::InvalidArgument) << body;
  }
  EXPECT_EQ(readEnvelopeReply("[]", "number").status().message(),
            "reply is not a JSON object ({\"code\":0,\"message\":..,\"data\":..})");
  EXPECT_EQ(readEnvelopeReply("{}", "number").status().message(),
            "reply has no \"code\" (a number or a string)");
}

TEST(PeerEnvelope, SubmittedEventDataTakesTheStatusOfTheHostsAnswer) {
  EXPECT_EQ(submittedEventData("T-1", R"({"ticket_id":"T-1","status":"signed"})", false),
            R"({"ticket_id":"T-1","status":"signed","duplicate":false})");
  EXPECT_EQ(submittedEventData("T-1", "not json", true),
            R"({"ticket_id":"T-1","status":"","duplicate":true})");
  EXPECT_EQ(submittedEventData("T-\"2", "[]", false),
            R"({"ticket_id":"T-\"2","status":"","duplicate":false})");
}

} // namespace
} // namespace hotline::support
