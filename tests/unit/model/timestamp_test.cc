#include "core/model/timestamp.h"

#include <gtest/gtest.h>

namespace hotline::model {
namespace {

// 2024-04-10T01:30:00Z
constexpr int64_t kApril10 = 1712712600000;

Timestamp parsedOk(std::string_view text) {
  Result<Timestamp> parsed = parseTimestamp(text);
  EXPECT_TRUE(parsed.isOk()) << text << ": " << parsed.status().toString();
  return parsed.isOk() ? *parsed : Timestamp{};
}

std::string parseError(std::string_view text) {
  Result<Timestamp> parsed = parseTimestamp(text);
  EXPECT_FALSE(parsed.isOk()) << text << " was accepted";
  EXPECT_EQ(parsed.status().code(), StatusCode::InvalidArgument);
  return parsed.isOk() ? std::string() : parsed.status().message();
}

TEST(ModelTimestamp, ParsesOffsetsAndKeepsThem) {
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00+08:00"), (Timestamp{kApril10, 480}));
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00+0800"), (Timestamp{kApril10, 480}));
  EXPECT_EQ(parsedOk("2024-04-10T01:30:00Z"), (Timestamp{kApril10, 0}));
  EXPECT_EQ(parsedOk("2024-04-09T21:00:00-04:30"), (Timestamp{kApril10, -270}));
  EXPECT_EQ(parsedOk("2024-04-10T01:30:00-00:00"), (Timestamp{kApril10, 0}));
}

TEST(ModelTimestamp, InputWithoutZoneIsChinaStandardTime) {
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00"), (Timestamp{kApril10, 480}));
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00.5"), (Timestamp{kApril10 + 500, 480}));
}

TEST(ModelTimestamp, FractionsAreKeptToTheMillisecond) {
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00.1+08:00").epoch_ms, kApril10 + 100);
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00.12+08:00").epoch_ms, kApril10 + 120);
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00.123+08:00").epoch_ms, kApril10 + 123);
  // Truncated, not rounded: rounding .9999 up would carry into the next second.
  EXPECT_EQ(parsedOk("2024-04-10T09:30:00.123999999+08:00").epoch_ms, kApril10 + 123);
  EXPECT_NE(parseError("2024-04-10T09:30:00.1234567890+08:00").find("1 to 9 fraction digits"),
            std::string::npos);
  EXPECT_NE(parseError("2024-04-10T09:30:00.+08:00").find("fraction"), std::string::npos);
}

TEST(ModelTimestamp, RejectsImpossibleDatesNamingValueAndReason) {
  EXPECT_EQ(parseError("2024-02-30T10:00:00+08:00"),
            "\"2024-02-30T10:00:00+08:00\" is not a valid time: day 30 does not exist in "
            "February 2024");
  EXPECT_EQ(parseError("2024-13-01T10:00:00+08:00"),
            "\"2024-13-01T10:00:00+08:00\" is not a valid time: month 13 does not exist");
  EXPECT_NE(parseError("2024-04-10T24:00:00+08:00").find("hour 24 is out of range"),
            std::string::npos);
  EXPECT_NE(parseError("2024-04-10T23:60:00+08:00").find("minute 60"), std::string::npos);
  EXPECT_NE(parseError("2024-04-10T23:59:60+08:00").find("second 60"), std::string::npos);
  EXPECT_NE(parseError("2024-00-10T10:00:00").find("month 00"), std::string::npos);
  EXPECT_NE(parseError("2024-04-00T10:00:00").find("day 00"), std::string::npos);
  EXPECT_NE(parseError("2024-04-10T10:00:00+19:00").find("offset hour 19"), std::string::npos);
  EXPECT_NE(parseError("2024-04-10T10:00:00+08:60").find("offset minutes 60"), std::string::npos);
}

TEST(ModelTimestamp, LeapYearsFollowTheGregorianRules) {
  EXPECT_EQ(parsedOk("2024-02-29T00:00:00Z").epoch_ms, 1709164800000);
  EXPECT_EQ(parsedOk("2000-02-29T00:00:00Z").epoch_ms, 951782400000);
  EXPECT_NE(parseError("2023-02-29T00:00:00Z").find("day 29 does not exist in February 2023"),
            std::string::npos);
  EXPECT_NE(parseError("1900-02-29T00:00:00Z").find("February 1900"), std::string::npos);
}

TEST(ModelTimestamp, RejectsLenientSpellings) {
  for (const char* text :
       {"2024-04-10 09:30:00", "2024-4-10T09:30:00", "2024-04-10T09:30", "2024-04-10",
        "2024-04-10T09:30:00+08", "2024-04-10T09:30:00z", "2024-04-10t09:30:00",
        "2024-04-10T09:30:00 +08:00", "2024-04-10T09:30:00+08:00 ", "20240410T093000", ""}) {
    EXPECT_NE(parseError(text).find("is not an ISO-8601 time"), std::string::npos) << text;
  }
  EXPECT_EQ(parseError("2024/04/10T09:30:00"),
            "\"2024/04/10T09:30:00\" is not an ISO-8601 time: expected '-' at position 4 "
            "(format YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM])");
}

TEST(ModelTimestamp, FormatsWithOffsetAndMillisOnlyWhenPresent) {
  EXPECT_EQ(formatTimestamp(Timestamp{kApril10, 480}), "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(formatTimestamp(Timestamp{kApril10 + 7, 480}), "2024-04-10T09:30:00.007+08:00");
  EXPECT_EQ(formatTimestamp(Timestamp{kApril10, 0}), "2024-04-10T01:30:00+00:00");
  EXPECT_EQ(formatTimestamp(Timestamp{kApril10, -270}), "2024-04-09T21:00:00-04:30");
  EXPECT_EQ(formatTimestamp(Timestamp{0, 0}), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(formatTimestamp(Timestamp{-1, 0}), "1969-12-31T23:59:59.999+00:00");
}

TEST(ModelTimestamp, CanonicalTextRoundTripsExactly) {
  for (const char* text : {"2024-04-10T09:30:00+08:00", "2024-04-10T09:30:00.250+08:00",
                           "1999-12-31T23:59:59.999-11:00", "0001-01-01T00:00:00+00:00",
                           "9999-12-31T23:59:59+14:00", "2024-02-29T12:00:00+05:45"}) {
    EXPECT_EQ(formatTimestamp(parsedOk(text)), text);
  }
  // Other spellings normalise to the canonical one.
  EXPECT_EQ(formatTimestamp(parsedOk("2024-04-10T01:30:00Z")), "2024-04-10T01:30:00+00:00");
  EXPECT_EQ(formatTimestamp(parsedOk("2024-04-10T09:30:00")), "2024-04-10T09:30:00+08:00");
  EXPECT_EQ(formatTimestamp(parsedOk("2024-04-10T09:30:00.120000+0800")),
            "2024-04-10T09:30:00.120+08:00");
}

TEST(ModelTimestamp, EqualityKeepsTheOffsetSameInstantDoesNot) {
  const Timestamp beijing = parsedOk("2024-04-10T09:30:00+08:00");
  const Timestamp utc = parsedOk("2024-04-10T01:30:00Z");
  EXPECT_NE(beijing, utc);
  EXPECT_TRUE(sameInstant(beijing, utc));
}

TEST(ModelTimestamp, LongGarbageIsQuotedShortened) {
  const std::string garbage(500, 'x');
  const std::string message = parseError(garbage);
  EXPECT_LT(message.size(), 200U);
  EXPECT_NE(message.find("…"), std::string::npos);
}

} // namespace
} // namespace hotline::model
