// The guard in front of RapidJSON's full-precision parse (json_zero_numbers.h): scaled zeros
// are rewritten to the same value at the same length, and nothing else is touched.

#include "hotline/support/json_zero_numbers.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

namespace hotline::support {
namespace {

std::string rewritten(const std::string& text) {
  std::string scratch;
  return std::string(safeForFullPrecision(text, scratch));
}

TEST(JsonZeroNumbers, ScaledZerosBecomeZeroOfTheSameLength) {
  EXPECT_EQ(rewritten(R"({"a":0e101})"), R"({"a":0.0  })");
  EXPECT_EQ(rewritten(R"([-0E-30,0.000000000000000000000000])"),
            R"([-0.0  ,0.0                       ])");
  EXPECT_EQ(rewritten("0e101 e"), "0.0   e");
}

TEST(JsonZeroNumbers, APrefixBeforeAnErrorBecomesABareZeroThatJoinsNothing) {
  // RapidJSON converts the prefix before it finds the error; "0.0" would join what follows.
  EXPECT_EQ(rewritten("0e101e"), "0    e");
  EXPECT_EQ(rewritten("0E0E50?"), "0  E50?");
  EXPECT_EQ(rewritten("[-0e1-]"), "[-0  -]");
}

TEST(JsonZeroNumbers, ANumberOf1e300OrMoreIsRefusedWhereItStands) {
  const std::string huge = "[1" + std::string(74, '1') + "E0300]";
  std::string scratch;
  const std::string_view safe = safeForFullPrecision(huge, scratch);
  EXPECT_EQ(safe.substr(0, 2), "[#");
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag>(safe.data(), safe.size());
  ASSERT_TRUE(document.HasParseError());
  EXPECT_EQ(document.GetErrorOffset(), 1u);
  EXPECT_EQ(rewritten("-2e301"), "#2e301");
  EXPECT_EQ(rewritten("1" + std::string(301, '0')), "#" + std::string(301, '0'));
  const std::string tiny = "0." + std::string(480, '0') + "84";
  EXPECT_EQ(rewritten(tiny), "#" + tiny.substr(1)) << "not zero, and far under 1e-300";
  EXPECT_EQ(rewritten("5e-301"), "#e-301");
}

TEST(JsonZeroNumbers, EverythingElseIsLeftAlone) {
  for (const std::string text :
       {R"({"a":0,"b":-0,"c":1e101,"d":0.5e-30,"e":10e5,"f":0.0001e-50,"g":1.5e299})",
        "123456789012345678901234567890e-30", "0.000001e305", "1e-299", "0.001e-297",
        R"({"0e101":"0e101 in a string","esc":"\"0e5"})", "0.", "0e", "0.e5", "00e5"}) {
    EXPECT_EQ(rewritten(text), text);
  }
}

TEST(JsonZeroNumbers, TheRewrittenTextParsesAtFullPrecisionToZero) {
  std::string scratch;
  const std::string_view safe =
      safeForFullPrecision(R"({"a":0e400,"b":-0.00000000000000000000000e-9,"c":0.1})", scratch);
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag>(safe.data(), safe.size());
  ASSERT_FALSE(document.HasParseError());
  EXPECT_EQ(document["a"].GetDouble(), 0.0);
  EXPECT_EQ(document["b"].GetDouble(), 0.0);
  EXPECT_EQ(document["c"].GetDouble(), 0.1);
}

} // namespace
} // namespace hotline::support
