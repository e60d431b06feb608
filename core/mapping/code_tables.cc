#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>

#include "core/config/json_config_text.h"
#include "core/config/text_file.h"
#include "core/mapping/mapping.h"
#include "core/mapping/mapping_files.h"
#include "core/mapping/mapping_keys.h"

namespace hotline::mapping {
namespace {

constexpr size_t kMaxCodeTableBytes = 16 * 1024 * 1024;

// Builds the table of one parsed mappings/codes/<name>.json; problems go to `errors` (which
// names the file).
std::shared_ptr<CodeTable> buildCodeTable(const rapidjson::Value& document, const std::string& name,
                                          LoadErrors& errors) {
  if (!document.IsObject()) {
    errors.add("", "a code table is an object with table, description and entries");
    return nullptr;
  }
  checkKeys(document, {"table", "description", "entries"}, "", errors);
  auto table = std::make_shared<CodeTable>();
  const rapidjson::Value* table_name = member(document, "table");
  table->name = table_name != nullptr && table_name->IsString() ? std::string(stringOf(*table_name))
                                                                : std::string();
  if (table->name != name) {
    errors.add("table", "\"" + table->name + "\" must equal the file name (" + name + ")");
  }
  if (const rapidjson::Value* description = member(document, "description");
      description != nullptr && description->IsString()) {
    table->description = std::string(stringOf(*description));
  }
  const rapidjson::Value* entries = member(document, "entries");
  if (entries == nullptr || !entries->IsObject()) {
    errors.add("entries", "is required: an object of peer value -> canonical value");
    return nullptr;
  }
  for (auto it = entries->MemberBegin(); it != entries->MemberEnd(); ++it) {
    if (!it->value.IsString() || it->value.GetStringLength() == 0) {
      errors.add("entries",
                 "\"" + std::string(stringOf(it->name)) + "\" must map to a non-empty string");
      continue;
    }
    table->entries.emplace(std::string(stringOf(it->name)), std::string(stringOf(it->value)));
  }
  return table;
}

// One file: the table, or every problem with it (each line naming the file).
Result<std::shared_ptr<CodeTable>> readCodeTable(const std::string& path) {
  Result<std::string> text = config::readTextFile(path, kMaxCodeTableBytes);
  if (!text) {
    return text.status();
  }
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(config::parseConfigJson(*text, path, document)); // path:line:column
  LoadErrors errors(path);
  std::shared_ptr<CodeTable> table =
      buildCodeTable(document, std::filesystem::path(path).stem().string(), errors);
  if (!errors.empty()) {
    return errors.status();
  }
  return table;
}

} // namespace

Result<CodeTables> CodeTables::loadDirectory(const std::string& dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return notFound(dir + ": no such directory of code tables");
  }
  Result<std::vector<std::string>> files = listJsonFiles(dir);
  if (!files) {
    return files.status();
  }
  CodeTables tables;
  std::string problems;
  for (const std::string& path : *files) {
    Result<std::shared_ptr<CodeTable>> table = readCodeTable(path);
    if (!table) {
      problems += (problems.empty() ? "" : "\n") + table.status().message();
      continue;
    }
    tables.tables_.push_back(std::move(table).value());
  }
  if (!problems.empty()) {
    return invalidArgument(std::move(problems));
  }
  return tables;
}

void CodeTables::addTable(std::string name, CodeTable::Entries entries) {
  auto table = std::make_shared<CodeTable>();
  table->name = std::move(name);
  table->entries = std::move(entries);
  const auto at = std::lower_bound(
      tables_.begin(), tables_.end(), table->name,
      [](const std::shared_ptr<const CodeTable>& a, const std::string& b) { return a->name < b; });
  if (at != tables_.end() && (*at)->name == table->name) {
    *at = std::move(table);
  } else {
    tables_.insert(at, std::move(table));
  }
}

std::shared_ptr<const CodeTable> CodeTables::table(std::string_view name) const {
  const auto at = std::lower_bound(
      tables_.begin(), tables_.end(), name,
      [](const std::shared_ptr<const CodeTable>& a, std::string_view b) { return a->name < b; });
  return at != tables_.end() && (*at)->name == name ? *at : nullptr;
}

const std::string* CodeTables::lookup(std::string_view table_name, std::string_view key) const {
  const std::shared_ptr<const CodeTable> found = table(table_name);
  return found == nullptr ? nullptr : found->find(key);
}

std::vector<std::string> CodeTables::tableNames() const {
  std::vector<std::string> names;
  for (const auto& table : tables_) {
    names.push_back(table->name);
  }
  return names;
}

} // namespace hotline::mapping
