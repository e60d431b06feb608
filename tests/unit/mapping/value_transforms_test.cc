// regex, phone, number, bool: the transforms that check what a value is.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingRegexTransform, ExtractsGroupOneByDefault) {
  EXPECT_EQ(titleFrom(R"("来电 13812345678 反映")", R"J([{"regex": {"pattern": "来电 (\\d+)"}}])J"),
            "13812345678");
  EXPECT_EQ(titleFrom(R"("工单YC-2024-001号")", R"J([{"regex": {"pattern": "YC-\\d+-\\d+"}}])J"),
            "YC-2024-001");
  EXPECT_EQ(titleFrom(R"("a=1;b=2")", R"J([{"regex": {"pattern": "(\\w)=(\\d)", "group": 2}}])J"),
            "1");
  EXPECT_EQ(titleFrom(R"("a=1")", R"J([{"regex": {"pattern": "(\\w)=(\\d)", "group": 0}}])J"),
            "a=1");
}

TEST(MappingRegexTransform, NoMatchGivesNoValue) {
  EXPECT_EQ(titleFrom(R"("nothing here")", R"J([{"regex": {"pattern": "(\\d+)"}}])J"), "");
  EXPECT_EQ(
      titleFrom(R"("nothing here")", R"J([{"regex": {"pattern": "(\\d+)"}}, {"default": "无"}])J"),
      "无");
}

TEST(MappingRegexTransform, MatchesUtf8CharactersAsCharacters) {
  EXPECT_EQ(titleFrom(R"("【停水】三天")", R"J([{"regex": {"pattern": "【(.)(.)】"}}])J"), "停");
}

