#include "hotline/support/signature.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

// RFC 4231, test case 2.
TEST(Signature, HmacSha256MatchesRfc4231) {
  Result<std::string> mac = hmacHex(HmacAlgorithm::Sha256, "Jefe", "what do ya want for nothing?");
  ASSERT_TRUE(mac.isOk());
  EXPECT_EQ(*mac, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// GB/T 32905-2016, example 1: SM3("abc").
TEST(Signature, Sm3DigestMatchesTheStandardsExample) {
  Result<std::string> digest = digestHex(HmacAlgorithm::Sm3, "abc");
  ASSERT_TRUE(digest.isOk());
  EXPECT_EQ(*digest, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

// GM/T 0042-2015, appendix D.3 (HMAC-SM3): key 0x01..0x25 (37 bytes), 50 bytes of 0xcd.
TEST(Signature, HmacSm3MatchesGmt0042) {
  std::string key;
  for (char byte = 0x01; byte <= 0x25; ++byte) {
    key += byte;
  }
  Result<std::string> mac = hmacHex(HmacAlgorithm::Sm3, key, std::string(50, '\xcd'));
  ASSERT_TRUE(mac.isOk());
  EXPECT_EQ(*mac, "220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae");
}

TEST(Signature, HmacSm3DiffersFromHmacSha256AndIsStable) {
  Result<std::string> sm3 = hmacHex(HmacAlgorithm::Sm3, "key", "message");
  Result<std::string> sha = hmacHex(HmacAlgorithm::Sha256, "key", "message");
  ASSERT_TRUE(sm3.isOk());
  ASSERT_TRUE(sha.isOk());
  EXPECT_EQ(sm3->size(), 64u);
  EXPECT_NE(*sm3, *sha);
  EXPECT_EQ(*hmacHex(HmacAlgorithm::Sm3, "key", "message"), *sm3);
}

TEST(Signature, ConstantTimeEquals) {
  EXPECT_TRUE(constantTimeEquals("abc", "abc"));
  EXPECT_FALSE(constantTimeEquals("abc", "abd"));
  EXPECT_FALSE(constantTimeEquals("abc", "ab"));
  EXPECT_TRUE(constantTimeEquals("", ""));
}

} // namespace
} // namespace hotline::support
