#include "hotline/support/masking.h"
#include "tests/unit/support/utf8_check.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

using testing::independentlyValidUtf8;

TEST(MaskName, ChineseNamesKeepOnlyTheFirstCharacter) {
  EXPECT_EQ(maskName("张"), "*");
  EXPECT_EQ(maskName("张三"), "张*");
  EXPECT_EQ(maskName("王小明"), "王**");
  EXPECT_EQ(maskName("欧阳娜娜"), "欧***");
}

TEST(MaskName, AsciiNamesKeepOnlyTheFirstLetter) {
  EXPECT_EQ(maskName("Li Lei"), "L*****");
  EXPECT_EQ(maskName("  Han Meimei "), "H*********");
  EXPECT_EQ(maskName(""), "");
}

TEST(MaskName, NamesWithAMiddleDotAreMaskedByCodePoint) {
  const std::string masked = maskName("阿依古丽·买买提");
  EXPECT_EQ(masked, "阿*******");
  EXPECT_TRUE(independentlyValidUtf8(masked));
}

TEST(MaskPhone, MobileKeepsFirstThreeAndLastFour) {
  EXPECT_EQ(maskPhone("13812345678"), "138****5678");
  EXPECT_EQ(maskPhone("138-1234-5678"), "138-****-5678");
  EXPECT_EQ(maskPhone("+86 138 1234 5678"), "+86 138 **** 5678");
  EXPECT_EQ(maskPhone("8613812345678"), "86138****5678");
}

TEST(MaskPhone, LandlineKeepsAreaCodeAndLastFour) {
  EXPECT_EQ(maskPhone("0370-1234567"), "0370-***4567");
  EXPECT_EQ(maskPhone("03701234567"), "0370***4567");
  EXPECT_EQ(maskPhone("010-12345678"), "010-****5678");
}

TEST(MaskPhone, UnknownShapesKeepOnlyTheLastFourDigits) {
  EXPECT_EQ(maskPhone("12345"), "*2345");
  EXPECT_EQ(maskPhone("123"), "***");
  // Digits are counted across the whole value, separators and words stay.
  EXPECT_EQ(maskPhone("138123456789 ext 12"), "**********89 ext 12");
  EXPECT_EQ(maskPhone("138123456789"), "********6789");
}

TEST(MaskIdNumber, EighteenAndFifteenCharacterForms) {
  EXPECT_EQ(maskIdNumber("411425199001011234"), "4114**********1234");
  EXPECT_EQ(maskIdNumber("41142519900101123X"), "4114**********123X");
  EXPECT_EQ(maskIdNumber("411425900101123"), "4114*******1123");
  EXPECT_EQ(maskIdNumber("41142"), "*****");
}

TEST(MaskAddress, KeepsTheFirstSixCharacters) {
  EXPECT_EQ(maskAddress("河南省商丘市虞城县城关镇木兰大道12号"),
            "河南省商丘市*************"); // 13 more
  EXPECT_EQ(maskAddress("虞城县某村"), "虞城***");
  EXPECT_EQ(maskAddress("12 Main St"), "12 Ma*****");
}

TEST(MaskEmail, KeepsTheFirstCharacterAndTheDomain) {
  EXPECT_EQ(maskEmail("zhangsan@qq.com"), "z*******@qq.com");
  EXPECT_EQ(maskEmail("no-at-sign"), "n*********");
}

TEST(Masking, InvalidUtf8BecomesReplacementCharacters) {
  const std::string broken = std::string("张") + "\xE5\xBC" + "三"; // truncated 3-byte sequence
  for (const std::string& masked :
       {maskName(broken), maskAddress(broken + "路口处"), maskPhone(broken + "13812345678"),
        maskIdNumber(broken + "1234567890")}) {
    EXPECT_TRUE(independentlyValidUtf8(masked)) << masked;
  }
  EXPECT_EQ(maskName("\xFF"
                     "abc"),
            "\xEF\xBF\xBD***");
}

} // namespace
} // namespace hotline::support
