// Parsing the five signing headers (request_signing.h): presence, shape, size, duplicates,
// and errors that name the header without echoing what failed.
#include "hotline/support/request_signing.h"

#include "tests/unit/support/request_signing_fixtures.h"

#include <gtest/gtest.h>

namespace hotline::support {
namespace {

HeaderList goodHeaders() {
  return {{"X-App-Key", "yucheng-county"},
          {"X-Timestamp", "1700000000000"},
          {"X-Nonce", "4f1c2b7e9a0d4e6b"},
          {"X-Sign-Alg", "HMAC-SM3"},
          {"X-Signature", std::string(testing::kExampleSm3Signature)}};
}

HeaderList with(std::string_view name, std::string value) {
  HeaderList headers = goodHeaders();
  for (auto& [key, current] : headers) {
    if (key == name) {
      current = std::move(value);
    }
  }
  return headers;
}

std::string refusal(const HeaderList& headers) {
  Result<SignatureHeaders> parsed = parseSignatureHeaders(headers);
  EXPECT_FALSE(parsed.isOk());
  EXPECT_EQ(parsed.status().code(), StatusCode::Unauthenticated);
  return parsed.status().message();
}

TEST(RequestSigningHeaders, ParsesTheFiveValues) {
  Result<SignatureHeaders> parsed = parseSignatureHeaders(goodHeaders());
  ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
  EXPECT_EQ(parsed->app_key, "yucheng-county");
  EXPECT_EQ(parsed->timestamp_ms, 1700000000000);
  EXPECT_EQ(parsed->nonce, "4f1c2b7e9a0d4e6b");
  EXPECT_EQ(parsed->algorithm, HmacAlgorithm::Sm3);
  EXPECT_EQ(parsed->signature, testing::kExampleSm3Signature);
  EXPECT_EQ(parsed->toHeaderList(), goodHeaders());
}

TEST(RequestSigningHeaders, NamesAreCaseInsensitiveAndOtherHeadersIgnored) {
  HeaderList headers = goodHeaders();
  for (auto& [name, value] : headers) {
    for (char& c : name) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  headers.insert(headers.begin(), {"Content-Type", "application/json"});
  Result<SignatureHeaders> parsed = parseSignatureHeaders(headers);
  ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
  EXPECT_EQ(parsed->app_key, "yucheng-county");
}

TEST(RequestSigningHeaders, UpperCaseHexSignatureIsAcceptedAndLowered) {
  std::string upper(testing::kExampleSm3Signature);
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  Result<SignatureHeaders> parsed = parseSignatureHeaders(with("X-Signature", upper));
  ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
  EXPECT_EQ(parsed->signature, testing::kExampleSm3Signature);
}

TEST(RequestSigningHeaders, ThroughALookupCallback) {
  const HeaderList headers = goodHeaders();
  std::vector<std::string> asked;
  Result<SignatureHeaders> parsed =
      parseSignatureHeaders(HeaderLookup([&](std::string_view name) -> std::string_view {
        asked.emplace_back(name);
        for (const auto& [key, value] : headers) {
          if (key == name) {
            return value;
          }
        }
        return {};
      }));
  ASSERT_TRUE(parsed.isOk()) << parsed.status().toString();
  EXPECT_EQ(parsed->nonce, "4f1c2b7e9a0d4e6b");
  EXPECT_EQ(asked, (std::vector<std::string>{"X-App-Key", "X-Timestamp", "X-Nonce", "X-Sign-Alg",
                                             "X-Signature"}));
}

TEST(RequestSigningHeaders, AnUnsignedRequestHearsOfEveryMissingHeader) {
  EXPECT_EQ(refusal({{"Content-Type", "application/json"}}),
            "X-App-Key: missing; X-Timestamp: missing; X-Nonce: missing; X-Sign-Alg: missing; "
            "X-Signature: missing");
  EXPECT_EQ(refusal(with("X-Nonce", "")), "X-Nonce: missing");
}

TEST(RequestSigningHeaders, SeveralBadHeadersAreListedTogether) {
  HeaderList headers = with("X-Sign-Alg", "HMAC-MD5");
  headers[4].second = "abc";
  EXPECT_EQ(refusal(headers), "X-Sign-Alg: HMAC-MD5 is not supported (HMAC-SHA256, HMAC-SM3); "
                              "X-Signature: must be 64 hex characters (the HMAC in lower-case "
                              "hex), got 3");
}

TEST(RequestSigningHeaders, AppKey) {
  EXPECT_EQ(refusal(with("X-App-Key", std::string(129, 'k'))),
            "X-App-Key: longer than 128 characters");
  EXPECT_TRUE(parseSignatureHeaders(with("X-App-Key", std::string(128, 'k'))).isOk());
  EXPECT_EQ(refusal(with("X-App-Key", "dept housing")),
            "X-App-Key: must be visible ASCII characters (no spaces or control bytes)");
  EXPECT_EQ(refusal(with("X-App-Key", "住建局")),
            "X-App-Key: must be visible ASCII characters (no spaces or control bytes)");
}

TEST(RequestSigningHeaders, Timestamp) {
  const std::string not_a_number =
      "X-Timestamp: not a number; send milliseconds since 1970-01-01 UTC as decimal digits";
  EXPECT_EQ(refusal(with("X-Timestamp", "yesterday")), not_a_number);
  EXPECT_EQ(refusal(with("X-Timestamp", "-1700000000000")), not_a_number);
  EXPECT_EQ(refusal(with("X-Timestamp", "+1700000000000")), not_a_number);
  EXPECT_EQ(refusal(with("X-Timestamp", "1.7e12")), not_a_number);
  EXPECT_EQ(refusal(with("X-Timestamp", "1700000000000 ")), not_a_number);
  EXPECT_EQ(refusal(with("X-Timestamp", "2023-11-14T22:13:20Z")), not_a_number);
  EXPECT_EQ(refusal(with("X-Timestamp", std::string(17, '9'))),
            "X-Timestamp: longer than 16 digits");
  EXPECT_EQ(refusal(with("X-Timestamp", std::string(4000, '1'))),
            "X-Timestamp: longer than 16 digits");
  EXPECT_EQ(refusal(with("X-Timestamp", "01700000000000")),
            "X-Timestamp: leading zeros are not allowed");

  Result<SignatureHeaders> longest =
      parseSignatureHeaders(with("X-Timestamp", std::string(16, '9')));
  ASSERT_TRUE(longest.isOk());
  EXPECT_EQ(longest->timestamp_ms, 9'999'999'999'999'999);
  Result<SignatureHeaders> zero = parseSignatureHeaders(with("X-Timestamp", "0"));
  ASSERT_TRUE(zero.isOk());
  EXPECT_EQ(zero->timestamp_ms, 0);
}

TEST(RequestSigningHeaders, Nonce) {
  EXPECT_EQ(refusal(with("X-Nonce", "1234567")),
            "X-Nonce: must be 8 to 128 visible ASCII characters, got 7");
  EXPECT_TRUE(parseSignatureHeaders(with("X-Nonce", "12345678")).isOk());
  EXPECT_TRUE(parseSignatureHeaders(with("X-Nonce", std::string(128, 'n'))).isOk());
  EXPECT_EQ(refusal(with("X-Nonce", std::string(129, 'n'))),
            "X-Nonce: must be 8 to 128 visible ASCII characters, got 129");
  EXPECT_EQ(refusal(with("X-Nonce", "nonce with spaces")),
            "X-Nonce: must be 8 to 128 visible ASCII characters, found a space, control or "
            "non-ASCII byte");
  EXPECT_EQ(refusal(with("X-Nonce", std::string("abcdefgh\0ij", 11))),
            "X-Nonce: must be 8 to 128 visible ASCII characters, found a space, control or "
            "non-ASCII byte");
}

TEST(RequestSigningHeaders, Algorithm) {
  EXPECT_EQ(refusal(with("X-Sign-Alg", "HMAC-MD5")),
            "X-Sign-Alg: HMAC-MD5 is not supported (HMAC-SHA256, HMAC-SM3)");
  EXPECT_EQ(refusal(with("X-Sign-Alg", "SM3")),
            "X-Sign-Alg: SM3 is not supported (HMAC-SHA256, HMAC-SM3)");
}

TEST(RequestSigningHeaders, Signature) {
  const std::string rule = "X-Signature: must be 64 hex characters (the HMAC in lower-case hex), ";
  EXPECT_EQ(refusal(with("X-Signature", std::string(40, 'a'))), rule + "got 40");
  EXPECT_EQ(refusal(with("X-Signature", std::string(65, 'a'))), rule + "got 65");
  EXPECT_EQ(refusal(with("X-Signature", std::string(100'000, 'a'))), rule + "got 100000");
  EXPECT_EQ(refusal(with("X-Signature", std::string(63, 'a') + "g")),
            rule + "found a non-hex character");
  // Base64 of a 32-byte HMAC is 44 characters: a common mistake, caught by the length.
  EXPECT_EQ(refusal(with("X-Signature", "zszn5tFwy6s2sxF7QsTq6lS1eCGoHGtxtU6ftGyg2N8=")),
            rule + "got 44");
}

TEST(RequestSigningHeaders, RefusedValuesAreNotEchoed) {
  const std::string pasted = "my-very-secret-password";
  for (std::string_view name : {"X-Timestamp", "X-Nonce", "X-Signature"}) {
    const std::string message = refusal(with(name, pasted + " \x01"));
    EXPECT_EQ(message.find("secret-password"), std::string::npos) << message;
  }
  const std::string app_key = refusal(with("X-App-Key", pasted + " "));
  EXPECT_EQ(app_key.find("secret-password"), std::string::npos) << app_key;
}

TEST(RequestSigningHeaders, ASigningHeaderGivenTwiceIsRefused) {
  HeaderList headers = goodHeaders();
  headers.emplace_back("x-nonce", "another-nonce-value");
  EXPECT_EQ(refusal(headers), "X-Nonce: given 2 times; send it once");
  headers.emplace_back("X-SIGNATURE", std::string(64, 'a'));
  headers.emplace_back("X-Signature", std::string(64, 'b'));
  EXPECT_EQ(refusal(headers),
            "X-Nonce: given 2 times; send it once; X-Signature: given 3 times; send it once");
  // Other headers may repeat.
  HeaderList repeated = goodHeaders();
  repeated.emplace_back("Accept", "a");
  repeated.emplace_back("Accept", "b");
  EXPECT_TRUE(parseSignatureHeaders(repeated).isOk());
}

} // namespace
} // namespace hotline::support
