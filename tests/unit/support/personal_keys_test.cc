#include "hotline/support/masking.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

TEST(MaskPersonalKey, RecognisesPersonalKeysOnTheirLastSegment) {
  for (const char* key : {"name", "Name", "requester.name", "/requester/name", "phone",
                          "contact_phone", "contactPhone", "requester.contact-phone", "mobile",
                          "id_number", "ID_CARD", "address", "requester", "address.text",
                          "/address/text", "contacts[2].mobile", "联系电话", "身份证号", "email"}) {
    EXPECT_TRUE(isPersonalKey(key)) << key;
  }
  for (const char* key : {"", "title", "content", "ticket_id", "refs[0].number", "status",
                          "requester.channel", "text", "username_hint", "phone_count"}) {
    EXPECT_FALSE(isPersonalKey(key)) << key;
  }
}

TEST(MaskPersonalKey, MaskFieldMasksByKind) {
  EXPECT_EQ(maskField("requester.name", "张三"), "张*");
  EXPECT_EQ(maskField("name", "欧阳娜娜"), "欧***");
  EXPECT_EQ(maskField("phone", "13812345678"), "138****5678");
  EXPECT_EQ(maskField("contact_phone", "0370-1234567"), "0370-***4567");
  EXPECT_EQ(maskField("id_number", "411425199001011234"), "4114**********1234");
  EXPECT_EQ(maskField("address.text", "河南省商丘市虞城县城关镇"), "河南省商丘市******");
  EXPECT_EQ(maskField("email", "lilei@example.cn"), "l****@example.cn");
}

TEST(MaskPersonalKey, PhoneFieldHoldingANameIsMaskedAsAName) {
  EXPECT_EQ(maskField("phone", "张三"), "张*");
}

TEST(MaskPersonalKey, OtherKeysFallBackToTextMasking) {
  EXPECT_EQ(maskField("content", "请回电13812345678"), "请回电138****5678");
  EXPECT_EQ(maskField("ticket_id", "41142520261128000123"), "41142520261128000123");
  EXPECT_EQ(maskField("title", "路灯不亮"), "路灯不亮");
}

} // namespace
} // namespace hotline::support
