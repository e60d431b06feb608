// MappingSet: a directory of mappings compiled together, looked up by connector, kind and
// direction, reloaded atomically; a broken file keeps the old mappings serving.
#include "core/mapping/mapping_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace hotline::mapping {
namespace {

namespace fs = std::filesystem;

class TempMappingsDir {
public:
  TempMappingsDir() {
    std::random_device random;
    root_ = fs::temp_directory_path() / ("hotline-mapping-set-" + std::to_string(random()));
    fs::create_directories(root_);
  }
  ~TempMappingsDir() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  void write(const std::string& relative, const std::string& text) const {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  std::string path() const { return root_.string(); }
  std::string file(const std::string& relative) const { return (root_ / relative).string(); }

private:
  fs::path root_;
};

std::string inboundTitle(const std::string& from) {
  return R"({"mapping": 1, "direction": "inbound", "kind": "ticket", "fields": [
      {"to": "/title", "from": ")" +
         from + R"("},
      {"to": "/category/type", "from": "/type",
       "transforms": [{"code": {"table": "category_types", "fallback": "other"}}]}]})";
}

constexpr std::string_view kOutbound = R"({"mapping": 1, "direction": "outbound", "kind": "ticket",
    "target": {"format": "json"}, "fields": [{"to": "/subject", "from": "/title"}]})";

constexpr std::string_view kCodes =
    R"({"table": "category_types", "entries": {"投诉": "complaint"}})";

void writeValidTree(const TempMappingsDir& dir) {
  dir.write("README.md", "# not a mapping");
  dir.write("codes/category_types.json", std::string(kCodes));
  dir.write("dept/ticket.json", inboundTitle("/subject"));
  dir.write("dept/ticket.out.json", std::string(kOutbound));
  dir.write("dept/samples/one.ticket.json", "{ this is a sample payload, not a mapping");
  dir.write("dept/samples/one.ticket.expected.json", "{}");
  dir.write("wechat/.hidden.json", "{ ignored");
}

std::unique_ptr<MappingSet> loadOk(const std::string& dir) {
  Result<std::unique_ptr<MappingSet>> set = MappingSet::load(dir);
  EXPECT_TRUE(set.isOk()) << set.status().message();
  return set.isOk() ? std::move(set).value() : nullptr;
}

std::string mapped(const Plan& plan, std::string_view input) {
  Result<RunOutput> output = plan.run(input);
  return output.isOk() ? output->document : "error: " + output.status().message();
}

TEST(MappingSet, LoadsEveryMappingAndFindsThemByConnectorKindAndDirection) {
  TempMappingsDir dir;
  writeValidTree(dir);
  std::unique_ptr<MappingSet> set = loadOk(dir.path());
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->size(), 2u);
  std::shared_ptr<const Plan> inbound = set->find("dept", "ticket", Direction::Inbound);
  ASSERT_NE(inbound, nullptr);
  EXPECT_EQ(inbound->file(), dir.file("dept/ticket.json"));
  EXPECT_EQ(inbound->kind(), "ticket");
  EXPECT_EQ(mapped(*inbound, R"({"subject": "停水", "type": "投诉"})"),
            R"({"title":"停水","category":{"type":"complaint"}})");
  std::shared_ptr<const Plan> outbound = set->find("dept", "ticket", Direction::Outbound);
  ASSERT_NE(outbound, nullptr);
  EXPECT_EQ(mapped(*outbound, R"({"title": "停水"})"), R"({"subject":"停水"})");
  EXPECT_EQ(set->find("dept", "event", Direction::Inbound), nullptr);
  EXPECT_EQ(set->find("wechat", "ticket", Direction::Inbound), nullptr);
  EXPECT_EQ(set->codeTables().tableNames(), std::vector<std::string>{"category_types"});
}

