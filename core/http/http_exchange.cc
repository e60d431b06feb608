#include "core/http/http_exchange.h"

#include "hotline/support/masking.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPMessage.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace hotline::http {
namespace {

constexpr size_t kReadChunk = 16 * 1024;

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

std::string limitText(size_t max_body_bytes) {
  return "the limit of " + std::to_string(max_body_bytes) +
         " bytes (config key http.max_body_bytes)";
}

// Every Content-Length header must be the same plain decimal number; anything else (a sign,
// spaces, a list, two different values) is refused, as such requests are how request
// smuggling starts.
Status declaredLength(const Poco::Net::HTTPServerRequest& in, std::optional<size_t>& length) {
  for (const auto& [name, text] : in) {
    if (!equalsIgnoreCase(name, Poco::Net::HTTPMessage::CONTENT_LENGTH)) {
      continue;
    }
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool plain = !text.empty() && text[0] != '+' && text[0] != '-';
    if (!plain || error != std::errc() || end != text.data() + text.size()) {
      return invalidArgument("invalid Content-Length \"" + support::maskText(text) +
                             "\": expected a non-negative decimal number");
    }
    if (length && *length != value) {
      return invalidArgument("conflicting Content-Length headers");
    }
    length = value;
  }
  return Status::ok();
}

Status checkFraming(const Poco::Net::HTTPServerRequest& in, size_t max_body_bytes,
                    std::optional<size_t>& length) {
  HOTLINE_RETURN_IF_ERROR(declaredLength(in, length));
  if (in.has(Poco::Net::HTTPMessage::TRANSFER_ENCODING)) {
    if (!in.getChunkedTransferEncoding()) {
      return Status(StatusCode::Unimplemented, "unsupported Transfer-Encoding \"" +
                                                   in.getTransferEncoding() +
                                                   "\": only chunked is accepted");
    }
    if (length) {
      return invalidArgument("a request may not carry both Content-Length and "
                             "Transfer-Encoding: chunked");
    }
  }
  if (length && *length > max_body_bytes) {
    return Status(StatusCode::PayloadTooLarge, "request body of " + std::to_string(*length) +
                                                   " bytes exceeds " + limitText(max_body_bytes));
  }
  return Status::ok();
}

// Reads up to `max_bytes + 1` bytes, so that a body over the limit is detected without
// buffering it. Stream errors (timeouts, bad chunks, resets) are rethrown, not taken for
// the end of the body.
std::string readAtMost(std::istream& body, size_t max_bytes) {
  body.exceptions(std::ios::badbit);
  std::string out;
  std::array<char, kReadChunk> buffer{};
  while (out.size() <= max_bytes) {
    const size_t wanted = std::min(buffer.size(), max_bytes + 1 - out.size());
    body.read(buffer.data(), static_cast<std::streamsize>(wanted));
    const auto got = static_cast<size_t>(body.gcount());
    out.append(buffer.data(), got);
    if (got < wanted) {
      break;
    }
  }
  return out;
}

Status readBody(Poco::Net::HTTPServerRequest& in, std::optional<size_t> length,
                size_t max_body_bytes, std::string& body) {
  if (!length && !in.getChunkedTransferEncoding()) {
    // Neither length nor chunked: the body is empty (RFC 9112 §6.3). POCO would read until
    // the peer closes, which on a kept-alive connection means until the timeout.
    return Status::ok();
  }
  std::istream& stream = in.stream();
  body = readAtMost(stream, max_body_bytes);
  if (body.size() > max_body_bytes) {
    body.clear();
    drainBody(stream, std::max<size_t>(max_body_bytes, 1024 * 1024));
    return Status(StatusCode::PayloadTooLarge, "request body exceeds " + limitText(max_body_bytes));
  }
  if (length && body.size() < *length) {
    return invalidArgument("request body ended after " + std::to_string(body.size()) + " of " +
                           std::to_string(*length) + " declared bytes");
  }
  return Status::ok();
}

Status convertTarget(const Poco::Net::HTTPServerRequest& in, HttpRequest& out) {
  try {
    const Poco::URI uri(in.getURI());
    out.target = in.getURI();
    out.path = uri.getPath();
    out.query = uri.getRawQuery();
  } catch (const Poco::Exception& e) {
    return invalidArgument("malformed request target \"" + support::maskText(in.getURI()) +
                           "\": " + e.message());
  }
  if (out.path.empty()) {
    out.path = "/";
  }
  return Status::ok();
}

} // namespace

Status readRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& response,
                   size_t max_body_bytes, HttpRequest& out) {
  out.method = in.getMethod();
  out.remote = in.clientAddress().toString();
  for (const auto& [name, value] : in) {
    out.headers.emplace_back(name, value);
  }
  HOTLINE_RETURN_IF_ERROR(convertTarget(in, out));
  std::optional<size_t> length;
  HOTLINE_RETURN_IF_ERROR(checkFraming(in, max_body_bytes, length));
  const bool has_body = in.getChunkedTransferEncoding() || (length && *length > 0);
  if (has_body && in.getExpectContinue()) {
    response.sendContinue();
  }
  return readBody(in, length, max_body_bytes, out.body);
}

void writeResponse(const HttpResponse& response, bool keep_alive,
                   Poco::Net::HTTPServerResponse& out) {
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
  out.setDate(Poco::Timestamp());
  out.setContentType(response.content_type.empty() ? "application/octet-stream"
                                                   : response.content_type);
  for (const auto& [name, value] : response.headers) {
    if (equalsIgnoreCase(name, "Content-Length") || equalsIgnoreCase(name, "Transfer-Encoding") ||
        equalsIgnoreCase(name, "Connection")) {
      continue;
    }
    if (equalsIgnoreCase(name, "Content-Type")) {
      out.setContentType(value);
    } else {
      out.add(name, value);
    }
  }
  out.setKeepAlive(keep_alive);
  out.sendBuffer(response.body.data(), response.body.size());
}

void drainBody(std::istream& body, size_t max_bytes) noexcept {
  try {
    std::array<char, kReadChunk> buffer{};
    size_t drained = 0;
    while (drained < max_bytes && body.good()) {
      body.read(buffer.data(),
                static_cast<std::streamsize>(std::min(buffer.size(), max_bytes - drained)));
      drained += static_cast<size_t>(body.gcount());
    }
  } catch (...) {
    // The peer is answered and the connection closed whatever happens here.
  }
}

} // namespace hotline::http