TEST(MappingRegexTransform, LoadErrors) {
  const auto error = [](std::string_view regex) {
    return loadError(inboundJson(R"([{"to": "/title", "from": "/v", "transforms": [)" +
                                 std::string(regex) + "]}]"));
  };
  EXPECT_EQ(error(R"J({"regex": {"pattern": "(\\d"}})J"),
            "mappings/test/ticket.json: fields[0] (to /title): transforms[0]: regex: bad regex "
            "\"(\\d\": missing ) (at offset 3)");
  EXPECT_EQ(error(R"J({"regex": {"pattern": "(a)(?:b)(?<name>c)", "group": 3}})J"),
            "mappings/test/ticket.json: fields[0] (to /title): transforms[0]: regex: group 3 does "
            "not exist: the pattern has 2 groups");
  EXPECT_EQ(error(R"J({"regex": {"pattern": "a", "group": -1}})J"),
            "mappings/test/ticket.json: fields[0] (to /title): transforms[0]: regex: group must "
            "be a whole number (0 is the whole match)");
}

TEST(MappingPhoneTransform, NormalisesMobileAndLandlineNumbers) {
  EXPECT_EQ(titleFrom(R"("138 1234 5678")", R"(["phone"])"), "13812345678");
  EXPECT_EQ(titleFrom(R"("+86 138-1234-5678")", R"(["phone"])"), "13812345678");
  EXPECT_EQ(titleFrom(R"("008613812345678")", R"(["phone"])"), "13812345678");
  EXPECT_EQ(titleFrom(R"("8613812345678")", R"(["phone"])"), "13812345678");
  EXPECT_EQ(titleFrom(R"("１３８１２３４５６７８")", R"(["phone"])"), "13812345678");
  EXPECT_EQ(titleFrom(R"("（0370）1234567")", R"(["phone"])"), "03701234567");
  EXPECT_EQ(titleFrom(R"("0370-1234567")", R"(["phone"])"), "03701234567");
  EXPECT_EQ(titleFrom(R"("1234567")", R"(["phone"])"), "1234567");
  EXPECT_EQ(titleFrom("13812345678", R"(["phone"])"), "13812345678");
}

TEST(MappingPhoneTransform, KeepsAn86ThatIsNotACountryCode) {
  // 86 followed by something other than a mobile number is part of the number.
  EXPECT_EQ(titleFrom(R"("861234567")", R"(["phone"])"), "861234567");
}

TEST(MappingPhoneTransform, RefusesWhatCannotBeDialledAndMasksIt) {
  EXPECT_EQ(titleError(R"("138123")", R"(["phone"])"),
            "mappings/test/ticket.json: /title from /v: \"**8123\" is not a phone number (7 to 12 "
            "digits once spaces, dashes and brackets are removed)");
  const std::string long_number = titleError(R"("0370-1234567-8888")", R"(["phone"])");
  EXPECT_EQ(long_number.find("1234567"), std::string::npos) << long_number;
  EXPECT_NE(long_number.find("is not a phone number"), std::string::npos);
  EXPECT_NE(titleError(R"("138abcd5678")", R"(["phone"])").find("\"***abcd5678\" is not a phone"),
            std::string::npos);
  EXPECT_NE(titleError(R"("+8603701234567")", R"(["phone"])").find("is not a phone number"),
            std::string::npos);
}

TEST(MappingNumberTransform, ReadsDecimalsExactly) {
  auto plan = compileOk(inboundJson(R"([
      {"to": "/address/lng", "from": "/lng", "transforms": ["number"]},
      {"to": "/address/lat", "from": "/lat", "transforms": ["number"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"lng": " 115.6500 ", "lat": "+034.4"})"),
            R"({"address":{"lng":115.65,"lat":34.4}})");
  EXPECT_EQ(runOk(*plan, R"({"lng": "１１５", "lat": -0.0})"),
            R"({"address":{"lng":115,"lat":0}})");
  EXPECT_EQ(runError(*plan, R"({"lng": "1e5", "lat": "东经"})"),
            "mappings/test/ticket.json: /address/lng from /lng: \"1e5\" is not a number\n"
            "mappings/test/ticket.json: /address/lat from /lat: \"东经\" is not a number");
}

TEST(MappingNumberTransform, IntegerFieldsRefuseFractions) {
  auto plan = compileOk(inboundJson(R"([{"to": "/attachments", "each": "/files", "fields": [
      {"to": "name", "from": "/n"}, {"to": "size", "from": "/s", "transforms": ["number"]}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"files": [{"n": "a.jpg", "s": "1024"}]})"),
            R"({"attachments":[{"name":"a.jpg","size":1024}]})");
  EXPECT_EQ(runError(*plan, R"({"files": [{"n": "a.jpg", "s": "1.5"}]})"),
            "mappings/test/ticket.json: /attachments/0/size from /files/0/s: \"1.5\" is not an "
            "integer");
}

TEST(MappingNumberTransform, ANumberIntoAStringFieldIsALoadError) {
  EXPECT_EQ(loadError(inboundJson(R"([{"to": "/title", "from": "/v", "transforms": ["number"]}])")),
            "mappings/test/ticket.json: fields[0] (to /title): type conflict: the value is a "
            "number, but the field is a string");
}

TEST(MappingBoolTransform, ReadsTheUsualSpellings) {
  const std::string mapping = R"({"mapping": 1, "direction": "inbound", "kind": "event",
    "fields": [{"to": "/ticket/id", "value": "01HV0000000000000000000000"},
               {"to": "/type", "value": "return_decided"},
               {"to": "/at", "value": "2024-04-10T09:30:00+08:00"},
               {"to": "/data/approved", "from": "/ok", "transforms": ["bool"]}]})";
  auto plan = compileOk(mapping);
  ASSERT_NE(plan, nullptr);
  for (const char* yes : {R"("true")", R"("1")", R"("YES")", R"("y")", R"("是")", "true", "1"}) {
    EXPECT_NE(runOk(*plan, std::string(R"({"ok": )") + yes + "}").find(R"("approved":true)"),
              std::string::npos)
        << yes;
  }
  for (const char* no : {R"("false")", R"("0")", R"("No")", R"("n")", R"(" 否 ")", "false"}) {
    EXPECT_NE(runOk(*plan, std::string(R"({"ok": )") + no + "}").find(R"("approved":false)"),
              std::string::npos)
        << no;
  }
  EXPECT_EQ(runError(*plan, R"({"ok": "maybe"})"),
            "mappings/test/ticket.json: /data/approved from /ok: \"maybe\" is not a yes/no value "
            "(true/false, 1/0, yes/no, y/n, 是/否)");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
