#include "core/delivery/failure_classifier.h"

#include "core/delivery/retry_policy.h"
#include "hotline/support/masking.h"

#include <rapidjson/document.h>

namespace hotline::delivery {
namespace {

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string truncateUtf8(std::string_view text, size_t limit) {
  if (text.size() <= limit) {
    return std::string(text);
  }
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut; // text[cut] is a continuation byte: back up to the start of its character
  }
  return std::string(text.substr(0, cut)) + "...";
}

std::string collapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  return out;
}

} // namespace

ItemVerdict::Kind classifyStatus(int http_status) {
  if (http_status >= 200 && http_status < 300) {
    return ItemVerdict::Kind::Ok;
  }
  if (http_status == 408 || http_status == 429 || (http_status >= 500 && http_status < 600)) {
    return ItemVerdict::Kind::Retry;
  }
  return ItemVerdict::Kind::Permanent;
}

std::string_view urlPath(std::string_view url) {
  const auto scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) {
    return "/";
  }
  rest = rest.substr(slash);
  const auto end = rest.find_first_of("?#");
  return end == std::string_view::npos ? rest : rest.substr(0, end);
}

std::string peerMessage(std::string_view body) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (!doc.HasParseError() && doc.IsObject()) {
    auto message = doc.FindMember("message");
    if (message != doc.MemberEnd() && message->value.IsString()) {
      std::string text(message->value.GetString(), message->value.GetStringLength());
      auto code = doc.FindMember("code");
      if (code != doc.MemberEnd() && code->value.IsInt64() && code->value.GetInt64() != 0) {
        return "code " + std::to_string(code->value.GetInt64()) + ": " + text;
      }
      return text;
    }
  }
  return collapseWhitespace(body);
}

std::string describeFailure(const AttemptContext& context, std::string_view what,
                            std::string_view peer_text, size_t max_peer_bytes) {
  std::string reason(context.target);
  reason += " ";
  reason += context.method;
  reason += " ";
  reason += urlPath(context.url);
  reason += " -> ";
  reason += what;
  if (!peer_text.empty()) {
    // Mask first, then cut: a phone number split by the cut would escape the masker.
    reason += ": " + truncateUtf8(support::maskText(peer_text), max_peer_bytes);
  }
  return reason;
}

ItemVerdict classifyResponse(const AttemptContext& context, const HttpResult& result,
                             std::chrono::system_clock::time_point now) {
  if (result.status <= 0) {
    std::string what = std::string(transportErrorName(result.transport)) + " error";
    return ItemVerdict::retry(describeFailure(context, what, result.error), 0);
  }
  const ItemVerdict::Kind kind = classifyStatus(result.status);
  if (kind == ItemVerdict::Kind::Ok) {
    return ItemVerdict::ok(result.status);
  }
  const std::string what = "HTTP " + std::to_string(result.status);
  std::string reason = describeFailure(context, what, peerMessage(result.body));
  if (kind == ItemVerdict::Kind::Permanent) {
    return ItemVerdict::permanent(std::move(reason), result.status);
  }
  auto after = parseRetryAfter(result.header("Retry-After"), now);
  return ItemVerdict::retry(std::move(reason), result.status, after);
}

} // namespace hotline::delivery
