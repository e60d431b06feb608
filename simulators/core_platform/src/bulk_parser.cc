#include "simulators/core_platform/src/bulk_parser.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace hotline::sim::core_platform {
namespace {

using Problems = std::vector<std::string>;

std::string_view stringOf(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

bool isBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

void readKey(const rapidjson::Value& object, BulkLine& out, Problems& problems) {
  auto key = object.FindMember("idempotency_key");
  if (key == object.MemberEnd() || !key->value.IsString() || key->value.GetStringLength() == 0) {
    problems.push_back("idempotency_key: expected a non-empty string");
  } else if (key->value.GetStringLength() > kMaxKeyLength) {
    problems.push_back("idempotency_key: longer than " + std::to_string(kMaxKeyLength));
  } else {
    out.item.idempotency_key = std::string(stringOf(key->value));
  }
}

void readOrdering(const rapidjson::Value& object, BulkLine& out, Problems& problems) {
  auto ticket = object.FindMember("ticket_id");
  if (ticket == object.MemberEnd() || !ticket->value.IsString() ||
      ticket->value.GetStringLength() == 0) {
    problems.push_back("ticket_id: expected a non-empty string");
  } else {
    out.item.ticket_id = std::string(stringOf(ticket->value));
  }
  auto sequence = object.FindMember("sequence");
  if (sequence == object.MemberEnd() || !sequence->value.IsInt64() ||
      sequence->value.GetInt64() <= 0) {
    problems.push_back("sequence: expected a positive integer");
  } else {
    out.item.sequence = sequence->value.GetInt64();
  }
}

void readKind(const rapidjson::Value& object, BulkLine& out, Problems& problems) {
  auto kind = object.FindMember("kind");
  std::optional<ItemKind> found;
  if (kind != object.MemberEnd() && kind->value.IsString()) {
    found = findItemKind(stringOf(kind->value));
  }
  if (!found) {
    problems.push_back("kind: expected \"ticket\", \"event\" or \"knowledge\"");
  } else {
    out.item.kind = *found;
  }
}

void checkMembers(const rapidjson::Value& object, Problems& problems) {
  for (const auto& member : object.GetObject()) {
    std::string_view name = stringOf(member.name);
    if (name != "idempotency_key" && name != "ticket_id" && name != "sequence" && name != "kind" &&
        name != "payload") {
      problems.push_back("unknown member \"" + std::string(name) + "\"");
    }
  }
}

std::string joinProblems(size_t line_number, const Problems& problems) {
  std::string text = "line " + std::to_string(line_number) + ": ";
  for (size_t i = 0; i < problems.size(); ++i) {
    text += (i == 0 ? "" : "; ") + problems[i];
  }
  return text;
}

BulkLine fail(BulkLine line, int status, std::string message) {
  line.status = status;
  line.message = std::move(message);
  return line;
}

} // namespace

BulkLine parseBulkLine(std::string_view text, size_t line_number) {
  BulkLine line;
  line.line_number = line_number;
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  if (document.HasParseError()) {
    return fail(std::move(line), 400,
                "line " + std::to_string(line_number) +
                    ": not JSON: " + rapidjson::GetParseError_En(document.GetParseError()) +
                    " (offset " + std::to_string(document.GetErrorOffset()) + ")");
  }
  if (!document.IsObject()) {
    return fail(std::move(line), 400,
                "line " + std::to_string(line_number) + ": expected a JSON object");
  }
  Problems problems;
  readKey(document, line, problems);
  readOrdering(document, line, problems);
  readKind(document, line, problems);
  checkMembers(document, problems);
  auto payload = document.FindMember("payload");
  if (payload == document.MemberEnd() || !payload->value.IsObject()) {
    problems.push_back("payload: expected a JSON object");
  }
  if (!problems.empty()) {
    return fail(std::move(line), 400, joinProblems(line_number, problems));
  }
  auto facts = validatePayload(line.item.kind, payload->value);
  if (!facts) {
    return fail(std::move(line), 422,
                "line " + std::to_string(line_number) + ": " + facts.status().message());
  }
  line.item.event_type = facts->event_type;
  line.item.source = std::move(facts->source);
  if (line.item.kind == ItemKind::Knowledge &&
      line.item.ticket_id != knowledgeOrderingKey(facts->article_id)) {
    return fail(std::move(line), 400,
                "line " + std::to_string(line_number) + ": ticket_id: expected \"" +
                    knowledgeOrderingKey(facts->article_id) + "\" (\"kb:\" + the article's id)");
  }
  return line;
}

std::vector<BulkLine> parseBulkBody(std::string_view body) {
  std::vector<BulkLine> lines;
  size_t line_number = 0;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) {
      end = body.size();
    }
    ++line_number;
    std::string_view text = body.substr(start, end - start);
    if (!isBlank(text)) {
      lines.push_back(parseBulkLine(text, line_number));
    }
    start = end + 1;
  }
  return lines;
}

} // namespace hotline::sim::core_platform
