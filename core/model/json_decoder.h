#pragma once
// The strict reading side of the describe() functions: JsonDecoder reads one JSON object into
// one struct, member by member as describe() names them, and records every problem (wrong
// type, empty value, bad enum or time, unknown or duplicate member) with its JSON Pointer
// instead of stopping at the first. The only values a reason ever quotes are rejected enum
// spellings and times (through quoteValue(), which withholds anything that looks like a phone
// number); strings and numbers are described by type and rule only, so personal data cannot
// leak through an error. Internal to the model's codecs.

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/decode_issue.h"
#include "core/model/enum_table.h"
#include "core/model/field_rules.h"
#include "core/model/timestamp.h"

namespace hotline::model::detail {

class DecodeErrors {
public:
  void add(std::string path, std::string reason) {
    issues_.push_back(DecodeIssue{std::move(path), std::move(reason)});
  }
  bool empty() const { return issues_.empty(); }
  const std::vector<DecodeIssue>& issues() const { return issues_; }

private:
  std::vector<DecodeIssue> issues_;
};

// "string", "number", … as a reason names what it got.
const char* jsonTypeName(const rapidjson::Value& value);
// `base` + "/" + `key`, with '~' and '/' escaped as RFC 6901 says.
std::string childPath(const std::string& base, std::string_view key);

class JsonDecoder {
public:
  // `value` must outlive the decoder; a value that is not an object is reported at `path`.
  JsonDecoder(const rapidjson::Value& value, std::string path, DecodeErrors& errors);

  bool isObject() const { return object_ != nullptr; }

  void text(const char* key, std::string& out, Need need = Need::Optional,
            const StringRule* rule = nullptr);
  void textList(const char* key, std::vector<std::string>& out);
  void time(const char* key, Timestamp& out);
  void time(const char* key, std::optional<Timestamp>& out);
  void integer(const char* key, int& out, int64_t min);
  void integer(const char* key, std::optional<int64_t>& out, int64_t min);
  void number(const char* key, std::optional<double>& out, NumberRange range);
  // A JSON object kept as its compact text (event data).
  void rawObject(const char* key, std::string& out);

  template <ModelEnum E>
  void choice(const char* key, E& out) {
    if (const rapidjson::Value* value = member(key, Need::Required)) {
      readEnum(*value, childPath(path_, key), out);
    }
  }
  template <ModelEnum E>
  void choice(const char* key, std::optional<E>& out) {
    if (const rapidjson::Value* value = member(key, Need::Optional)) {
      E parsed{};
      if (readEnum(*value, childPath(path_, key), parsed)) {
        out = parsed;
      }
    }
  }
  template <typename T>
  void object(const char* key, T& out, Need need = Need::Optional);
  template <typename T>
  void list(const char* key, std::vector<T>& out, Need need = Need::Optional);

  // Reports members describe() did not name, and duplicated members.
  void finish();

private:
  // Marks `key` as known; nullptr when absent (reported when required).
  const rapidjson::Value* member(const char* key, Need need);
  bool readString(const rapidjson::Value& value, const std::string& path, std::string& out);
  std::optional<Timestamp> readTime(const rapidjson::Value& value, const std::string& path);

  template <ModelEnum E>
  bool readEnum(const rapidjson::Value& value, const std::string& path, E& out) {
    std::string name;
    if (!readString(value, path, name)) {
      return false;
    }
    if (auto parsed = findEnum<E>(name)) {
      out = *parsed;
      return true;
    }
    errors_.add(path, quoteValue(name) + " is not one of " + enumChoices<E>());
    return false;
  }

  const rapidjson::Value* object_ = nullptr;
  std::string path_;
  DecodeErrors& errors_;
  std::vector<std::string_view> known_;
};

// Reads `value` into `out` through describe(out, decoder), then runs the struct's
// checkDecoded(out, path, errors) when it has one (for rules across members).
template <typename T>
void decodeStruct(const rapidjson::Value& value, const std::string& path, DecodeErrors& errors,
                  T& out) {
  JsonDecoder decoder(value, path, errors);
  if (!decoder.isObject()) {
    return;
  }
  if (value.MemberCount() == 0 && !path.empty()) { // the root lists its missing members
    errors.add(path, "must not be empty");
    return;
  }
  describe(out, decoder);
  decoder.finish();
  if constexpr (requires { checkDecoded(out, path, errors); }) {
    checkDecoded(out, path, errors);
  }
}

template <typename T>
void JsonDecoder::object(const char* key, T& out, Need need) {
  if (const rapidjson::Value* value = member(key, need)) {
    decodeStruct(*value, childPath(path_, key), errors_, out);
  }
}

template <typename T>
void JsonDecoder::list(const char* key, std::vector<T>& out, Need need) {
  const rapidjson::Value* value = member(key, need);
  if (value == nullptr) {
    return;
  }
  const std::string path = childPath(path_, key);
  if (!value->IsArray()) {
    errors_.add(path, std::string("expected array, got ") + jsonTypeName(*value));
    return;
  }
  if (value->Empty()) {
    errors_.add(path, "must not be empty (omit the member instead)");
    return;
  }
  out.resize(value->Size());
  for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
    decodeStruct((*value)[i], path + "/" + std::to_string(i), errors_, out[i]);
  }
}

} // namespace hotline::model::detail
