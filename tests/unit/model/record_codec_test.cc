#include "core/model/record_codec.h"

#include <gtest/gtest.h>

#include "tests/unit/model/sample_model.h"

namespace hotline::model {
namespace {

using namespace samples;

// decode(encode(r)) == r and encode(decode(j)) == j for one record type.
template <typename T>
void expectLosslessRoundTrip(const T& record,
                             Result<T> (*decode)(std::string_view, std::vector<DecodeIssue>*)) {
  const std::string json = encodeRecord(record);
  Result<T> decoded = decode(json, nullptr);
  ASSERT_TRUE(decoded.isOk()) << decoded.status().toString() << "\n" << json;
  EXPECT_EQ(*decoded, record);
  EXPECT_EQ(encodeRecord(*decoded), json);
}

TEST(ModelRecordCodec, EveryRecordRoundTripsLosslessly) {
  expectLosslessRoundTrip(fullCallRecord(), decodeCallRecord);
  expectLosslessRoundTrip(callRecordForTicketId(), decodeCallRecord);
  expectLosslessRoundTrip(fullKnowledgeArticle(), decodeKnowledgeArticle);
  expectLosslessRoundTrip(fullContact(), decodeContact);
  expectLosslessRoundTrip(fullListEntry(), decodeListEntry);
  expectLosslessRoundTrip(fullAnnouncement(), decodeAnnouncement);
  expectLosslessRoundTrip(fullChatTranscript(), decodeChatTranscript);
}

TEST(ModelRecordCodec, CallRecordEncodingIsCanonical) {
  EXPECT_EQ(encodeRecord(fullCallRecord()),
            R"({"id":"CALL-20240410-000123","caller":"13812345678","callee":"12345",)"
            R"("direction":"inbound","started_at":"2024-04-10T09:28:03+08:00",)"
            R"("ended_at":"2024-04-10T09:33:41+08:00","duration_s":338,"agent":"agent-007",)"
            R"("recording_uri":"https://rec.yucheng12345.example/2024/04/10/000123.wav",)"
            R"("ticket":{"system":"yucheng-12345","number":"YC202404100123"}})");
}

TEST(ModelRecordCodec, MinimalRecordsCarryOnlyRequiredMembers) {
  CallRecord call;
  call.id = "C1";
  call.direction = CallDirection::Outbound;
  call.started_at = at("2024-04-10T09:28:03+08:00");
  EXPECT_EQ(encodeRecord(call),
            R"({"id":"C1","direction":"outbound","started_at":"2024-04-10T09:28:03+08:00"})");
  expectLosslessRoundTrip(call, decodeCallRecord);
  expectLosslessRoundTrip(Contact{"县信访局", {}, {}, {}, {}}, decodeContact);
  expectLosslessRoundTrip(ListEntry{ListKind::White, "13700000000", {}, {}, {}, {}},
                          decodeListEntry);
}

TEST(ModelRecordCodec, DecodingIsStrictAndNeverEchoesPhones) {
  std::vector<DecodeIssue> issues;
  Result<CallRecord> call = decodeCallRecord(
      R"({"id":"C1","caller":13812345678,"direction":"sideways","duration_s":-3,"ticket":{}})",
      &issues);
  ASSERT_FALSE(call.isOk());
  const std::vector<DecodeIssue> expected = {
      {"/caller", "expected string, got number"},
      {"/direction", "\"sideways\" is not one of inbound, outbound"},
      {"/started_at", "required member is missing"},
      {"/duration_s", "must be within [0, 9007199254740991]"},
      {"/ticket", "must not be empty"},
  };
  EXPECT_EQ(issues, expected);
  EXPECT_EQ(call.status().message().find("13812345678"), std::string::npos);

  Result<ListEntry> entry = decodeListEntry(R"({"list":"grey","phone":["13900000000"]})");
  ASSERT_FALSE(entry.isOk());
  EXPECT_NE(entry.status().message().find("/list: \"grey\" is not one of black, white"),
            std::string::npos);
  EXPECT_EQ(entry.status().message().find("13900000000"), std::string::npos);
}

TEST(ModelRecordCodec, NestedListsAreCheckedElementByElement) {
  std::vector<DecodeIssue> issues;
  EXPECT_FALSE(decodeKnowledgeArticle(R"({"id":"K","title":"t","content":"c","tags":["a","",3],)"
                                      R"("region_code":"41142"})",
                                      &issues)
                   .isOk());
  EXPECT_EQ(issues,
            (std::vector<DecodeIssue>{{"/tags/1", "must not be empty (omit the member instead)"},
                                      {"/tags/2", "expected string, got number"},
                                      {"/region_code", "expected a 6-digit region code"}}));
  issues.clear();
  EXPECT_FALSE(
      decodeChatTranscript(R"({"id":"c","channel":"wechat","messages":[{"from":"user"}]})", &issues)
          .isOk());
  EXPECT_EQ(issues, (std::vector<DecodeIssue>{{"/messages/0/text", "required member is missing"}}));
  issues.clear();
  EXPECT_FALSE(decodeChatTranscript(R"({"id":"c","channel":"wechat"})", &issues).isOk());
  EXPECT_EQ(issues, (std::vector<DecodeIssue>{{"/messages", "required member is missing"}}));
}

} // namespace
} // namespace hotline::model
