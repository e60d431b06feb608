#include "hotline/support/masking.h"
#include "tests/unit/support/utf8_check.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

TEST(MaskUtf8, ValidatesLikeAnIndependentValidator) {
  const std::string samples[] = {
      "",
      "ascii",
      "中文 and ascii",
      "emoji \xF0\x9F\x98\x80",
      "\xC2\xA9",
      "\xC0\x80",         // overlong NUL
      "\xE0\x80\xAF",     // overlong '/'
      "\xED\xA0\x80",     // surrogate
      "\xF4\x90\x80\x80", // beyond U+10FFFF
      "\xE4\xB8",         // truncated
      "\x80",             // stray continuation byte
      "\xFF",
  };
  for (const std::string& sample : samples) {
    EXPECT_EQ(isValidUtf8(sample), testing::independentlyValidUtf8(sample)) << sample;
  }
}

TEST(MaskUtf8, ToValidUtf8ReplacesEachInvalidByte) {
  EXPECT_EQ(toValidUtf8("ok"), "ok");
  EXPECT_EQ(toValidUtf8("中文"), "中文");
  EXPECT_EQ(toValidUtf8("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(toValidUtf8("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(testing::independentlyValidUtf8(toValidUtf8("\xC0\x80\xED\xA0\x80\xF4\x90")));
}

} // namespace
} // namespace hotline::support
