// Strict decoding: every problem of a document is reported at once, each with its JSON
// Pointer and reason, and a personal value never appears in an error.
#include <gtest/gtest.h>

#include "core/model/ticket_codec.h"

namespace hotline::model {
namespace {

std::vector<DecodeIssue> issuesOf(std::string_view json) {
  std::vector<DecodeIssue> issues;
  Result<Ticket> decoded = decodeTicket(json, &issues);
  EXPECT_FALSE(decoded.isOk()) << "accepted: " << json;
  if (!decoded.isOk()) {
    EXPECT_EQ(decoded.status().code(), StatusCode::InvalidArgument);
  }
  return issues;
}

std::string messageOf(std::string_view json) {
  Result<Ticket> decoded = decodeTicket(json);
  return decoded.isOk() ? std::string("(accepted)") : decoded.status().message();
}

TEST(ModelDecodeErrors, AllProblemsAreReportedTogetherWithPaths) {
  const auto issues = issuesOf(R"({
    "channel": "phone", "content": "路面塌陷", "status": "submitted",
    "requester": {"name": "王秀英", "phone": 13812345678},
    "urgency": "asap",
    "created_at": "2024-02-30T10:00:00+08:00",
    "assignments": [{"seq": 1}, {"seq": 0, "lead_unit": {"code": 301}}],
    "category": {"type": "complaint", "colour": "red"}
  })");
  const std::vector<DecodeIssue> expected = {
      {"/requester/phone", "expected string, got number"},
      {"/category/colour", "unknown member"},
      {"/urgency", "\"asap\" is not one of normal, urgent, critical"},
      {"/created_at", "\"2024-02-30T10:00:00+08:00\" is not a valid time: day 30 does not "
                      "exist in February 2024"},
      {"/assignments/1/seq", "must be within [1, 2147483647]"},
      {"/assignments/1/lead_unit/code", "expected string, got number"},
  };
  EXPECT_EQ(issues, expected);
}

TEST(ModelDecodeErrors, StatusMessageListsEveryIssue) {
  const std::string message =
      messageOf(R"({"channel":"fax","content":"x","status":"submitted","urgency":"asap"})");
  EXPECT_EQ(message, "invalid ticket (2 problems): /channel: \"fax\" is not one of phone, web, "
                     "app, wechat, sms, email, province, city, county, department, legacy, other; "
                     "/urgency: \"asap\" is not one of normal, urgent, critical");
}

TEST(ModelDecodeErrors, PersonalValuesAreNeverEchoed) {
  // Wrong-typed, empty, or misplaced personal data: the reasons name paths, never values.
  const std::string message = messageOf(R"({
    "channel": "phone", "content": "噪音扰民", "status": "submitted",
    "requester": {"name": ["王秀英"], "phone": {"n": "13812345678"}, "contact_phone": "",
                  "id_card": "411425199001011234"},
    "title": 13912345678
  })");
  EXPECT_NE(message.find("/requester/name: expected string, got array"), std::string::npos);
  EXPECT_NE(message.find("/requester/phone: expected string, got object"), std::string::npos);
  EXPECT_NE(message.find("/requester/contact_phone: must not be empty"), std::string::npos);
  EXPECT_NE(message.find("/requester/id_card: unknown member"), std::string::npos);
  EXPECT_NE(message.find("/title: expected string, got number"), std::string::npos);
  for (const char* secret : {"王秀英", "13812345678", "411425199001011234", "13912345678"}) {
    EXPECT_EQ(message.find(secret), std::string::npos) << secret << " leaked: " << message;
  }
}

TEST(ModelDecodeErrors, PhoneNumbersMisplacedIntoCodedFieldsAreNotEchoed) {
  const std::string message = messageOf(R"({"channel":"13812345678","content":"x",
      "status":"submitted","created_at":"0370-4123456","urgency":"call 4123456",
      "address":{"lng":13812345678},"urges":[{"seq":13812345678}]})");
  EXPECT_NE(message.find("/channel: (a value not shown: it may hold personal data) is not one "
                         "of phone"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("/created_at: (a value not shown"), std::string::npos) << message;
  EXPECT_NE(message.find("/urges/0/seq: must be within [1, 2147483647]"), std::string::npos);
  EXPECT_NE(message.find("/address/lng: must be within [-180, 180]"), std::string::npos);
  for (const char* secret : {"13812345678", "4123456"}) {
    EXPECT_EQ(message.find(secret), std::string::npos) << secret << " leaked: " << message;
  }
}

TEST(ModelDecodeErrors, FormatRulesNameTheExpectationNotTheValue) {
  const auto issues = issuesOf(R"({"channel":"phone","content":"x","status":"submitted",
      "id":"13812345678","region":{"county":"4114250"},"address":{"region_code":"4114251"},
      "attachments":[{"sha256":"ABC","size":-1}],"merged_into":"not-an-id"})");
  const std::vector<DecodeIssue> expected = {
      {"/id", "expected a gateway ticket id (26 upper-case Crockford base32 characters)"},
      {"/region/county", "expected a 6-digit region code"},
      {"/attachments/0/sha256", "expected 64 lower-case hex digits (SHA-256)"},
      {"/attachments/0/size", "must be within [0, 9007199254740991]"},
      {"/address/region_code", "expected a 6-, 9- or 12-digit division code"},
      {"/merged_into", "expected a gateway ticket id (26 upper-case Crockford base32 characters)"},
  };
  EXPECT_EQ(issues, expected);
}

