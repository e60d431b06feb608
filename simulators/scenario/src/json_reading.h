#pragma once
// Reading the scenario file's JSON with errors that name where: every problem is reported as
// "<JSON path>: <what is wrong>", the path in JSON pointer syntax ("/steps/2/http/url").

#include <rapidjson/document.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::sim::scenario {

// "/steps" + "http" -> "/steps/http" ('~' and '/' escaped as in JSON pointers).
std::string childPath(const std::string& path, std::string_view key);
std::string childPath(const std::string& path, size_t index);

// Compact JSON text of a value.
std::string jsonText(const rapidjson::Value& value);
// "a string", "an array", ... for messages.
std::string describeType(const rapidjson::Value& value);

// Every problem found, in the order found.
class Problems {
public:
  void add(const std::string& where, const std::string& what);
  bool empty() const { return list_.empty(); }
  const std::vector<std::string>& list() const { return list_; }
  // All problems, one a line, each prefixed with `file`.
  std::string text(const std::string& file) const;

private:
  std::vector<std::string> list_;
};

// True when `value` is an object; reports a problem at `path` when not, and one for every
// member not in `allowed` (listing the allowed ones).
bool checkObject(const rapidjson::Value& value, const std::string& path,
                 std::initializer_list<std::string_view> allowed, Problems& problems);

const rapidjson::Value* findMember(const rapidjson::Value& object, std::string_view name);

// Typed members of an object already checked by checkObject. Absent: nullopt (a problem
// only when `required`); present with the wrong type or out of range: a problem, nullopt.
std::optional<std::string> readString(const rapidjson::Value& object, std::string_view name,
                                      const std::string& path, Problems& problems,
                                      bool required = false);
std::optional<int64_t> readInteger(const rapidjson::Value& object, std::string_view name,
                                   const std::string& path, Problems& problems, int64_t min,
                                   int64_t max, bool required = false);
std::optional<bool> readBool(const rapidjson::Value& object, std::string_view name,
                             const std::string& path, Problems& problems);

// Whether `pointer` is a valid JSON pointer ("" or "/a/0").
bool isJsonPointer(const std::string& pointer);

} // namespace hotline::sim::scenario
