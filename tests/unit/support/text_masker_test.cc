#include "hotline/support/masking.h"
#include "tests/unit/support/utf8_check.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

using testing::independentlyValidUtf8;

TEST(MaskText, MobileInsideChineseText) {
  EXPECT_EQ(maskText("市民张三来电（13812345678）反映路灯不亮"),
            "市民张三来电（138****5678）反映路灯不亮");
  EXPECT_EQ(maskText("电话13812345678"), "电话138****5678");
}

TEST(MaskText, MobileWithCountryPrefixAndSeparators) {
  EXPECT_EQ(maskText("call +86 138 1234 5678 now"), "call +86 138 **** 5678 now");
  EXPECT_EQ(maskText("call +8613812345678."), "call +86138****5678.");
  EXPECT_EQ(maskText("联系86-13812345678"), "联系86-138****5678");
  EXPECT_EQ(maskText("联系8613812345678"), "联系86138****5678");
  EXPECT_EQ(maskText("手机138-1234-5678。"), "手机138-****-5678。");
  EXPECT_EQ(maskText("手机138 1234 5678"), "手机138 **** 5678");
}

TEST(MaskText, Landlines) {
  EXPECT_EQ(maskText("座机0370-1234567转人工"), "座机0370-***4567转人工");
  EXPECT_EQ(maskText("座机03701234567"), "座机0370***4567");
  EXPECT_EQ(maskText("Beijing 010-12345678"), "Beijing 010-****5678");
}

TEST(MaskText, IdCardNumbers) {
  EXPECT_EQ(maskText("身份证411425199001011234，"), "身份证4114**********1234，");
  EXPECT_EQ(maskText("身份证41142519900101123X号"), "身份证4114**********123X号");
  EXPECT_EQ(maskText("id 41142519900101123x"), "id 4114**********123x");
  EXPECT_EQ(maskText("旧证411425900101123"), "旧证4114*******1123");
}

TEST(MaskText, LongerDigitRunsAreLeftAlone) {
  // A 20-digit ticket number contains phone- and ID-shaped pieces; none is masked.
  EXPECT_EQ(maskText("工单号41142520261128138123"), "工单号41142520261128138123");
  EXPECT_EQ(maskText("ticket 20261128000013812345678"), "ticket 20261128000013812345678");
  EXPECT_EQ(maskText("1381234567812"), "1381234567812");
  EXPECT_EQ(maskText("138123456789"), "138123456789");
  EXPECT_EQ(maskText("138-1234-56789"), "138-1234-56789");
  EXPECT_EQ(maskText("4114251990010112345"), "4114251990010112345");
}

TEST(MaskText, OtherNumbersStayReadable) {
  const std::string text = "2026-11-28 11:20 受理 12345 热线 第3次催办 金额 1380.50 元";
  EXPECT_EQ(maskText(text), text);
  EXPECT_EQ(maskText("no digits at all"), "no digits at all");
  EXPECT_EQ(maskText(""), "");
  EXPECT_EQ(maskText("+"), "+");
  EXPECT_EQ(maskText("+86"), "+86");
}

TEST(MaskText, SeveralNumbersInOneText) {
  EXPECT_EQ(maskText("13812345678,13912345678;0370-7654321"),
            "138****5678,139****5678;0370-***4321");
}

TEST(MaskText, OutputIsAlwaysValidUtf8) {
  const std::string inputs[] = {
      "路灯13812345678不亮",
      std::string("截断\xE8\xB7") + "13812345678", // truncated sequence before a number
      std::string("\xC0\xAF overlong and \xED\xA0\x80 surrogate"), // both invalid in UTF-8
      std::string("\x80\x80\x80") + "411425199001011234",
  };
  for (const std::string& input : inputs) {
    const std::string masked = maskText(input);
    EXPECT_TRUE(independentlyValidUtf8(masked)) << masked;
  }
  EXPECT_EQ(maskText(std::string("\xE8\xB7") + "13812345678"), "\xEF\xBF\xBD\xEF\xBF\xBD"
                                                               "138****5678");
}

} // namespace
} // namespace hotline::support
