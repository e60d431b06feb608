// The submit path's mapping step: which mapping file a message gets, canonical JSON when
// there is none, and the errors of a mapping that fails or produces an invalid ticket.
#include "core/pipeline/mapping_mapper.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace hotline::pipeline {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

std::string ticketMapping(const std::string& system) {
  return R"({"mapping": 1, "direction": "inbound", "kind": "ticket",
  "source": {"format": "json"},
  "fields": [
    {"to": "/refs/0/system", "value": ")" +
         system + R"("},
    {"to": "/refs/0/number", "from": "/no", "transforms": ["trim", "required"]},
    {"to": "/channel", "from": "/via"},
    {"to": "/content", "from": "/text"},
    {"to": "/status", "value": "submitted"}
  ]})";
}

class MappingMapperTest : public ::testing::Test {
protected:
  MappingMapperTest() {
    dir_ = fs::temp_directory_path() /
           ("hotline-mapping-mapper-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    write("department/ticket.json", ticketMapping("department-generic"));
    write("dept-housing/ticket.json", ticketMapping("dept-housing"));
  }
  ~MappingMapperTest() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << text;
  }
  std::unique_ptr<mapping::MappingSet> load() {
    Result<std::unique_ptr<mapping::MappingSet>> set = mapping::MappingSet::load(dir_.string());
    EXPECT_TRUE(set.isOk()) << set.status().toString();
    return set.isOk() ? std::move(set).value() : nullptr;
  }
  static InboundMessage message(std::string source, std::string body) {
    InboundMessage inbound;
    inbound.source = std::move(source);
    inbound.connector_type = "department";
    inbound.kind = "ticket";
    inbound.content_type = "application/json";
    inbound.body = std::move(body);
    return inbound;
  }

  fs::path dir_;
};

TEST_F(MappingMapperTest, TheInstancesOwnMappingComesBeforeItsTypes) {
  auto set = load();
  ASSERT_NE(set, nullptr);
  MappingMapper mapper(set.get());
  const std::string body = R"({"no":" FG-1 ","via":"department","text":"楼道灯坏了"})";
  Result<MappedMessage> housing = mapper.map(message("dept-housing", body));
  ASSERT_TRUE(housing.isOk()) << housing.status().toString();
  ASSERT_TRUE(housing->ticket.has_value());
  ASSERT_EQ(housing->ticket->refs.size(), 1u);
  EXPECT_EQ(housing->ticket->refs[0].system, "dept-housing");
  EXPECT_EQ(housing->ticket->refs[0].number, "FG-1");
  EXPECT_EQ(housing->ticket->content, "楼道灯坏了");

  Result<MappedMessage> water = mapper.map(message("dept-water", body));
  ASSERT_TRUE(water.isOk()) << water.status().toString();
  EXPECT_EQ(water->ticket->refs[0].system, "department-generic");
}

TEST_F(MappingMapperTest, WithoutAMappingTheBodyIsReadAsCanonicalJson) {
  auto set = load();
  MappingMapper mapper(set.get());
  InboundMessage canonical = message("intake", R"({"channel":"web","content":"噪音扰民",)"
                                               R"("status":"submitted"})");
  canonical.connector_type = "example";
  Result<MappedMessage> mapped = mapper.map(canonical);
  ASSERT_TRUE(mapped.isOk()) << mapped.status().toString();
  EXPECT_EQ(mapped->ticket->content, "噪音扰民");

  MappingMapper none(nullptr); // no mappings directory at all
  EXPECT_TRUE(none.map(canonical).isOk());
}

TEST_F(MappingMapperTest, TheMappingsRunErrorsComeBackAsTheyAre) {
  auto set = load();
  MappingMapper mapper(set.get());
  Result<MappedMessage> mapped = mapper.map(message("dept-housing", R"({"via":"department"})"));
  ASSERT_FALSE(mapped.isOk());
  EXPECT_EQ(mapped.status().code(), StatusCode::InvalidArgument);
  EXPECT_THAT(mapped.status().message(), HasSubstr("dept-housing/ticket.json"));
  EXPECT_THAT(mapped.status().message(), HasSubstr("/refs/0/number"));
}

TEST_F(MappingMapperTest, AnInvalidTicketFromAMappingNamesTheMapping) {
  auto set = load();
  MappingMapper mapper(set.get());
  // The mapping copies /via as it is; "fax" is no canonical channel.
  Result<MappedMessage> mapped =
      mapper.map(message("dept-housing", R"({"no":"FG-2","via":"fax","text":"x"})"));
  ASSERT_FALSE(mapped.isOk());
  EXPECT_EQ(mapped.status().code(), StatusCode::InvalidArgument);
  EXPECT_THAT(mapped.status().message(), HasSubstr("dept-housing/ticket.json"));
  EXPECT_THAT(mapped.status().message(), HasSubstr("/channel"));
}

TEST_F(MappingMapperTest, AReloadedMappingIsUsedForTheNextMessage) {
  auto set = load();
  MappingMapper mapper(set.get());
  const std::string body = R"({"no":"FG-3","via":"department","text":"x"})";
  EXPECT_EQ(mapper.map(message("dept-housing", body))->ticket->refs[0].system, "dept-housing");
  write("dept-housing/ticket.json", ticketMapping("dept-housing-v2"));
  ASSERT_TRUE(set->reload().isOk());
  EXPECT_EQ(mapper.map(message("dept-housing", body))->ticket->refs[0].system, "dept-housing-v2");
}

} // namespace
} // namespace hotline::pipeline
