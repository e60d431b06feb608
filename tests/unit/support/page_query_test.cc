// Paged reads' queries (hotline/support/page_query.h): the department's task list and the
// exchange's feed.

#include "hotline/support/page_query.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hotline::support {
namespace {

TEST(PageQuery, DefaultsAndValuesInAnyOrder) {
  PageQueryRules rules;
  rules.default_limit = 50;
  Result<PageQuery> empty = parsePageQuery("", rules);
  ASSERT_TRUE(empty.isOk());
  EXPECT_EQ(empty->since, 0u);
  EXPECT_EQ(empty->limit, 50u);
  Result<PageQuery> given = parsePageQuery("limit=20&x=1&since=41", rules);
  ASSERT_TRUE(given.isOk());
  EXPECT_EQ(given->since, 41u);
  EXPECT_EQ(given->limit, 20u);
}

TEST(PageQuery, ALimitAboveTheMaximumIsLowered) {
  PageQueryRules rules;
  rules.max_limit = 500;
  EXPECT_EQ(parsePageQuery("limit=9999", rules)->limit, 500u);
  EXPECT_EQ(parsePageQuery("limit=99999999999999999999999", rules).status().message(),
            "limit: must be a number from 1 to 500");
}

TEST(PageQuery, RefusalsNameTheParameterAndTheCursor) {
  PageQueryRules rules;
  rules.cursor = "a task seq";
  EXPECT_EQ(parsePageQuery("since=-1", rules).status().message(),
            "since: must be a task seq (decimal digits), as given in next");
  EXPECT_EQ(parsePageQuery("since=", rules).status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(parsePageQuery("limit=0", rules).status().message(),
            "limit: must be a number from 1 to 500");
  EXPECT_FALSE(parsePageQuery("limit", rules).isOk());
}

TEST(PageQuery, AnEmptySinceIsTheStartWhereTheRulesSaySo) {
  PageQueryRules rules;
  rules.empty_since_is_start = true;
  Result<PageQuery> first = parsePageQuery("since=&limit=3", rules);
  ASSERT_TRUE(first.isOk());
  EXPECT_EQ(first->since, 0u);
  EXPECT_EQ(first->limit, 3u);
  EXPECT_FALSE(parsePageQuery("since=abc", rules).isOk());
}

TEST(PageQuery, OtherParametersGoToTheReaderWhoseErrorEndsTheParse) {
  std::vector<std::string> seen;
  QueryParamReader reader = [&seen](std::string_view name, std::string_view value) {
    seen.push_back(std::string(name) + "=" + std::string(value));
    return value == "bad" ? invalidArgument("status: bad") : Status::ok();
  };
  EXPECT_TRUE(parsePageQuery("status=new&since=1&flag", {}, reader).isOk());
  EXPECT_EQ(seen, (std::vector<std::string>{"status=new", "flag="}));
  EXPECT_EQ(parsePageQuery("status=bad&since=x", {}, reader).status().message(), "status: bad");
}

TEST(PageQuery, DecimalsAreDigitsOnly) {
  EXPECT_EQ(parseDecimal("0"), 0u);
  EXPECT_EQ(parseDecimal("18446744073709551615"), UINT64_MAX);
  for (const char* text : {"", "+1", "-1", " 1", "1 ", "0x1", "18446744073709551616"}) {
    EXPECT_FALSE(parseDecimal(text).has_value()) << text;
  }
}

} // namespace
} // namespace hotline::support
