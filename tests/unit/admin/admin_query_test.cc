// The admin API's query parameters: what each endpoint takes, and every refusal naming the
// endpoint, the parameter and what it expects.
#include "core/admin/admin_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::admin {
namespace {

using ::testing::HasSubstr;

TEST(AdminQueryTest, ReadsTheParametersAnEndpointTakes) {
  Result<AdminQuery> query =
      parseAdminQuery("GET /x", "after=42&limit=7&target=dept%20a&state=dead&all=true&ticket=T-1",
                      {"after", "limit", "target", "state", "all", "ticket"});
  ASSERT_TRUE(query.isOk()) << query.status().toString();
  EXPECT_EQ(query->after, 42);
  EXPECT_EQ(query->raw_limit, "7");
  EXPECT_EQ(query->target, "dept a");
  EXPECT_EQ(query->state, store::OutboxState::Dead);
  EXPECT_TRUE(query->all);
  EXPECT_EQ(query->ticket, "T-1");
  EXPECT_EQ(*pageLimit("GET /x", *query), 7u);
}

TEST(AdminQueryTest, AnEmptyQueryGivesTheDefaults) {
  Result<AdminQuery> query = parseAdminQuery("GET /x", "", {"after"});
  ASSERT_TRUE(query.isOk());
  EXPECT_EQ(query->after, 0);
  EXPECT_FALSE(query->state.has_value());
  EXPECT_FALSE(query->all);
  EXPECT_EQ(*pageLimit("GET /x", *query), 100u);
}

TEST(AdminQueryTest, RefusesWhatItCannotReadNamingEndpointAndParameter) {
  const std::pair<const char*, const char*> cases[] = {
      {"after=abc", "after=\"abc\" is not an id"},
      {"after=-3", "after=\"-3\" is not an id"},
      {"after=99999999999999999999", "is not an id"},
      {"state=gone", "state=\"gone\" is not an outbox state"},
      {"all=1", "all=\"1\" must be true or false"},
      {"colour=red", "no query parameter \"colour\" (it takes: after, limit, state, all)"},
      {"after=%G1", "\"after=%G1\" is not URL-encoded"}};
  for (const auto& [raw, why] : cases) {
    Result<AdminQuery> query =
        parseAdminQuery("GET /admin/v1/outbox", raw, {"after", "limit", "state", "all"});
    ASSERT_FALSE(query.isOk()) << raw;
    EXPECT_EQ(query.status().code(), StatusCode::InvalidArgument) << raw;
    EXPECT_THAT(query.status().message(), HasSubstr("GET /admin/v1/outbox: ")) << raw;
    EXPECT_THAT(query.status().message(), HasSubstr(why)) << raw;
  }
}

TEST(AdminQueryTest, PageLimitIsPositiveAndCappedAtAThousand) {
  for (const char* raw : {"0", "ten", "-1", "+5", " 5", "5 ", "1.5"}) {
    AdminQuery query;
    query.raw_limit = raw;
    Result<size_t> limit = pageLimit("GET /admin/v1/audit", query);
    ASSERT_FALSE(limit.isOk()) << raw;
    EXPECT_THAT(limit.status().message(), HasSubstr("GET /admin/v1/audit: limit=\"")) << raw;
  }
  AdminQuery query;
  query.raw_limit = "1000000";
  EXPECT_EQ(*pageLimit("GET /x", query), 1000u);
  query.raw_limit = "1";
  EXPECT_EQ(*pageLimit("GET /x", query), 1u);
}

TEST(AdminQueryTest, CountsAreDigitsOnlyWithoutOverflow) {
  EXPECT_EQ(parseCount("0"), 0u);
  EXPECT_EQ(parseCount("18446744073709551"), 18446744073709551u);
  EXPECT_FALSE(parseCount("").has_value());
  EXPECT_FALSE(parseCount("12a").has_value());
  EXPECT_FALSE(parseCount("99999999999999999999").has_value()); // 20 digits
}

} // namespace
} // namespace hotline::admin
