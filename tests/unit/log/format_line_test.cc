#include "core/log/log.h"

#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace hotline::log {
namespace {

constexpr const char* kTs = "2026-11-28T11:20:51.123+08:00";

rapidjson::Document parse(const std::string& line) {
  rapidjson::Document document;
  document.Parse(line.c_str(), line.size());
  EXPECT_FALSE(document.HasParseError()) << line;
  EXPECT_TRUE(document.IsObject()) << line;
  return document;
}

std::vector<std::string> keysInOrder(const rapidjson::Document& document) {
  std::vector<std::string> keys;
  for (const auto& member : document.GetObject()) {
    keys.emplace_back(member.name.GetString(), member.name.GetStringLength());
  }
  return keys;
}

TEST(LogFormat, WritesOneJsonObjectWithFieldsInOrder) {
  const std::string line = formatLine(Level::Info, "plugin_host", "connector started",
                                      {{"instance", "example-1"}, {"attempt", 2}}, kTs);
  EXPECT_EQ(line, R"({"ts":"2026-11-28T11:20:51.123+08:00","level":"info",)"
                  R"("component":"plugin_host","msg":"connector started",)"
                  R"("instance":"example-1","attempt":"2"})");
  const rapidjson::Document document = parse(line);
  EXPECT_EQ(keysInOrder(document),
            (std::vector<std::string>{"ts", "level", "component", "msg", "instance", "attempt"}));
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(LogFormat, LevelNames) {
  const std::pair<Level, const char*> expected[] = {{Level::Trace, "trace"},
                                                    {Level::Debug, "debug"},
                                                    {Level::Info, "info"},
                                                    {Level::Warn, "warn"},
                                                    {Level::Error, "error"}};
  for (const auto& [level, name] : expected) {
    const rapidjson::Document document = parse(formatLine(level, "c", "m", {}, kTs));
    EXPECT_STREQ(document["level"].GetString(), name);
    Level parsed = Level::Error;
    ASSERT_TRUE(parseLevel(name, parsed));
    EXPECT_EQ(parsed, level);
  }
  Level untouched = Level::Warn;
  EXPECT_FALSE(parseLevel("verbose", untouched));
  EXPECT_FALSE(parseLevel("INFO", untouched));
  EXPECT_EQ(untouched, Level::Warn);
}

TEST(LogFormat, PersonalDataNeverAppearsUnmasked) {
  const std::string line =
      formatLine(Level::Warn, "mapping", "市民13812345678提交，身份证411425199001011234",
                 {{"name", "张三"},
                  {"requester.name", "欧阳娜娜"},
                  {"requester.phone", "0370-1234567"},
                  {"id_number", "41142519900101123X"},
                  {"detail", "回电 +86 139 8765 4321"}},
                 kTs);
  for (const char* secret : {"13812345678", "411425199001011234", "张三", "欧阳娜娜", "1234567",
                             "41142519900101123X", "8765"}) {
    EXPECT_EQ(line.find(secret), std::string::npos) << secret << " in " << line;
  }
  const rapidjson::Document document = parse(line);
  EXPECT_STREQ(document["msg"].GetString(), "市民138****5678提交，身份证4114**********1234");
  EXPECT_STREQ(document["name"].GetString(), "张*");
  EXPECT_STREQ(document["requester.name"].GetString(), "欧***");
  EXPECT_STREQ(document["requester.phone"].GetString(), "0370-***4567");
  EXPECT_STREQ(document["detail"].GetString(), "回电 +86 139 **** 4321");
}

TEST(LogFormat, EscapesQuotesNewlinesAndControlCharacters) {
  const std::string message = "say \"hi\"\nnext line\ttab \\ back\x01";
  const std::string line = formatLine(Level::Error, "http", message, {{"path", "/a\"b"}}, kTs);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find(R"(say \"hi\"\nnext line\ttab \\ back\u0001)"), std::string::npos) << line;
  const rapidjson::Document document = parse(line);
  EXPECT_EQ(std::string(document["msg"].GetString(), document["msg"].GetStringLength()), message);
  EXPECT_STREQ(document["path"].GetString(), "/a\"b");
}

TEST(LogFormat, InvalidUtf8AndReservedKeysStillGiveValidJson) {
  const std::string line = formatLine(Level::Info, "bad\xFF", "msg \xE4\xB8",
                                      {{"msg", "shadow"}, {"k\xC0", "v\xFE"}}, kTs);
  const rapidjson::Document document = parse(line);
  EXPECT_STREQ(document["msg"].GetString(), "msg \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_STREQ(document["field.msg"].GetString(), "shadow");
  EXPECT_STREQ(document["component"].GetString(), "bad\xEF\xBF\xBD");
}

TEST(LogFormat, TimestampIsChinaStandardTimeWithMilliseconds) {
  using namespace std::chrono;
  // 2026-11-28T03:20:51.123Z
  const system_clock::time_point noon_ish{milliseconds(1795836051123LL)};
  EXPECT_EQ(formatTimestamp(noon_ish), "2026-11-28T11:20:51.123+08:00");
  // 2026-12-31T20:00:00.007Z is already the next year in Beijing.
  const system_clock::time_point new_year{milliseconds(1798747200007LL)};
  EXPECT_EQ(formatTimestamp(new_year), "2027-01-01T04:00:00.007+08:00");
}

} // namespace
} // namespace hotline::log
