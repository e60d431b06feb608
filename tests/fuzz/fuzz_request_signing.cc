// libFuzzer target: the exchange's request signing (hotline/support/request_signing*.h).
//
// The input is split at its first seven newlines into the method, the request target and the
// values of X-App-Key, X-Timestamp, X-Nonce, X-Sign-Alg and X-Signature; the rest is the body.
// Each input runs header parsing (list and lookup) and verification with a fixed key and a
// fixed clock (2023-11-14T22:13:20Z, the seeds' time). Besides the sanitizers it checks:
//   - a refusal has a code and a reason, and the reason never holds the secret (unless the
//     input itself put it into a header that errors quote: app key, nonce, algorithm);
//   - the list and the lookup parsers agree;
//   - whenever the fields can be signed, the genuine signature over them is accepted exactly
//     once (then refused as a replay), and a signed reply to it verifies, but not with
//     another body.
#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_verifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

namespace {

using namespace hotline;
using namespace hotline::support;

constexpr int64_t kNow = 1700000000000;
constexpr std::string_view kAppKey = "fuzz-app";
constexpr std::string_view kSecret = "fuzz-secret-value";

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_request_signing: %s: %s\n", what, detail.c_str());
  std::abort();
}

// The values an error may quote: the app key, the nonce and an algorithm's name, as the peer
// sent them. Whatever else it says must not hold the configured secret.
std::string echoable;

void expectReason(const Status& status) {
  if (status.isOk() || status.message().empty()) {
    fail("refusal without a reason", status.toString());
  }
  if (status.message().find(kSecret) != std::string::npos &&
      echoable.find(kSecret) == std::string::npos) {
    fail("secret in an error", status.toString());
  }
}

RequestVerifier makeVerifier(int64_t& now) {
  std::map<std::string, CallerKey, std::less<>> keys;
  keys.emplace(
      std::string(kAppKey),
      CallerKey{std::string(kSecret), {HmacAlgorithm::Sha256, HmacAlgorithm::Sm3}, {"411425"}});
  // Small limits so that the full-cache path is reachable too.
  return RequestVerifier(fixedKeys(std::move(keys)),
                         VerifierOptions{kDefaultSigningWindow, NonceCacheLimits{4, 8}},
                         [&now] { return now; });
}

struct Fields {
  std::string_view method, target, body;
  HeaderList headers;
};

Fields split(std::string_view input) {
  std::string_view parts[7];
  for (std::string_view& part : parts) {
    const size_t end = input.find('\n');
    part = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
  }
  return Fields{parts[0],
                parts[1],
                input,
                {{"X-App-Key", std::string(parts[2])},
                 {"X-Timestamp", std::string(parts[3])},
                 {"X-Nonce", std::string(parts[4])},
                 {"X-Sign-Alg", std::string(parts[5])},
                 {"X-Signature", std::string(parts[6])}}};
}

void checkParsersAgree(const HeaderList& headers, const Result<SignatureHeaders>& listed) {
  Result<SignatureHeaders> looked_up =
      parseSignatureHeaders([&headers](std::string_view name) -> std::string_view {
        for (const auto& [key, value] : headers) {
          if (key == name) {
            return value;
          }
        }
        return {};
      });
  if (listed.isOk() != looked_up.isOk() ||
      (!listed.isOk() && listed.status().message() != looked_up.status().message())) {
    fail("parsers disagree", listed.status().toString() + " / " + looked_up.status().toString());
  }
  if (!listed.isOk()) {
    expectReason(listed.status());
  }
}

// The genuine signature over the same fields: accepted once, then a replay.
void checkGenuine(const Fields& fields, const SignatureHeaders& parsed) {
  const SigningKey key{std::string(kAppKey), std::string(kSecret), parsed.algorithm};
  Result<SignatureHeaders> genuine = signRequest(key, fields.method, fields.target, fields.body,
                                                 parsed.timestamp_ms, parsed.nonce);
  if (!genuine) {
    expectReason(genuine.status());
    return;
  }
  int64_t now = kNow;
  RequestVerifier verifier = makeVerifier(now);
  now = parsed.timestamp_ms; // inside the window whatever the timestamp
  Result<VerifiedCaller> first =
      verifier.verify(fields.method, fields.target, genuine->toHeaderList(), fields.body);
  if (!first) {
    fail("genuine request refused", first.status().toString());
  }
  Result<VerifiedCaller> second =
      verifier.verify(fields.method, fields.target, *genuine, fields.body);
  if (second || second.status().code() != StatusCode::Unauthenticated) {
    fail("replay not refused", second.isOk() ? "accepted" : second.status().toString());
  }
  Result<SignatureHeaders> reply = verifier.signReply(*first, fields.target, fields.body);
  if (!reply) {
    fail("reply not signed", reply.status().toString());
  }
  if (Status ok = verifyReply(key, fields.target, parsed.nonce, *reply, fields.body, now); !ok) {
    fail("genuine reply refused", ok.toString());
  }
  const std::string other_body = std::string(fields.body) + "x";
  expectReason(verifyReply(key, fields.target, parsed.nonce, *reply, other_body, now));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fields fields = split(std::string_view(reinterpret_cast<const char*>(data), size));
  echoable =
      fields.headers[0].second + "\n" + fields.headers[2].second + "\n" + fields.headers[3].second;

  Result<SignatureHeaders> parsed = parseSignatureHeaders(fields.headers);
  checkParsersAgree(fields.headers, parsed);

  int64_t now = kNow;
  RequestVerifier verifier = makeVerifier(now);
  Result<VerifiedCaller> verified =
      verifier.verify(fields.method, fields.target, fields.headers, fields.body);
  if (!verified) {
    expectReason(verified.status());
  } else if (verified->app_key != kAppKey || verified->scope.size() != 1) {
    fail("accepted with the wrong caller", verified->app_key);
  }

  if (parsed) {
    checkGenuine(fields, *parsed);
  }
  return 0;
}