TEST(ModelDecodeErrors, MissingRequiredAndWrongRootAreReported) {
  EXPECT_EQ(issuesOf("{\"title\":\"x\"}"),
            (std::vector<DecodeIssue>{{"/channel", "required member is missing"},
                                      {"/content", "required member is missing"},
                                      {"/status", "required member is missing"}}));
  EXPECT_EQ(issuesOf("{}").size(), 3U);
  EXPECT_EQ(issuesOf("[]"), (std::vector<DecodeIssue>{{"", "expected object, got array"}}));
  EXPECT_EQ(messageOf("[]"), "invalid ticket (1 problem): (document): expected object, got array");
}

TEST(ModelDecodeErrors, EmptyFormsAreRejectedSoAbsentHasOneSpelling) {
  const auto issues = issuesOf(R"({"channel":"phone","content":"x","status":"submitted",
      "title":"","refs":[],"requester":{},"flow":[{}]})");
  const std::vector<DecodeIssue> expected = {
      {"/refs", "must not be empty (omit the member instead)"},
      {"/requester", "must not be empty"},
      {"/title", "must not be empty (omit the member instead)"},
      {"/flow/0", "must not be empty"},
  };
  EXPECT_EQ(issues, expected);
}

TEST(ModelDecodeErrors, NumbersMustHaveTheRightKindAndRange) {
  const auto issues = issuesOf(R"({"channel":"phone","content":"x","status":"submitted",
      "address":{"lng":181,"lat":"34.4"},"urges":[{"seq":1.5},{"seq":true},{"seq":3}],
      "attachments":[{"size":18446744073709551615}]})");
  const std::vector<DecodeIssue> expected = {
      {"/attachments/0/size", "must be within [0, 9007199254740991]"},
      {"/address/lng", "must be within [-180, 180]"},
      {"/address/lat", "expected number, got string"},
      {"/urges/0/seq", "expected integer, got a number with a fraction or exponent"},
      {"/urges/1/seq", "expected integer, got boolean"},
  };
  EXPECT_EQ(issues, expected);
}

TEST(ModelDecodeErrors, NullIsNotAbsence) {
  EXPECT_EQ(issuesOf(R"({"channel":"phone","content":"x","status":"submitted","title":null})"),
            (std::vector<DecodeIssue>{{"/title", "expected string, got null"}}));
}

TEST(ModelDecodeErrors, DuplicateMembersAreRejected) {
  // RapidJSON keeps both; silently using the first would lose the second.
  EXPECT_EQ(issuesOf(R"({"channel":"phone","content":"x","status":"submitted","status":"closed"})"),
            (std::vector<DecodeIssue>{{"/status", "duplicate member"}}));
}

TEST(ModelDecodeErrors, UnknownMemberNamesAreEscapedAndShortened) {
  const std::string long_key(300, 'k');
  const auto issues = issuesOf(R"({"channel":"phone","content":"x","status":"submitted",
      "a/b~c":1,")" + long_key +
                               R"(":2})");
  ASSERT_EQ(issues.size(), 2U);
  EXPECT_EQ(issues[0].path, "/a~1b~0c");
  EXPECT_EQ(issues[1].path, "/" + std::string(64, 'k') + "…");
}

TEST(ModelDecodeErrors, MalformedJsonIsOneClearIssue) {
  const std::string message = messageOf(R"({"channel":"phone",})");
  EXPECT_EQ(message.rfind("invalid ticket: malformed JSON at offset 19: ", 0), 0U) << message;
  EXPECT_NE(messageOf("{\"content\":\"\xff\xfe\"}").find("malformed JSON"), std::string::npos);
  EXPECT_NE(messageOf("{} trailing").find("malformed JSON"), std::string::npos);
}

TEST(ModelDecodeErrors, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_NE(messageOf(deep).find("nests deeper than 64 levels"), std::string::npos);
  // Brackets inside strings do not count.
  const std::string in_string =
      R"({"channel":"phone","status":"submitted","content":")" + std::string(200, '[') + "\"}";
  EXPECT_EQ(messageOf(in_string), "(accepted)");
}

TEST(ModelDecodeErrors, ManyIssuesAreCappedInTheMessageButAllReturned) {
  std::string json = R"({"channel":"phone","content":"x","status":"submitted","urges":[)";
  for (int i = 0; i < 80; ++i) {
    json += (i == 0 ? "" : ",") + std::string(R"({"seq":0})");
  }
  json += "]}";
  std::vector<DecodeIssue> issues;
  Result<Ticket> decoded = decodeTicket(json, &issues);
  ASSERT_FALSE(decoded.isOk());
  EXPECT_EQ(issues.size(), 80U);
  EXPECT_NE(decoded.status().message().find("(80 problems)"), std::string::npos);
  EXPECT_NE(decoded.status().message().find("; and 30 more"), std::string::npos);
  EXPECT_EQ(decoded.status().message().find("/urges/50/"), std::string::npos);
}

} // namespace
} // namespace hotline::model
