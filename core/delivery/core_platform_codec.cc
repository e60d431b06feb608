#include "core/delivery/core_platform_codec.h"

#include "hotline/support/json_zero_numbers.h"

#include <openssl/evp.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>

namespace hotline::delivery {
namespace {

bool isJsonType(const std::string& content_type) {
  return content_type.empty() || content_type.find("json") != std::string::npos;
}

const rapidjson::Value* findResults(const rapidjson::Document& doc) {
  if (!doc.IsObject()) {
    return nullptr;
  }
  auto direct = doc.FindMember("results");
  if (direct != doc.MemberEnd() && direct->value.IsArray()) {
    return &direct->value;
  }
  auto data = doc.FindMember("data");
  if (data != doc.MemberEnd() && data->value.IsObject()) {
    auto nested = data->value.FindMember("results");
    if (nested != data->value.MemberEnd() && nested->value.IsArray()) {
      return &nested->value;
    }
  }
  return nullptr;
}

std::string stringMember(const rapidjson::Value& item, const char* name) {
  auto it = item.FindMember(name);
  if (it == item.MemberEnd() || !it->value.IsString()) {
    return {};
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

} // namespace

std::string encodeBulk(const std::vector<const store::OutboxRow*>& rows) {
  std::string out;
  for (const store::OutboxRow* row : rows) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("idempotency_key");
    writer.String(row->idempotency_key.data(),
                  static_cast<rapidjson::SizeType>(row->idempotency_key.size()));
    writer.Key("ticket_id");
    writer.String(row->ticket_id.data(), static_cast<rapidjson::SizeType>(row->ticket_id.size()));
    writer.Key("sequence");
    writer.Int64(row->id);
    writer.Key("kind");
    writer.String(row->kind.data(), static_cast<rapidjson::SizeType>(row->kind.size()));
    writer.Key("payload");
    rapidjson::Document payload;
    if (isJsonType(row->content_type)) {
      // Full precision: a number re-emitted must be the number the body held, to the last
      // digit (the default parse can be one unit in the last place off).
      std::string scratch;
      const std::string_view safe = support::safeForFullPrecision(row->body, scratch);
      payload.Parse<rapidjson::kParseFullPrecisionFlag>(safe.data(), safe.size());
    }
    if (isJsonType(row->content_type) && !payload.HasParseError()) {
      // Re-emitted compact through the writer: a pretty-printed body would otherwise break
      // the one-line-per-item rule of NDJSON.
      payload.Accept(writer);
    } else {
      writer.String(row->body.data(), static_cast<rapidjson::SizeType>(row->body.size()));
    }
    writer.EndObject();
    out.append(buffer.GetString(), buffer.GetSize());
    out.push_back('\n');
  }
  return out;
}

Result<std::unordered_map<std::string, BulkItemResult>> decodeBulkResults(std::string_view body) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError()) {
    return invalidArgument("bulk answer is not JSON");
  }
  const rapidjson::Value* results = findResults(doc);
  if (results == nullptr) {
    return invalidArgument("bulk answer has no \"results\" array");
  }
  std::unordered_map<std::string, BulkItemResult> out;
  for (const auto& item : results->GetArray()) {
    if (!item.IsObject()) {
      continue;
    }
    std::string key = stringMember(item, "idempotency_key");
    if (key.empty()) {
      continue;
    }
    BulkItemResult result;
    auto status = item.FindMember("status");
    if (status != item.MemberEnd() && status->value.IsInt()) {
      result.status = status->value.GetInt();
    } else if (status != item.MemberEnd() && status->value.IsString()) {
      result.status_text = status->value.GetString();
    }
    result.message = stringMember(item, "message");
    auto retry_after = item.FindMember("retry_after_s");
    if (retry_after != item.MemberEnd() && retry_after->value.IsInt64()) {
      result.retry_after_s = retry_after->value.GetInt64();
    }
    out[std::move(key)] = std::move(result);
  }
  return out;
}

std::string bulkIdempotencyKey(const std::vector<const store::OutboxRow*>& rows) {
  std::string joined;
  for (const store::OutboxRow* row : rows) {
    joined += row->idempotency_key;
    joined.push_back('\n');
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(joined.data(), joined.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key = "bulk-";
  for (unsigned int i = 0; i < length; ++i) {
    key.push_back(kHex[digest[i] >> 4]);
    key.push_back(kHex[digest[i] & 0x0F]);
  }
  return key;
}

std::string escapePathSegment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : segment) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

} // namespace hotline::delivery
