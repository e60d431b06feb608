// The date transform: every pattern token, the named formats, zones, and what is refused.
#include "tests/unit/mapping/mapping_test_support.h"

#include <rapidjson/document.h>

namespace hotline::mapping::mapping_tests {
namespace {

// Maps {"t": value} to /created_at with a date transform of `formats` (and `zone`).
std::string createdAt(std::string_view value_json, std::string_view formats,
                      std::string_view zone = "") {
  const std::string zone_member = zone.empty() ? "" : R"(, "zone": ")" + std::string(zone) + "\"";
  auto plan = compileOk(inboundJson(R"([{"to": "/created_at", "from": "/t",
      "transforms": [{"date": {"formats": )" +
                                    std::string(formats) + zone_member + "}}]}]"));
  if (plan == nullptr) {
    return "(no plan)";
  }
  Result<RunOutput> output = plan->run(R"({"t": )" + std::string(value_json) + "}");
  if (!output.isOk()) {
    return "error: " + output.status().message();
  }
  rapidjson::Document document;
  document.Parse(output->document.c_str());
  return document.HasMember("created_at") ? document["created_at"].GetString() : "(none)";
}

TEST(MappingDateTransform, PatternWithTwoDigitFields) {
  EXPECT_EQ(createdAt(R"("2024-04-10 09:30:05")", R"(["yyyy-MM-dd HH:mm:ss"])"),
            "2024-04-10T09:30:05+08:00");
}

TEST(MappingDateTransform, SingleLetterTokensTakeOneOrTwoDigits) {
  EXPECT_EQ(createdAt(R"("2024/4/1 9:05")", R"(["yyyy/M/d H:mm"])"), "2024-04-01T09:05:00+08:00");
  EXPECT_EQ(createdAt(R"("2024/12/31 23:59")", R"(["yyyy/M/d H:mm"])"),
            "2024-12-31T23:59:00+08:00");
  EXPECT_EQ(createdAt(R"("2024年4月1日 9时5分7秒")", R"(["yyyy年M月d日 H时m分s秒"])"),
            "2024-04-01T09:05:07+08:00");
}

TEST(MappingDateTransform, CompactDigitsAndMilliseconds) {
  EXPECT_EQ(createdAt(R"("20240410093000")", R"(["yyyyMMddHHmmss"])"), "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(createdAt(R"("2024-04-10 09:30:00.123")", R"(["yyyy-MM-dd HH:mm:ss.SSS"])"),
            "2024-04-10T09:30:00.123+08:00");
}

TEST(MappingDateTransform, ADateAloneIsMidnight) {
  EXPECT_EQ(createdAt(R"("2024-04-10")", R"(["yyyy-MM-dd"])"), "2024-04-10T00:00:00+08:00");
}

TEST(MappingDateTransform, EpochSecondsAndMillisecondsInTheZone) {
  EXPECT_EQ(createdAt("1712712600", R"(["epoch_s"])"), "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(createdAt(R"("1712712600123")", R"(["epoch_ms"])"), "2024-04-10T09:30:00.123+08:00");
  EXPECT_EQ(createdAt("1712712600", R"(["epoch_s"])", "Z"), "2024-04-10T01:30:00+00:00");
}

TEST(MappingDateTransform, Iso8601KeepsItsZoneAndDefaultsToTheMappingsZone) {
  EXPECT_EQ(createdAt(R"("2024-04-10T09:30:00+08:00")", R"(["iso8601"])"),
            "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(createdAt(R"("2024-04-10T01:30:00Z")", R"(["iso8601"])"), "2024-04-10T01:30:00+00:00");
  EXPECT_EQ(createdAt(R"("2024-04-10T09:30:00.5-0330")", R"(["iso8601"])"),
            "2024-04-10T09:30:00.500-03:30");
  EXPECT_EQ(createdAt(R"("2024-04-10 09:30")", R"(["iso8601"])"), "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(createdAt(R"("2024-04-10")", R"(["iso8601"])"), "2024-04-10T00:00:00+08:00");
  EXPECT_EQ(createdAt(R"("2024-04-10T09:30:00")", R"(["iso8601"])", "+09:00"),
            "2024-04-10T09:30:00+09:00");
}

TEST(MappingDateTransform, TheZoneAppliesToPatternsToo) {
  EXPECT_EQ(createdAt(R"("2024-04-10 09:30:00")", R"(["yyyy-MM-dd HH:mm:ss"])", "-05:00"),
            "2024-04-10T09:30:00-05:00");
}

TEST(MappingDateTransform, TheFirstFormatMatchingTheWholeValueWins) {
  const std::string_view formats = R"(["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "epoch_ms"])";
  EXPECT_EQ(createdAt(R"("2024-04-10 09:30:00")", formats), "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(createdAt(R"("2024-04-10")", formats), "2024-04-10T00:00:00+08:00");
  EXPECT_EQ(createdAt(R"(" 1712712600000 ")", formats), "2024-04-10T09:30:00+08:00");
}

TEST(MappingDateTransform, ImpossibleDatesMatchNoFormat) {
  const std::string_view formats = R"(["yyyy-MM-dd HH:mm:ss", "epoch_ms"])";
  EXPECT_EQ(createdAt(R"("2024-13-45 10:00")", formats),
            "error: mappings/test/ticket.json: /created_at from /t: \"2024-13-45 10:00\" matches "
            "none of the date formats (yyyy-MM-dd HH:mm:ss, epoch_ms)");
  EXPECT_EQ(createdAt(R"("2023-02-29 10:00:00")", formats).substr(0, 6), "error:");
  EXPECT_EQ(createdAt(R"("2024-02-29 10:00:00")", formats), "2024-02-29T10:00:00+08:00");
  EXPECT_EQ(createdAt(R"("2024-04-10 24:00:00")", formats).substr(0, 6), "error:");
  EXPECT_EQ(createdAt(R"("2024-04-10 09:30:00 extra")", formats).substr(0, 6), "error:");
  EXPECT_EQ(createdAt(R"("99999999999999999")", formats).substr(0, 6), "error:");
}

TEST(MappingDateTransform, BadFormatsAndZonesAreLoadErrors) {
  const auto error = [](std::string_view date) {
    return loadError(inboundJson(R"([{"to": "/created_at", "from": "/t", "transforms": [)" +
                                 std::string(date) + "]}]"));
  };
  EXPECT_EQ(error(R"({"date": {"formats": ["yyyy-MM-dd hh:mm"]}})"),
            "mappings/test/ticket.json: fields[0] (to /created_at): transforms[0]: date: bad date "
            "format \"yyyy-MM-dd hh:mm\": \"hh\" is not a token (hours are HH or H, 0-23); tokens "
            "are yyyy MM M dd d HH H mm m ss s SSS");
  EXPECT_EQ(error(R"({"date": {"formats": ["yy-MM-dd"]}})"),
            "mappings/test/ticket.json: fields[0] (to /created_at): transforms[0]: date: bad date "
            "format \"yy-MM-dd\": \"yy\" is not a token (years are yyyy); tokens are yyyy MM M dd "
            "d HH H mm m ss s SSS");
  EXPECT_EQ(error(R"({"date": {"formats": ["HH:mm"]}})"),
            "mappings/test/ticket.json: fields[0] (to /created_at): transforms[0]: date: bad date "
            "format \"HH:mm\": needs a year (yyyy), a month (MM or M) and a day (dd or d), or one "
            "of epoch_s, epoch_ms, iso8601");
  EXPECT_EQ(error(R"({"date": {"formats": ["iso8601"], "zone": "Beijing"}})"),
            "mappings/test/ticket.json: fields[0] (to /created_at): transforms[0]: date: bad zone "
            "\"Beijing\": write +08:00, -05:00 or Z");
  EXPECT_EQ(error(R"({"date": {"format": ["iso8601"]}})"),
            "mappings/test/ticket.json: fields[0] (to /created_at): transforms[0]: date: unknown "
            "key \"format\" (did you mean \"formats\"?)");
  EXPECT_EQ(error(R"({"date": {"formats": []}})"),
            "mappings/test/ticket.json: fields[0] (to /created_at): transforms[0]: date: formats "
            "must be a non-empty list of strings");
}

TEST(MappingDateTransform, APlainDateMeansIso8601) {
  auto plan =
      compileOk(inboundJson(R"([{"to": "/created_at", "from": "/t", "transforms": ["date"]}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"({"t": "2024-04-10T09:30:00"})"),
            R"({"created_at":"2024-04-10T09:30:00+08:00"})");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
