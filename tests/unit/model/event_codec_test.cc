#include "core/model/event_codec.h"

#include <gtest/gtest.h>

#include "core/model/event_facts.h"
#include "tests/unit/model/sample_model.h"

namespace hotline::model {
namespace {

using samples::eventById;
using samples::eventByNumber;

TicketEvent decodedOk(std::string_view json) {
  Result<TicketEvent> decoded = decodeEvent(json);
  EXPECT_TRUE(decoded.isOk()) << decoded.status().toString();
  return decoded.isOk() ? *decoded : TicketEvent{};
}

std::vector<DecodeIssue> issuesOf(std::string_view json) {
  std::vector<DecodeIssue> issues;
  EXPECT_FALSE(decodeEvent(json, &issues).isOk()) << json;
  return issues;
}

TEST(ModelEventCodec, EventByIdRoundTripsWithDataUntouched) {
  const TicketEvent event = eventById();
  const std::string json = encodeEvent(event);
  EXPECT_EQ(
      json,
      R"({"event_id":"01HV3M2B7C8D9E0F1G2H3J4K5M","ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},)"
      R"("type":"result_reviewed","at":"2024-04-12T17:00:00+08:00",)"
      R"("actor":{"name":"中心审核员 刘洋","unit_code":"411425-0001","role":"reviewer"},)"
      R"("source":"core-platform",)"
      R"("data":{"approved":true,"opinion":"办理到位","scores":[5,4.5],"extra":{"note":null}}})");
  const TicketEvent decoded = decodedOk(json);
  EXPECT_EQ(decoded, event);
  EXPECT_EQ(encodeEvent(decoded), json);
}

TEST(ModelEventCodec, EventByNumberRoundTrips) {
  const TicketEvent event = eventByNumber();
  const std::string json = encodeEvent(event);
  EXPECT_EQ(json, R"({"ticket":{"system":"shangqiu-12345","number":"SQ2024041000456"},)"
                  R"("type":"urged","at":"2024-04-11T08:00:00+08:00"})");
  const TicketEvent decoded = decodedOk(json);
  EXPECT_EQ(decoded, event);
  EXPECT_FALSE(decoded.ticket.isById());
  EXPECT_EQ(encodeEvent(decoded), json);
}

TEST(ModelEventCodec, DataIsStoredCompactedWhateverItsSpacing) {
  const TicketEvent event = decodedOk(R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},
      "type":"merged","at":"2024-04-11T08:00:00+08:00",
      "data": { "merged_into" : "01HV3K9A0B1C2D3E4F5G6H7J8K", "note": "重复来电" } })");
  EXPECT_EQ(event.data, R"({"merged_into":"01HV3K9A0B1C2D3E4F5G6H7J8K","note":"重复来电"})");
}

TEST(ModelEventCodec, TicketRefMustUseExactlyOneForm) {
  const std::string tail = R"(,"type":"signed","at":"2024-04-11T08:00:00+08:00"})";
  EXPECT_EQ(
      issuesOf(R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC","system":"a","number":"b"})" + tail),
      (std::vector<DecodeIssue>{{"/ticket", "give either id or system and number, not both"}}));
  EXPECT_EQ(issuesOf(R"({"ticket":{"system":"shangqiu-12345"})" + tail),
            (std::vector<DecodeIssue>{{"/ticket", "needs either id or both system and number"}}));
  EXPECT_EQ(issuesOf(R"({"ticket":{"id":"YC2024"})" + tail),
            (std::vector<DecodeIssue>{
                {"/ticket/id",
                 "expected a gateway ticket id (26 upper-case Crockford base32 characters)"},
                {"/ticket", "needs either id or both system and number"}}));
}

TEST(ModelEventCodec, StrictAboutTypeTimeDataAndUnknownMembers) {
  const auto issues = issuesOf(R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},
      "type":"finished","at":"2024-04-31T08:00:00","data":[1],"actor":{"phone":"13800000000"}})");
  const std::vector<DecodeIssue> expected = {
      {"/type", "\"finished\" is not one of created, accepted, assigned, escalated, "
                "dispatched_down, signed, progress, extension_requested, extension_decided, "
                "return_requested, return_decided, reassigned, result_submitted, "
                "result_reviewed, revisited, urged, supervised, inspected, leader_instructed, "
                "reopened, merged, closed, comment"},
      {"/at", "\"2024-04-31T08:00:00\" is not a valid time: day 31 does not exist in April 2024"},
      {"/actor/phone", "unknown member"},
      {"/data", "expected object, got array"},
  };
  EXPECT_EQ(issues, expected);
  EXPECT_EQ(issuesOf(R"({"type":"comment"})"),
            (std::vector<DecodeIssue>{{"/ticket", "required member is missing"},
                                      {"/at", "required member is missing"}}));
  EXPECT_EQ(issuesOf(R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},"type":"comment",)"
                     R"("at":"2024-04-11T08:00:00+08:00","data":{}})"),
            (std::vector<DecodeIssue>{{"/data", "must not be empty (omit the member instead)"}}));
}

TEST(ModelEventCodec, CompactJsonObjectNormalisesOrRefuses) {
  Result<std::string> compact = compactJsonObject("{ \"approved\" : false ,\n \"n\": 1.50 }");
  ASSERT_TRUE(compact.isOk()) << compact.status().toString();
  EXPECT_EQ(*compact, R"({"approved":false,"n":1.5})");
  EXPECT_FALSE(compactJsonObject("[1]").isOk());
  EXPECT_FALSE(compactJsonObject("{}").isOk());
  EXPECT_FALSE(compactJsonObject("{\"a\":").isOk());
}

TEST(ModelEventFacts, ReadsApprovalAndMergeTarget) {
  TicketEvent event = eventById();
  Result<EventFacts> facts = readEventFacts(event);
  ASSERT_TRUE(facts.isOk());
  EXPECT_EQ(facts->approved, true);
  EXPECT_TRUE(facts->merged_into.empty());

  event.data = R"({"merged_into":"01HV3K9A0B1C2D3E4F5G6H7J8K"})";
  facts = readEventFacts(event);
  ASSERT_TRUE(facts.isOk());
  EXPECT_FALSE(facts->approved.has_value());
  EXPECT_EQ(facts->merged_into, "01HV3K9A0B1C2D3E4F5G6H7J8K");

  event.data.clear();
  facts = readEventFacts(event);
  ASSERT_TRUE(facts.isOk());
  EXPECT_EQ(*facts, EventFacts{});
}

TEST(ModelEventFacts, WrongTypesAreReportedWithPaths) {
  TicketEvent event = eventById();
  event.data = R"({"approved":"yes","merged_into":""})";
  Result<EventFacts> facts = readEventFacts(event);
  ASSERT_FALSE(facts.isOk());
  EXPECT_EQ(facts.status().message(),
            "invalid event data (2 problems): /data/approved: expected boolean, got string; "
            "/data/merged_into: must not be empty");
}

} // namespace
} // namespace hotline::model
