#include "simulators/scenario/src/http_exchange.h"

#include "hotline/support/request_signing.h"

#include <httplib.h>
#include <strings.h>

namespace hotline::sim::scenario {
namespace {

bool hasHeader(const HttpRequestSpec& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (::strcasecmp(key.c_str(), name.c_str()) == 0) {
      return true;
    }
  }
  return false;
}

// The five signing headers for `target` and `body`, or the reason they cannot be made.
hotline::Result<hotline::support::SignatureHeaders> signatureFor(const SigningSpec& sign,
                                                                 const std::string& method,
                                                                 const std::string& target,
                                                                 const std::string& body) {
  using namespace hotline::support;
  hotline::Result<HmacAlgorithm> algorithm = parseSignAlgorithm(sign.algorithm);
  if (!algorithm) {
    return algorithm.status();
  }
  std::string nonce;
  if (sign.nonce) {
    nonce = *sign.nonce;
  } else {
    hotline::Result<std::string> fresh = randomNonce();
    if (!fresh) {
      return fresh.status();
    }
    nonce = *fresh;
  }
  return signRequest(SigningKey{sign.app_key, sign.secret, *algorithm}, method, target, body,
                     systemMillis() + sign.timestamp_offset_ms, nonce);
}

} // namespace

HttpResponse performHttp(const HttpRequestSpec& request, std::chrono::milliseconds timeout) {
  HttpResponse response;
  size_t scheme = request.url.find("://");
  size_t slash = request.url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  std::string base = slash == std::string::npos ? request.url : request.url.substr(0, slash);
  std::string target = slash == std::string::npos ? "/" : request.url.substr(slash);
  httplib::Client client(base);
  if (!client.is_valid()) {
    response.error = "cannot make a client for \"" + base + "\"";
    return response;
  }
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout - seconds);
  client.set_connection_timeout(seconds.count(), micros.count());
  client.set_read_timeout(seconds.count(), micros.count());
  client.set_write_timeout(seconds.count(), micros.count());
  httplib::Request req;
  req.method = request.method;
  req.path = target;
  for (const auto& [name, value] : request.headers) {
    req.headers.emplace(name, value);
  }
  if (request.body) {
    req.body = *request.body;
    if (request.json_body && !hasHeader(request, "Content-Type")) {
      req.headers.emplace("Content-Type", "application/json");
    }
  }
  if (request.sign) {
    auto signature = signatureFor(*request.sign, request.method, target, req.body);
    if (!signature) {
      response.error = "cannot sign the request: " + signature.status().message();
      return response;
    }
    for (const auto& [name, value] : signature->toHeaderList()) {
      req.headers.emplace(name, value);
    }
  }
  httplib::Result result = client.send(req);
  if (!result) {
    response.error = httplib::to_string(result.error());
    return response;
  }
  response.received = true;
  response.status = result->status;
  response.body = result->body;
  return response;
}

std::string describeResponse(const HttpResponse& response, size_t limit) {
  if (!response.received) {
    return "no response: " + response.error;
  }
  std::string body = response.body;
  if (body.size() > limit) {
    body = body.substr(0, limit) + "... (" + std::to_string(response.body.size()) + " bytes)";
  }
  return std::to_string(response.status) + (body.empty() ? " (empty body)" : " " + body);
}

} // namespace hotline::sim::scenario
