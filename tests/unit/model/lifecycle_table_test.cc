// The lifecycle table checked cell by cell (every event in every status) against the rules as
// DESIGN.md §3.3 and the model brief state them, written out independently here.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "core/model/lifecycle.h"

namespace hotline::model {
namespace {

using S = TicketStatus;
using E = EventType;

struct Expectation {
  std::string rule;
  std::set<S> from;
  std::optional<S> to; // nullopt: the status stays as it was
};

std::set<S> allStatusesExcept(std::set<S> excluded) {
  std::set<S> out;
  for (S status : enumValues<S>()) {
    if (!excluded.contains(status)) {
      out.insert(status);
    }
  }
  return out;
}

const std::map<E, Expectation>& specification() {
  static const std::map<E, Expectation> kSpec = {
      {E::Created, {"L-CREATE", {}, S::Submitted}},
      {E::Accepted, {"L-ACCEPT", {S::Submitted}, S::Accepted}},
      {E::Assigned, {"L-ASSIGN", {S::Accepted, S::Reopened}, S::Assigned}},
      {E::Escalated, {"L-ESCALATE", {S::Submitted, S::Accepted}, S::Escalated}},
      {E::DispatchedDown, {"L-DISPATCH-DOWN", {S::Accepted, S::Escalated}, S::Assigned}},
      {E::Signed, {"L-SIGN", {S::Assigned}, S::Signed}},
      {E::Progress, {"L-PROGRESS", {S::Signed, S::InProgress}, S::InProgress}},
      {E::ExtensionRequested, {"L-EXTENSION-REQUEST", {S::Signed, S::InProgress}, std::nullopt}},
      {E::ExtensionDecided, {"L-EXTENSION-DECIDE", allStatusesExcept({}), std::nullopt}},
      {E::ReturnRequested,
       {"L-RETURN-REQUEST", {S::Assigned, S::Signed, S::InProgress}, S::ReturnRequested}},
      {E::ReturnDecided, {"L-RETURN-DECIDE", {S::ReturnRequested}, S::Accepted}},
      {E::Reassigned,
       {"L-REASSIGN",
        {S::Accepted, S::Assigned, S::Signed, S::InProgress, S::ReturnRequested},
        S::Assigned}},
      {E::ResultSubmitted, {"L-RESULT-SUBMIT", {S::Signed, S::InProgress}, S::ResultSubmitted}},
      {E::ResultReviewed, {"L-RESULT-REVIEW", {S::ResultSubmitted}, S::ResultReviewed}},
      {E::Revisited, {"L-REVISIT", {S::ResultReviewed, S::Revisited}, S::Revisited}},
      {E::Urged, {"L-URGE", allStatusesExcept({S::Closed, S::Merged}), std::nullopt}},
      {E::Supervised, {"L-SUPERVISE", allStatusesExcept({S::Closed, S::Merged}), std::nullopt}},
      {E::Inspected, {"L-INSPECT", allStatusesExcept({S::Closed, S::Merged}), std::nullopt}},
      {E::LeaderInstructed,
       {"L-LEADER-INSTRUCT", allStatusesExcept({S::Closed, S::Merged}), std::nullopt}},
      {E::Reopened, {"L-REOPEN", {S::ResultReviewed, S::Revisited, S::Closed}, S::Reopened}},
      {E::Merged, {"L-MERGE", allStatusesExcept({S::Closed, S::Merged}), S::Merged}},
      {E::Closed,
       {"L-CLOSE", {S::Accepted, S::Escalated, S::ResultReviewed, S::Revisited}, S::Closed}},
      {E::Comment, {"L-COMMENT", allStatusesExcept({S::Merged}), std::nullopt}},
  };
  return kSpec;
}

TEST(ModelLifecycleTable, EveryEventTypeHasExactlyOneRow) {
  std::map<E, int> rows;
  for (const LifecycleRow& row : lifecycleTable()) {
    ++rows[row.event];
  }
  for (E event : enumValues<E>()) {
    EXPECT_EQ(rows[event], 1) << enumName(event);
  }
  EXPECT_EQ(lifecycleTable().size(), enumValues<E>().size());
}

TEST(ModelLifecycleTable, RulesAreUniqueWellFormedAndExplained) {
  const std::regex rule_id("^L-[A-Z]+(-[A-Z]+)*$");
  std::set<std::string_view> rules;
  for (const LifecycleRow& row : lifecycleTable()) {
    SCOPED_TRACE(std::string(enumName(row.event)));
    EXPECT_TRUE(std::regex_match(std::string(row.rule), rule_id)) << row.rule;
    EXPECT_TRUE(rules.insert(row.rule).second) << "rule reused: " << row.rule;
    EXPECT_EQ(row.requirement.rfind(enumName(row.event), 0), 0U) << row.requirement;
    if (row.precondition != LifecyclePrecondition::None) {
      EXPECT_TRUE(std::regex_match(std::string(row.precondition_rule), rule_id));
      EXPECT_FALSE(row.precondition_reason.empty());
    }
  }
}

TEST(ModelLifecycleTable, EveryEventInEveryStatusFollowsTheSpecification) {
  // Facts that satisfy every precondition, so only the from-status decides here.
  const EventFacts facts{true, "01HV3K9A0B1C2D3E4F5G6H7J8K"};
  for (E event : enumValues<E>()) {
    const Expectation& expected = specification().at(event);
    for (S status : enumValues<S>()) {
      SCOPED_TRACE(std::string(enumName(event)) + " in " + std::string(enumName(status)));
      const LifecycleState state{status, event == E::ExtensionDecided};
      const LifecycleVerdict verdict = evaluate(state, event, facts);
      EXPECT_EQ(verdict.rule, expected.rule);
      if (!expected.from.contains(status)) {
        EXPECT_FALSE(verdict.legal);
        EXPECT_EQ(verdict.next, state);
        EXPECT_NE(verdict.reason.find("(status is " + std::string(enumName(status)) + ")"),
                  std::string::npos)
            << verdict.reason;
        continue;
      }
      ASSERT_TRUE(verdict.legal) << verdict.reason;
      EXPECT_EQ(verdict.next.status, expected.to.value_or(status));
    }
  }
}

TEST(ModelLifecycleTable, StatusSetsListTheirMembers) {
  const LifecycleRow* close = findLifecycleRow(E::Closed);
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->from.statuses(),
            (std::vector<S>{S::Accepted, S::ResultReviewed, S::Revisited, S::Escalated}));
  EXPECT_TRUE(findLifecycleRow(E::Created)->from.empty());
  EXPECT_EQ(StatusSet::all().statuses().size(), enumValues<S>().size());
}

} // namespace
} // namespace hotline::model
