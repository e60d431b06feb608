#include "core/app/mapping_command_compare.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/app/mapping_command_diff.h"
#include "core/app/mapping_command_xml.h"
#include "core/model/json_document.h"

namespace hotline::app {
namespace {

// Integers beyond this are not exact as doubles; they are printed as doubles are.
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

std::string quoted(const rapidjson::Value& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  text.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// A number by value: integral values as integers (1.0 -> 1), others in the shortest form
// that reads back to the same double.
std::string numberText(const rapidjson::Value& number) {
  if (number.IsInt64()) {
    return std::to_string(number.GetInt64());
  }
  if (number.IsUint64()) {
    return std::to_string(number.GetUint64());
  }
  const double value = number.GetDouble();
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < kMaxExactInteger) {
    return std::to_string(static_cast<int64_t>(value));
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.Double(value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

void printCanonicalJson(const rapidjson::Value& value, int depth, std::string& out);

void printObject(const rapidjson::Value& object, int depth, std::string& out) {
  if (object.MemberCount() == 0) {
    out += "{}";
    return;
  }
  std::vector<const rapidjson::Value::Member*> members;
  for (const auto& member : object.GetObject()) {
    members.push_back(&member);
  }
  std::stable_sort(members.begin(), members.end(), [](const auto* left, const auto* right) {
    return std::string_view(left->name.GetString(), left->name.GetStringLength()) <
           std::string_view(right->name.GetString(), right->name.GetStringLength());
  });
  const std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  out += "{\n";
  for (size_t i = 0; i < members.size(); ++i) {
    out += pad + quoted(members[i]->name) + ": ";
    printCanonicalJson(members[i]->value, depth + 1, out);
    out += i + 1 < members.size() ? ",\n" : "\n";
  }
  out += std::string(static_cast<size_t>(depth) * 2, ' ') + "}";
}

void printArray(const rapidjson::Value& array, int depth, std::string& out) {
  if (array.Empty()) {
    out += "[]";
    return;
  }
  const std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  out += "[\n";
  for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
    out += pad;
    printCanonicalJson(array[i], depth + 1, out);
    out += i + 1 < array.Size() ? ",\n" : "\n";
  }
  out += std::string(static_cast<size_t>(depth) * 2, ' ') + "]";
}

void printCanonicalJson(const rapidjson::Value& value, int depth, std::string& out) {
  switch (value.GetType()) {
  case rapidjson::kObjectType:
    printObject(value, depth, out);
    return;
  case rapidjson::kArrayType:
    printArray(value, depth, out);
    return;
  case rapidjson::kStringType:
    out += quoted(value);
    return;
  case rapidjson::kNumberType:
    out += numberText(value);
    return;
  case rapidjson::kTrueType:
    out += "true";
    return;
  case rapidjson::kFalseType:
    out += "false";
    return;
  case rapidjson::kNullType:
    out += "null";
    return;
  }
}

Result<std::string> canonicalJson(std::string_view text) {
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(model::parseJsonDocument(text, "JSON document", document));
  std::string out;
  printCanonicalJson(document, 0, out);
  out += "\n";
  return out;
}

} // namespace

Result<DocumentFormat> documentFormatOf(std::string_view path) {
  if (path.ends_with(".json")) {
    return DocumentFormat::Json;
  }
  if (path.ends_with(".xml")) {
    return DocumentFormat::Xml;
  }
  return invalidArgument(std::string(path) + ": cannot tell the format (expected .json or .xml)");
}

Result<std::string> canonicalDocument(std::string_view text, DocumentFormat format) {
  return format == DocumentFormat::Json ? canonicalJson(text) : canonicalXml(text);
}

Result<DocumentComparison> compareDocuments(std::string_view expected, std::string_view actual,
                                            DocumentFormat format, std::string_view expected_label,
                                            std::string_view actual_label) {
  Result<std::string> expected_form = canonicalDocument(expected, format);
  if (!expected_form) {
    return expected_form.status().withContext(expected_label);
  }
  Result<std::string> actual_form = canonicalDocument(actual, format);
  if (!actual_form) {
    return actual_form.status().withContext(actual_label);
  }
  DocumentComparison comparison;
  comparison.equal = *expected_form == *actual_form;
  if (!comparison.equal) {
    comparison.diff = unifiedDiff(*expected_form, *actual_form, expected_label, actual_label);
  }
  return comparison;
}

std::string prettyDocument(std::string_view text, DocumentFormat format) {
  std::string pretty;
  if (format == DocumentFormat::Json) {
    rapidjson::Document document;
    if (!model::parseJsonDocument(text, "JSON document", document).isOk()) {
      pretty.assign(text);
    } else {
      rapidjson::StringBuffer buffer;
      rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
      writer.SetIndent(' ', 2);
      document.Accept(writer);
      pretty.assign(buffer.GetString(), buffer.GetSize());
    }
  } else {
    pretty.assign(text);
  }
  if (pretty.empty() || pretty.back() != '\n') {
    pretty += "\n";
  }
  return pretty;
}

} // namespace hotline::app
