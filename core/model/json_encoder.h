#pragma once
// The writing side of the describe() functions: JsonEncoder emits the members describe()
// names, in that order, skipping absent ones (empty strings, lists and objects, unset
// optionals). Required members are always written, so an incomplete struct produces a
// document the decoder and the schema reject rather than one that silently lacks a field.
// Internal to the model's codecs.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <vector>

#include "core/model/enum_table.h"
#include "core/model/field_rules.h"
#include "core/model/timestamp.h"

namespace hotline::model::detail {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

class JsonEncoder {
public:
  explicit JsonEncoder(JsonWriter& writer) : writer_(writer) {}

  void text(const char* key, const std::string& value, Need need = Need::Optional,
            const StringRule* /*rule*/ = nullptr) {
    if (value.empty() && need == Need::Optional) {
      return;
    }
    writer_.Key(key);
    writeString(value);
  }
  void textList(const char* key, const std::vector<std::string>& values) {
    if (values.empty()) {
      return;
    }
    writer_.Key(key);
    writer_.StartArray();
    for (const std::string& value : values) {
      writeString(value);
    }
    writer_.EndArray();
  }
  void time(const char* key, const Timestamp& value) {
    writer_.Key(key);
    writeString(formatTimestamp(value));
  }
  void time(const char* key, const std::optional<Timestamp>& value) {
    if (value) {
      time(key, *value);
    }
  }
  void integer(const char* key, int value, int64_t /*min*/) {
    writer_.Key(key);
    writer_.Int(value);
  }
  void integer(const char* key, const std::optional<int64_t>& value, int64_t /*min*/) {
    if (value) {
      writer_.Key(key);
      writer_.Int64(*value);
    }
  }
  void number(const char* key, const std::optional<double>& value, NumberRange /*range*/) {
    if (value) {
      writer_.Key(key);
      writer_.Double(*value);
    }
  }
  // Precondition: `json` is empty or the compact text of a JSON object (TicketEvent::data).
  void rawObject(const char* key, const std::string& json) {
    if (!json.empty()) {
      writer_.Key(key);
      writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
    }
  }
  template <ModelEnum E>
  void choice(const char* key, E value) {
    writer_.Key(key);
    const std::string_view name = enumName(value);
    writer_.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  }
  template <ModelEnum E>
  void choice(const char* key, const std::optional<E>& value) {
    if (value) {
      choice(key, *value);
    }
  }
  template <typename T>
  void object(const char* key, const T& value, Need need = Need::Optional) {
    if (need == Need::Optional && value == T{}) {
      return;
    }
    writer_.Key(key);
    encodeStruct(writer_, value);
  }
  template <typename T>
  void list(const char* key, const std::vector<T>& values, Need need = Need::Optional) {
    if (values.empty() && need == Need::Optional) {
      return;
    }
    writer_.Key(key);
    writer_.StartArray();
    for (const T& value : values) {
      encodeStruct(writer_, value);
    }
    writer_.EndArray();
  }

  template <typename T>
  static void encodeStruct(JsonWriter& writer, const T& value) {
    JsonEncoder encoder(writer);
    writer.StartObject();
    describe(value, encoder);
    writer.EndObject();
  }

private:
  void writeString(const std::string& value) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }

  JsonWriter& writer_;
};

} // namespace hotline::model::detail
