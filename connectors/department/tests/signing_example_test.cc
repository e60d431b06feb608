// The worked signing example of connectors/department/README.md, asserted: if the library or
// the README changes, this fails until both agree again.

#include "hotline/support/request_signing.h"
#include "hotline/support/signature.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

constexpr int64_t kTimestamp = 1795831200000; // 2026-11-28T02:00:00Z
constexpr std::string_view kNonce = "9b2e4c6a8d0f1e3a";
constexpr std::string_view kTicketBody =
    R"({"code":"0","data":{"gdbh":"YC2611280001","sqbt":"路灯不亮"}})";
constexpr std::string_view kReplyBody =
    R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-2026-000123"}})";

SigningKey key(HmacAlgorithm algorithm) {
  return {"yc-cgj", "demo-dept-secret-do-not-use", algorithm};
}

TEST(DepartmentSigningExample, PushOfATicket) {
  EXPECT_EQ(kTicketBody.size(), 65u);
  Result<std::string> text =
      requestStringToSign("POST", "/api/tasks", kTimestamp, kNonce, kTicketBody);
  ASSERT_TRUE(text.isOk());
  EXPECT_EQ(*text, "POST\n/api/tasks\n1795831200000\n9b2e4c6a8d0f1e3a\n"
                   "56c2d258ded7b4171c0730607234548532f5341552be2e4efb5bfbe1f2cc40a4");
  Result<SignatureHeaders> sha = signRequest(key(HmacAlgorithm::Sha256), "POST", "/api/tasks",
                                             kTicketBody, kTimestamp, kNonce);
  ASSERT_TRUE(sha.isOk());
  EXPECT_EQ(sha->signature, "b14c7c3bf98df558884b9511762326722ab615be2449e75b87f45c00194b43ac");
  Result<SignatureHeaders> sm3 =
      signRequest(key(HmacAlgorithm::Sm3), "POST", "/api/tasks", kTicketBody, kTimestamp, kNonce);
  ASSERT_TRUE(sm3.isOk());
  EXPECT_EQ(sm3->signature, "89a6b119a4ba0ee432d15913a2eea59ad68a74e8b5a9b505ef4f6728b24c64c7");
}

TEST(DepartmentSigningExample, TheDepartmentsSignedReply) {
  Result<std::string> text = replyStringToSign("/api/tasks", kTimestamp + 180, kNonce, kReplyBody);
  ASSERT_TRUE(text.isOk());
  EXPECT_EQ(*text, "RESPONSE\n/api/tasks\n1795831200180\n9b2e4c6a8d0f1e3a\n"
                   "60b898d1ff44b2b25d4c92bea36df15c6b3664a27f3f4104a63bebce055a9246");
  Result<SignatureHeaders> sha =
      signReply(key(HmacAlgorithm::Sha256), "/api/tasks", kNonce, kReplyBody, kTimestamp + 180);
  ASSERT_TRUE(sha.isOk());
  EXPECT_EQ(sha->signature, "c6d5b8eb4dd92c175270422edcd0d6fd6a82ad9b1a1047c1eea01ea7c68e2fbb");
  EXPECT_TRUE(verifyReply(key(HmacAlgorithm::Sha256), "/api/tasks", kNonce, *sha, kReplyBody,
                          kTimestamp + 1000)
                  .isOk());
}

TEST(DepartmentSigningExample, APullModeRead) {
  const std::string target = "/connectors/dept-cgj/dept/v1/tasks?status=new&since=0&limit=100";
  Result<SignatureHeaders> sha =
      signRequest(key(HmacAlgorithm::Sha256), "GET", target, "", kTimestamp, "5d7f9a1c3e5b7d9f");
  ASSERT_TRUE(sha.isOk());
  EXPECT_EQ(sha->signature, "7966e784312c86ac625009a54fc8998a6e1105738f6b615474b432b184ba038a");
}

} // namespace
} // namespace hotline::support