TEST(MappingSet, ABrokenFileFailsTheReloadAndTheOldPlansKeepServing) {
  TempMappingsDir dir;
  writeValidTree(dir);
  std::unique_ptr<MappingSet> set = loadOk(dir.path());
  ASSERT_NE(set, nullptr);
  const std::shared_ptr<const Plan> before = set->find("dept", "ticket", Direction::Inbound);
  ASSERT_NE(before, nullptr);

  dir.write("dept/ticket.json", "{\"mapping\": 1,\n \"kind\" \"ticket\"}");
  dir.write("dept/event.json", R"({"mapping": 1, "direction": "inbound", "kind": "event",
      "fields": [{"to": "/typo", "from": "/x"}]})");
  const Status reloaded = set->reload();
  ASSERT_FALSE(reloaded.isOk());
  EXPECT_EQ(reloaded.message(),
            dir.file("dept/event.json") +
                ": fields[0] (to /typo): /typo is not in the canonical event: it has no member "
                "\"typo\" (did you mean \"type\"?)\n" +
                dir.file("dept/ticket.json") +
                ":2:9: Missing a colon after a name of object member");
  EXPECT_EQ(set->find("dept", "ticket", Direction::Inbound), before);
  EXPECT_EQ(set->find("dept", "event", Direction::Inbound), nullptr);
  EXPECT_EQ(set->size(), 2u);
  EXPECT_EQ(mapped(*before, R"({"subject": "仍然可用"})"), R"({"title":"仍然可用"})");
}

TEST(MappingSet, AGoodReloadSwapsEverythingAtOnce) {
  TempMappingsDir dir;
  writeValidTree(dir);
  std::unique_ptr<MappingSet> set = loadOk(dir.path());
  ASSERT_NE(set, nullptr);
  const std::shared_ptr<const Plan> old_plan = set->find("dept", "ticket", Direction::Inbound);

  dir.write("dept/ticket.json", inboundTitle("/headline"));
  dir.write("codes/category_types.json",
            R"({"table": "category_types", "entries": {"投诉": "complaint", "咨询": "consult"}})");
  ASSERT_TRUE(set->reload().isOk());
  const std::shared_ptr<const Plan> new_plan = set->find("dept", "ticket", Direction::Inbound);
  ASSERT_NE(new_plan, nullptr);
  EXPECT_NE(new_plan, old_plan);
  EXPECT_EQ(mapped(*new_plan, R"({"headline": "新", "type": "咨询"})"),
            R"({"title":"新","category":{"type":"consult"}})");
  // A plan a caller still holds keeps working with what it was compiled from.
  EXPECT_EQ(mapped(*old_plan, R"({"subject": "旧", "type": "咨询"})"),
            R"({"title":"旧","category":{"type":"other"}})");
}

TEST(MappingSet, TheFileNameMustAgreeWithTheDirection) {
  TempMappingsDir dir;
  dir.write("dept/ticket.json", std::string(kOutbound));
  Result<std::unique_ptr<MappingSet>> set = MappingSet::load(dir.path());
  ASSERT_FALSE(set.isOk());
  EXPECT_EQ(set.status().message(),
            dir.file("dept/ticket.json") +
                ": direction is outbound, but the file name says inbound (outbound mappings are "
                "named <kind>.out.json, inbound ones <kind>.json)");
}

TEST(MappingSet, BrokenCodeTablesAndMissingDirectoriesAreErrors) {
  TempMappingsDir dir;
  dir.write("codes/units.json", R"({"table": "unit", "entries": {"a": ""}, "extra": 1})");
  Result<std::unique_ptr<MappingSet>> set = MappingSet::load(dir.path());
  ASSERT_FALSE(set.isOk());
  const std::string file = dir.file("codes/units.json");
  EXPECT_EQ(set.status().message(), file + ": unknown key \"extra\"\n" + file +
                                        ": table: \"unit\" must equal the file name (units)\n" +
                                        file + ": entries: \"a\" must map to a non-empty string");

  Result<std::unique_ptr<MappingSet>> missing = MappingSet::load(dir.file("nope"));
  ASSERT_FALSE(missing.isOk());
  EXPECT_EQ(missing.status().code(), StatusCode::NotFound);
}

} // namespace
} // namespace hotline::mapping
