// code (a table of mappings/codes/) and enum (an inline map): a peer's value -> a canonical
// one, with the fallback the mapping declares for a value that is not listed.
#include <algorithm>

#include "core/mapping/transform_families.h"

namespace hotline::mapping {
namespace {

// Shared by both lookups: what happens to a value the table does not list.
std::optional<TransformFailure> applyFallback(const Fallback& fallback, Value& value,
                                              const std::string& not_listed) {
  switch (fallback.kind) {
  case Fallback::Kind::Replace:
    value = fallback.replacement;
    return std::nullopt;
  case Fallback::Kind::Keep:
    value.keepTextAsString();
    return std::nullopt;
  case Fallback::Kind::Error:
    break;
  }
  return TransformFailure{not_listed};
}

void addFallbackResult(const Fallback& fallback, std::vector<std::string>& results) {
  if (fallback.kind == Fallback::Kind::Replace) {
    results.push_back(fallback.replacement.text);
  }
}

class CodeLookup final : public Transform {
public:
  CodeLookup(std::shared_ptr<const CodeTable> table, Fallback fallback)
      : table_(std::move(table)), fallback_(std::move(fallback)), name_("code " + table_->name),
        not_listed_("is not in code table " + table_->name) {}

  const std::string& description() const override { return name_; }

  std::vector<std::string> possibleResults() const override {
    std::vector<std::string> results;
    for (const auto& entry : table_->entries) {
      results.push_back(entry.second);
    }
    std::sort(results.begin(), results.end()); // load errors in a stable order
    results.erase(std::unique(results.begin(), results.end()), results.end());
    addFallbackResult(fallback_, results);
    return results;
  }

  std::optional<TransformFailure> apply(Value& value) const override {
    if (const std::string* canonical = table_->find(value.text)) {
      value.setString(*canonical);
      return std::nullopt;
    }
    return applyFallback(fallback_, value, not_listed_);
  }

private:
  std::shared_ptr<const CodeTable> table_; // keeps the table alive as long as the plan
  Fallback fallback_;
  std::string name_;
  std::string not_listed_;
};

class EnumMap final : public Transform {
public:
  EnumMap(std::vector<std::pair<std::string, Value>> map, Fallback fallback)
      : fallback_(std::move(fallback)) {
    for (auto& [key, value] : map) {
      map_.emplace(std::move(key), std::move(value));
    }
  }

  const std::string& description() const override { return name_; }

  ValueType resultType(ValueType /*input*/) const override {
    // Map values may be numbers or booleans for a peer that wants them (outbound JSON).
    return ValueType::Scalar;
  }

  std::vector<std::string> possibleResults() const override {
    std::vector<std::string> results;
    for (const auto& entry : map_) {
      results.push_back(entry.second.text);
    }
    std::sort(results.begin(), results.end());
    results.erase(std::unique(results.begin(), results.end()), results.end());
    addFallbackResult(fallback_, results);
    return results;
  }

  std::optional<TransformFailure> apply(Value& value) const override {
    if (const auto found = map_.find(std::string_view(value.text)); found != map_.end()) {
      value = found->second;
      return std::nullopt;
    }
    return applyFallback(fallback_, value, not_listed_);
  }

private:
  std::unordered_map<std::string, Value, TextHash, std::equal_to<>> map_;
  Fallback fallback_;
  std::string name_ = "enum";
  std::string not_listed_ = "is not in the enum map";
};

} // namespace

std::unique_ptr<Transform> makeCodeLookup(std::shared_ptr<const CodeTable> table,
                                          Fallback fallback) {
  return std::make_unique<CodeLookup>(std::move(table), std::move(fallback));
}

std::unique_ptr<Transform> makeEnumMap(std::vector<std::pair<std::string, Value>> map,
                                       Fallback fallback) {
  return std::make_unique<EnumMap>(std::move(map), std::move(fallback));
}

} // namespace hotline::mapping
