#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/model/event_type.h"
#include "core/model/record_enums.h"
#include "core/model/ticket_enums.h"

namespace hotline::model {
namespace {

// The tables are usable in constant expressions (the lifecycle table relies on it).
static_assert(findEnum<TicketStatus>("in_progress") == TicketStatus::InProgress);
static_assert(!findEnum<TicketStatus>("done").has_value());
static_assert(enumName(Satisfaction::BasicallySatisfied) == "basically_satisfied");

// Checks one enum's table: canonical lower_snake_case names, unique names and values,
// name/parse agreeing both ways, and a label for every value.
template <ModelEnum E>
void expectWellFormedTable() {
  SCOPED_TRACE(std::string(EnumTraits<E>::kTypeName));
  const std::regex snake("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
  std::set<std::string_view> names;
  std::set<E> values;
  for (const auto& entry : EnumTraits<E>::kEntries) {
    EXPECT_TRUE(std::regex_match(std::string(entry.name), snake)) << entry.name;
    EXPECT_TRUE(names.insert(entry.name).second) << "duplicate " << entry.name;
    EXPECT_TRUE(values.insert(entry.value).second) << "duplicate value for " << entry.name;
    EXPECT_FALSE(entry.label.empty()) << entry.name;
    EXPECT_EQ(enumName(entry.value), entry.name);
    Result<E> parsed = parseEnum<E>(entry.name);
    ASSERT_TRUE(parsed.isOk());
    EXPECT_EQ(*parsed, entry.value);
  }
  EXPECT_EQ(enumValues<E>().size(), EnumTraits<E>::kEntries.size());
  EXPECT_EQ(enumNames<E>().size(), names.size());
}

TEST(ModelEnums, EveryTableIsWellFormed) {
  expectWellFormedTable<Channel>();
  expectWellFormedTable<CategoryType>();
  expectWellFormedTable<Urgency>();
  expectWellFormedTable<Confidentiality>();
  expectWellFormedTable<HandlingMode>();
  expectWellFormedTable<Satisfaction>();
  expectWellFormedTable<TicketStatus>();
  expectWellFormedTable<ReviewStatus>();
  expectWellFormedTable<RevisitMethod>();
  expectWellFormedTable<EventType>();
  expectWellFormedTable<CallDirection>();
  expectWellFormedTable<ListKind>();
  expectWellFormedTable<ArticleStatus>();
}

TEST(ModelEnums, ValueListsAreTheSpecifiedOnes) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(enumNames<Channel>(), (V{"phone", "web", "app", "wechat", "sms", "email", "province",
                                     "city", "county", "department", "legacy", "other"}));
  EXPECT_EQ(enumNames<CategoryType>(),
            (V{"consult", "help", "complaint", "report", "suggestion", "praise", "other"}));
  EXPECT_EQ(enumNames<Urgency>(), (V{"normal", "urgent", "critical"}));
  EXPECT_EQ(enumNames<Confidentiality>(), (V{"public", "confidential"}));
  EXPECT_EQ(enumNames<HandlingMode>(), (V{"direct_answer", "dispatch"}));
  EXPECT_EQ(enumNames<Satisfaction>(),
            (V{"satisfied", "basically_satisfied", "dissatisfied", "not_evaluated"}));
  EXPECT_EQ(enumNames<TicketStatus>(),
            (V{"submitted", "accepted", "assigned", "signed", "in_progress", "return_requested",
               "result_submitted", "result_reviewed", "revisited", "closed", "escalated",
               "reopened", "merged"}));
  EXPECT_EQ(enumNames<EventType>().size(), 23U);
  EXPECT_EQ(enumName(EventType::DispatchedDown), "dispatched_down");
  EXPECT_EQ(enumName(EventType::LeaderInstructed), "leader_instructed");
}

TEST(ModelEnums, ParseIsExactAndExplainsTheChoices) {
  Result<Urgency> bad = parseEnum<Urgency>("asap");
  ASSERT_FALSE(bad.isOk());
  EXPECT_EQ(bad.status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(bad.status().message(), "\"asap\" is not one of normal, urgent, critical");
  EXPECT_FALSE(parseEnum<Urgency>("Urgent").isOk()); // no case folding
  EXPECT_FALSE(parseEnum<Urgency>(" urgent").isOk());
  EXPECT_FALSE(parseEnum<CategoryType>("投诉").isOk()); // labels are not spellings
  EXPECT_EQ(enumLabel(CategoryType::Complaint), "投诉");
}

} // namespace
} // namespace hotline::model
