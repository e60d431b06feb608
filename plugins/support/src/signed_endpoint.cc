#include "hotline/support/signed_endpoint.h"

#include "hotline/support/peer_envelope.h"

namespace hotline::support {
namespace {

constexpr std::string_view kJson = "application/json";

} // namespace

SignedEndpoint::SignedEndpoint(plugin::Host& host, std::string instance, std::string callers,
                               const SigningKey& key, VerifierOptions options, MillisClock clock)
    : host_(host), instance_(std::move(instance)), refused_log_(callers + " call refused"),
      verifier_(fixedKeys({{key.app_key, CallerKey{key.secret, {key.algorithm}, {}}}}),
                std::move(options), std::move(clock)) {}

std::optional<VerifiedCaller> SignedEndpoint::verifyOrRefuse(const plugin::HttpRequest& request,
                                                             plugin::HttpResponse& response) {
  const std::string target = request.target();
  Result<VerifiedCaller> caller = verifier_.verify(
      request.method(), target, [&request](std::string_view name) { return request.header(name); },
      request.body());
  if (caller) {
    return std::move(*caller);
  }
  const int status = httpStatusFor(caller.status().code());
  const std::string& reason = caller.status().message();
  const std::string remote(request.remote());
  host_.log(plugin::LogLevel::Warn, refused_log_,
            {{"target", target}, {"remote", remote}, {"reason", reason}});
  // A full replay guard (503) is load, not an attack; everything else is audited, since forged
  // or replayed calls are what an operator reviews after an incident.
  if (status != 503) {
    (void)host_.audit("refused_signature", "", reason + " (from " + remote + ")");
  }
  response.send(status, kJson, errorEnvelope(status, reason));
  return std::nullopt;
}

void SignedEndpoint::sendSigned(const VerifiedCaller& caller, const plugin::HttpRequest& request,
                                int status, const std::string& envelope,
                                plugin::HttpResponse& response) {
  Result<SignatureHeaders> signature = verifier_.signReply(caller, request.target(), envelope);
  if (!signature) {
    response.send(
        500, kJson,
        errorEnvelope(500, instance_ + ": cannot sign the reply: " + signature.status().message()));
    return;
  }
  for (const auto& [name, value] : signature->toHeaderList()) {
    response.addHeader(name, value);
  }
  response.send(status, kJson, envelope);
}

} // namespace hotline::support
