// What a refused message is told: every problem together, each naming the file, the target,
// the source path and the value, personal values masked.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingRunErrors, EveryProblemOfAMessageIsReportedTogether) {
  auto plan = compileOk(inboundJson(R"([
    {"to": "/created_at", "from": "/createTime",
     "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss", "epoch_ms"]}}]},
    {"to": "/content", "from": "/body", "transforms": ["required"]},
    {"to": "/title", "from": "/title"},
    {"to": "/urgency", "from": "/level",
     "transforms": [{"enum": {"map": {"1": "normal"}, "fallback": "error"}}]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"createTime": "2024-13-45 10:00", "title": "ok", "level": 7})"),
            "mappings/test/ticket.json: /created_at from /createTime: \"2024-13-45 10:00\" "
            "matches none of the date formats (yyyy-MM-dd HH:mm:ss, epoch_ms)\n"
            "mappings/test/ticket.json: /content from /body: required value missing\n"
            "mappings/test/ticket.json: /urgency from /level: \"7\" is not in the enum map");
}

TEST(MappingRunErrors, PersonalTargetsAreMaskedByKind) {
  auto masked = compileOk(inboundJson(R"([
    {"to": "/requester/name", "from": "/name", "transforms": [{"enum": {"map": {"x": "y"}, "fallback": "error"}}]},
    {"to": "/requester/contact_phone", "from": "/tel", "transforms": [{"enum": {"map": {"x": "y"}, "fallback": "error"}}]},
    {"to": "/address/text", "from": "/addr", "transforms": [{"enum": {"map": {"x": "y"}, "fallback": "error"}}]}])"));
  ASSERT_NE(masked, nullptr);
  EXPECT_EQ(
      runError(*masked, R"({"name": "欧阳娜娜", "tel": "13812345678",
                                  "addr": "虞城县文化路民主路交叉口东100米"})"),
      "mappings/test/ticket.json: /requester/name from /name: \"欧***\" is not in the enum map\n"
      "mappings/test/ticket.json: /requester/contact_phone from /tel: \"138****5678\" is not "
      "in the enum map\n"
      "mappings/test/ticket.json: /address/text from /addr: \"虞城县文化路***********\" is not "
      "in the enum map");
}

TEST(MappingRunErrors, PersonalSourcePathsAndPhoneFieldsAreMaskedToo) {
  // The target is not personal, but the peer's field name says the value is (mobile), and
  // a field through `phone` is personal whatever its names.
  auto plan = compileOk(inboundJson(R"([
    {"to": "/accepted_by", "from": "/mobile", "transforms": [{"enum": {"map": {"x": "y"}, "fallback": "error"}}]},
    {"to": "/title", "from": "/t", "transforms": ["phone"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"mobile": "13912345678", "t": "0370-12345678-99"})"),
            "mappings/test/ticket.json: /accepted_by from /mobile: \"139****5678\" is not in the "
            "enum map\n"
            "mappings/test/ticket.json: /title from /t: \"****-******78-99\" is not a phone number "
            "(7 to 12 digits once spaces, dashes and brackets are removed)");
}

TEST(MappingRunErrors, OtherValuesHavePhoneAndIdNumbersMaskedAndAreCut) {
  auto plan = compileOk(inboundJson(R"([{"to": "/urgency", "from": "/u"}])"));
  ASSERT_NE(plan, nullptr);
  const std::string error = runError(*plan, R"({"u": "身份证411425199001011234 电话13812345678 )" +
                                                std::string(200, 'x') + R"("})");
  EXPECT_EQ(error.find("411425199001011234"), std::string::npos) << error;
  EXPECT_EQ(error.find("13812345678"), std::string::npos) << error;
  EXPECT_NE(error.find("4114**********1234"), std::string::npos) << error;
  EXPECT_NE(error.find("…\" is not a canonical urgency"), std::string::npos) << error;
  EXPECT_LT(error.size(), 260u);
}

TEST(MappingRunErrors, QuotesAndControlCharactersStayOnOneLine) {
  auto plan = compileOk(inboundJson(R"([{"to": "/urgency", "from": "/u"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, R"({"u": "a\"b\nc"})"),
            "mappings/test/ticket.json: /urgency from /u: \"a\\\"b\\nc\" is not a canonical "
            "urgency (normal, urgent, critical)");
}

TEST(MappingRunErrors, ManyErrorsAreCountedBeyondTheFirstFifty) {
  auto plan = compileOk(inboundJson(R"([{"to": "/assignments", "each": "/items", "fields": [
      {"to": "seq", "from": "/n", "transforms": ["number"]}]}])"));
  ASSERT_NE(plan, nullptr);
  std::string items;
  for (int i = 0; i < 80; ++i) {
    items += (i == 0 ? "" : ",") + std::string(R"({"n": "x"})");
  }
  const std::string error = runError(*plan, R"({"items": [)" + items + "]}");
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 50);
  EXPECT_NE(error.find("mappings/test/ticket.json: ... and 30 more problems"), std::string::npos);
  EXPECT_NE(error.find("/assignments/0/seq from /items/49/n"), std::string::npos) << error;
}

} // namespace
} // namespace hotline::mapping::mapping_tests
