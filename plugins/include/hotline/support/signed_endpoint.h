#pragma once
// The gateway's side of signed calls a peer makes to a connector's routes (request_signing.h,
// the reply scheme included): verify the request or refuse it, and answer a verified request
// with a reply envelope signed for the caller. Shared by the department and exchange
// connectors so that refusals are answered, logged and audited the same way on both links
// (DESIGN.md §7) — an operator reviewing an incident looks for one audit action,
// refused_signature, whichever peer was forged.

#include "hotline/plugin/host.h"
#include "hotline/plugin/http.h"
#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_verifier.h"

#include <optional>
#include <string>

namespace hotline::support {

// Thread-safe as RequestVerifier is: the host's HTTP threads call it at once.
class SignedEndpoint {
public:
  // One key per connector instance. `instance` names it in errors; `callers` names the peer
  // kind in the log line of a refusal ("department" logs "department call refused").
  SignedEndpoint(plugin::Host& host, std::string instance, std::string callers,
                 const SigningKey& key, VerifierOptions options, MillisClock clock = systemMillis);

  // The caller of a request whose signature verifies. Otherwise answers the request itself
  // (the verifier's status as HTTP status, with an error envelope: 401 for a bad signature,
  // 503 when the replay guard is full), logs a warning, audits refused_signature (except
  // for 503) and returns nullopt.
  std::optional<VerifiedCaller> verifyOrRefuse(const plugin::HttpRequest& request,
                                               plugin::HttpResponse& response);

  // Answers a verified request with `envelope` (JSON) and `status`, signed for the caller
  // over the request's target; a 500 error envelope, unsigned, when signing fails.
  void sendSigned(const VerifiedCaller& caller, const plugin::HttpRequest& request, int status,
                  const std::string& envelope, plugin::HttpResponse& response);

private:
  plugin::Host& host_;
  const std::string instance_;
  const std::string refused_log_;
  RequestVerifier verifier_;
};

} // namespace hotline::support
