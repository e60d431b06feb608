#include "simulators/department/src/gateway_client.h"

#include <httplib.h>

namespace hotline::sim::department {
namespace {

constexpr time_t kConnectTimeoutS = 2;
constexpr time_t kReadTimeoutS = 10;

support::HeaderList headerList(const httplib::Headers& headers) {
  support::HeaderList list;
  for (const auto& [name, value] : headers) {
    list.emplace_back(name, value);
  }
  return list;
}

// The reply's signature against the nonce we sent; the error text starts with "reply ".
Status verifyGatewayReply(const support::SigningKey& key, const std::string& target,
                          const std::string& nonce, const httplib::Response& response) {
  Result<support::SignatureHeaders> headers =
      support::parseSignatureHeaders(headerList(response.headers));
  if (!headers) {
    return headers.status().withContext("reply");
  }
  return support::verifyReply(key, target, nonce, *headers, response.body, support::systemMillis());
}

} // namespace

Result<GatewayUrl> parseGatewayUrl(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) {
    return invalidArgument("--gateway: expected http://HOST:PORT/PATH, got \"" + std::string(url) +
                           "\"");
  }
  const size_t path_start = url.find('/', scheme_end + 3);
  GatewayUrl parsed;
  parsed.origin = std::string(url.substr(0, path_start));
  if (path_start != std::string_view::npos) {
    parsed.path = std::string(url.substr(path_start));
    while (parsed.path.ends_with('/')) {
      parsed.path.pop_back();
    }
  }
  if (parsed.origin.size() == scheme_end + 3) {
    return invalidArgument("--gateway: no host in \"" + std::string(url) + "\"");
  }
  return parsed;
}

GatewayReply GatewayClient::call(const std::string& method, const std::string& suffix,
                                 const std::string& body, const std::string& content_type) const {
  GatewayReply reply;
  const std::string target = url_.path + suffix;
  Result<support::SignatureHeaders> signature = support::signRequest(key_, method, target, body);
  if (!signature) {
    reply.error = "signing failed: " + signature.status().message();
    return reply;
  }
  httplib::Client client(url_.origin);
  client.set_connection_timeout(kConnectTimeoutS, 0);
  client.set_read_timeout(kReadTimeoutS, 0);
  client.set_url_encode(false); // the target must go out byte for byte as signed
  httplib::Headers headers;
  for (auto& [name, value] : signature->toHeaderList()) {
    headers.emplace(name, value);
  }
  httplib::Result result = method == "GET"
                               ? client.Get(target, headers)
                               : client.Post(target, headers, body, content_type.c_str());
  if (!result) {
    reply.error = method + " " + url_.origin + target + ": no answer (" +
                  httplib::to_string(result.error()) + ")";
    return reply;
  }
  reply.status = result->status;
  reply.body = result->body;
  const Status verified = verifyGatewayReply(key_, target, signature->nonce, *result);
  reply.verified = verified.isOk();
  if (reply.status < 200 || reply.status > 299) {
    reply.error = "gateway answered " + std::to_string(reply.status);
  } else if (!reply.verified) {
    reply.error = verified.message();
  }
  return reply;
}

} // namespace hotline::sim::department
