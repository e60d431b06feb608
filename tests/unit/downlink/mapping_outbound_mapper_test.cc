// The downlink's mapping step: the instance's own outbound mapping, else its type's, else
// canonical JSON; XML and JSON content types; mapping errors.
#include "core/downlink/mapping_outbound_mapper.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace hotline::downlink {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

constexpr const char* kJsonOut = R"({"mapping": 1, "direction": "outbound", "kind": "ticket",
  "target": {"format": "json"},
  "fields": [
    {"to": "/ticketNo", "from": "/refs/[system=yucheng-12345]/number",
     "transforms": ["required"]},
    {"to": "/detail", "from": "/content"}
  ]})";

constexpr const char* kXmlOut = R"({"mapping": 1, "direction": "outbound", "kind": "ticket",
  "target": {"format": "xml", "namespaces": {"d": "urn:yucheng:dept"}},
  "fields": [
    {"to": "/d:Task/d:No", "from": "/refs/[system=yucheng-12345]/number"},
    {"to": "/d:Task/d:Content", "from": "/content", "cdata": true}
  ]})";

class MappingOutboundMapperTest : public ::testing::Test {
protected:
  MappingOutboundMapperTest() {
    dir_ = fs::temp_directory_path() /
           ("hotline-outbound-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    write("department/ticket.out.json", kJsonOut);
    write("dept-water/ticket.out.json", kXmlOut);
    Result<std::unique_ptr<mapping::MappingSet>> set = mapping::MappingSet::load(dir_.string());
    EXPECT_TRUE(set.isOk()) << set.status().toString();
    if (set.isOk()) {
      set_ = std::move(set).value();
    }
  }
  ~MappingOutboundMapperTest() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << text;
  }
  static store::OutboxRow ticketRow(const std::string& body) {
    store::OutboxRow row;
    row.id = 1;
    row.target = "dept-housing";
    row.ticket_id = "01JTESTTICKET0000000000000";
    row.kind = "ticket";
    row.content_type = "application/json";
    row.body = body;
    return row;
  }

  fs::path dir_;
  std::unique_ptr<mapping::MappingSet> set_;
};

const std::string kTicket = R"({"refs":[{"system":"yucheng-12345","number":"YC-7"}],)"
                            R"("channel":"phone","content":"路灯不亮","status":"assigned"})";

TEST_F(MappingOutboundMapperTest, TheTypesMappingServesInstancesWithoutTheirOwn) {
  ASSERT_NE(set_, nullptr);
  MappingOutboundMapper mapper(set_.get());
  Result<MappedOutbound> mapped =
      mapper.map({"dept-housing", "department", "", {}}, ticketRow(kTicket));
  ASSERT_TRUE(mapped.isOk()) << mapped.status().toString();
  EXPECT_EQ(mapped->content_type, "application/json");
  EXPECT_EQ(mapped->body, R"({"ticketNo":"YC-7","detail":"路灯不亮"})");
}

TEST_F(MappingOutboundMapperTest, AnInstancesOwnXmlMappingWins) {
  ASSERT_NE(set_, nullptr);
  MappingOutboundMapper mapper(set_.get());
  Result<MappedOutbound> mapped =
      mapper.map({"dept-water", "department", "", {}}, ticketRow(kTicket));
  ASSERT_TRUE(mapped.isOk()) << mapped.status().toString();
  EXPECT_EQ(mapped->content_type, "application/xml; charset=utf-8");
  EXPECT_THAT(mapped->body, HasSubstr("<d:No>YC-7</d:No>"));
  EXPECT_THAT(mapped->body, HasSubstr("<![CDATA[路灯不亮]]>"));
}

TEST_F(MappingOutboundMapperTest, TheFolderAnEntryNamesServesBeforeTheTypes) {
  ASSERT_NE(set_, nullptr);
  MappingOutboundMapper mapper(set_.get());
  // dept-zjj has no folder of its own; its entry names dept-water's (an XML profile).
  Result<MappedOutbound> mapped =
      mapper.map({"dept-zjj", "department", "dept-water", {}}, ticketRow(kTicket));
  ASSERT_TRUE(mapped.isOk()) << mapped.status().toString();
  EXPECT_EQ(mapped->content_type, "application/xml; charset=utf-8");
  EXPECT_THAT(mapped->body, HasSubstr("<d:No>YC-7</d:No>"));
}

TEST_F(MappingOutboundMapperTest, WithoutAMappingTheCanonicalRowGoesOut) {
  MappingOutboundMapper mapper(set_.get());
  store::OutboxRow event = ticketRow(R"({"type":"signed"})");
  event.kind = "event"; // no event.out.json anywhere
  Result<MappedOutbound> mapped = mapper.map({"dept-housing", "department", "", {}}, event);
  ASSERT_TRUE(mapped.isOk());
  EXPECT_EQ(mapped->body, R"({"type":"signed"})");
  EXPECT_EQ(mapped->content_type, "application/json");
  MappingOutboundMapper none(nullptr);
  EXPECT_EQ(none.map({"dept-housing", "department", "", {}}, ticketRow(kTicket))->body, kTicket);
}

TEST_F(MappingOutboundMapperTest, AMappingErrorNamesTheFileAndField) {
  ASSERT_NE(set_, nullptr);
  MappingOutboundMapper mapper(set_.get());
  Result<MappedOutbound> mapped =
      mapper.map({"dept-housing", "department", "", {}},
                 ticketRow(R"({"channel":"phone","content":"路灯不亮","status":"assigned"})"));
  ASSERT_FALSE(mapped.isOk());
  EXPECT_EQ(mapped.status().code(), StatusCode::InvalidArgument);
  EXPECT_THAT(mapped.status().message(), HasSubstr("department/ticket.out.json"));
  EXPECT_THAT(mapped.status().message(), HasSubstr("/ticketNo"));
}

} // namespace
} // namespace hotline::downlink
