#include "core/model/lifecycle.h"

#include <gtest/gtest.h>

namespace hotline::model {
namespace {

using S = TicketStatus;
using E = EventType;

constexpr const char* kSurvivor = "01HV3K9A0B1C2D3E4F5G6H7J8K";

// Applies events in order from "does not exist", failing on the first illegal one.
LifecycleState walk(std::initializer_list<std::pair<E, EventFacts>> events) {
  std::optional<LifecycleState> state;
  for (const auto& [event, facts] : events) {
    Result<LifecycleState> next = advanceLifecycle(state, event, facts);
    EXPECT_TRUE(next.isOk()) << enumName(event) << ": " << next.status().toString();
    if (!next.isOk()) {
      break;
    }
    state = *next;
  }
  return state.value_or(LifecycleState{});
}

TEST(ModelLifecycle, ResultBeforeSignInNamesTheRule) {
  const LifecycleVerdict verdict = evaluate({S::Assigned, false}, E::ResultSubmitted);
  EXPECT_FALSE(verdict.legal);
  EXPECT_EQ(verdict.rule, "L-RESULT-SUBMIT");
  EXPECT_EQ(verdict.reason,
            "result_submitted requires the ticket to be signed first (status is assigned)");
  const Status status = verdictStatus(verdict);
  EXPECT_EQ(status.code(), StatusCode::Conflict);
  EXPECT_EQ(status.message(), "L-RESULT-SUBMIT: result_submitted requires the ticket to be "
                              "signed first (status is assigned)");
  EXPECT_EQ(verdict.next, (LifecycleState{S::Assigned, false})); // nothing changes
}

TEST(ModelLifecycle, TheMainPathAndTheDirectAnswer) {
  EXPECT_EQ(walk({{E::Created, {}},
                  {E::Accepted, {}},
                  {E::Assigned, {}},
                  {E::Signed, {}},
                  {E::Progress, {}},
                  {E::ResultSubmitted, {}},
                  {E::ResultReviewed, {}},
                  {E::Revisited, {}},
                  {E::Closed, {}}}),
            (LifecycleState{S::Closed, false}));
  EXPECT_EQ(walk({{E::Created, {}}, {E::Accepted, {}}, {E::Closed, {}}}),
            (LifecycleState{S::Closed, false}));
}

TEST(ModelLifecycle, EscalationAndDispatchDown) {
  EXPECT_EQ(walk({{E::Created, {}}, {E::Escalated, {}}, {E::Closed, {}}}).status, S::Closed);
  EXPECT_EQ(walk({{E::Created, {}}, {E::Escalated, {}}, {E::DispatchedDown, {}}}).status,
            S::Assigned);
  EXPECT_EQ(evaluate({S::Escalated, false}, E::Assigned).rule, "L-ASSIGN");
}

TEST(ModelLifecycle, ExtensionIsRequestedOnceAndDecidedOnce) {
  LifecycleVerdict requested = evaluate({S::Signed, false}, E::ExtensionRequested);
  ASSERT_TRUE(requested.legal);
  EXPECT_EQ(requested.next, (LifecycleState{S::Signed, true}));

  LifecycleVerdict again = evaluate(requested.next, E::ExtensionRequested);
  EXPECT_FALSE(again.legal);
  EXPECT_EQ(again.rule, "L-EXTENSION-ONE-PENDING");

  LifecycleVerdict progress = evaluate(requested.next, E::Progress);
  ASSERT_TRUE(progress.legal);
  EXPECT_EQ(progress.next, (LifecycleState{S::InProgress, true})); // the request stays pending

  LifecycleVerdict decided = evaluate(progress.next, E::ExtensionDecided);
  ASSERT_TRUE(decided.legal);
  EXPECT_EQ(decided.next, (LifecycleState{S::InProgress, false}));
}

TEST(ModelLifecycle, ExtensionDecidedWithoutARequestIsIllegal) {
  const LifecycleVerdict verdict = evaluate({S::InProgress, false}, E::ExtensionDecided);
  EXPECT_FALSE(verdict.legal);
  EXPECT_EQ(verdict.rule, "L-EXTENSION-DECIDE");
  EXPECT_EQ(verdict.reason, "extension_decided requires a pending extension request");
  EXPECT_EQ(verdictStatus(verdict).code(), StatusCode::Conflict);
}

TEST(ModelLifecycle, ReturnDecidedGoesEitherWayAndNeedsAnAnswer) {
  const LifecycleState pending{S::ReturnRequested, false};
  EXPECT_EQ(evaluate(pending, E::ReturnDecided, {true, {}}).next.status, S::Accepted);
  EXPECT_EQ(evaluate(pending, E::ReturnDecided, {false, {}}).next.status, S::Assigned);
  const LifecycleVerdict missing = evaluate(pending, E::ReturnDecided, {});
  EXPECT_FALSE(missing.legal);
  EXPECT_EQ(missing.rule, "L-RETURN-DECIDE-APPROVAL");
  EXPECT_NE(missing.reason.find("data.approved"), std::string::npos);
  // The status rule is checked before the facts.
  EXPECT_EQ(evaluate({S::Signed, false}, E::ReturnDecided, {true, {}}).rule, "L-RETURN-DECIDE");
}

TEST(ModelLifecycle, ResultReviewApprovesByDefaultAndRejectsBackToHandling) {
  const LifecycleState submitted{S::ResultSubmitted, false};
  EXPECT_EQ(evaluate(submitted, E::ResultReviewed).next.status, S::ResultReviewed);
  EXPECT_EQ(evaluate(submitted, E::ResultReviewed, {true, {}}).next.status, S::ResultReviewed);
  EXPECT_EQ(evaluate(submitted, E::ResultReviewed, {false, {}}).next.status, S::InProgress);
}

TEST(ModelLifecycle, MergedRequiresTheSurvivorAndIsTerminal) {
  const LifecycleVerdict missing = evaluate({S::Accepted, false}, E::Merged);
  EXPECT_FALSE(missing.legal);
  EXPECT_EQ(missing.rule, "L-MERGE-TARGET");

  const LifecycleVerdict merged = evaluate({S::Accepted, false}, E::Merged, {{}, kSurvivor});
  ASSERT_TRUE(merged.legal);
  EXPECT_EQ(merged.next.status, S::Merged);
  for (E event : enumValues<E>()) {
    EXPECT_FALSE(evaluate(merged.next, event, {true, kSurvivor}).legal) << enumName(event);
  }
}

TEST(ModelLifecycle, ClosedTicketsTakeOnlyCommentsAndReopening) {
  const LifecycleState closed{S::Closed, false};
  EXPECT_TRUE(evaluate(closed, E::Comment).legal);
  EXPECT_EQ(evaluate(closed, E::Reopened).next.status, S::Reopened);
  EXPECT_EQ(evaluate(closed, E::Urged).rule, "L-URGE");
  EXPECT_FALSE(evaluate(closed, E::Urged).legal);
  EXPECT_EQ(walk({{E::Created, {}},
                  {E::Accepted, {}},
                  {E::Closed, {}},
                  {E::Reopened, {}},
                  {E::Assigned, {}}})
                .status,
            S::Assigned);
}

TEST(ModelLifecycle, UnknownTicketsAcceptOnlyCreated) {
  const LifecycleVerdict created = evaluateForUnknownTicket(E::Created);
  EXPECT_TRUE(created.legal);
  EXPECT_EQ(created.rule, "L-CREATE");
  EXPECT_EQ(created.next, (LifecycleState{S::Submitted, false}));
  EXPECT_FALSE(requiresExistingTicket(E::Created));

  for (E event : enumValues<E>()) {
    if (event == E::Created) {
      continue;
    }
    EXPECT_TRUE(requiresExistingTicket(event));
    const LifecycleVerdict verdict = evaluateForUnknownTicket(event);
    EXPECT_FALSE(verdict.legal);
    EXPECT_EQ(verdict.rule, kUnknownTicketRule);
    EXPECT_EQ(verdictStatus(verdict).code(), StatusCode::NotFound) << enumName(event);
  }
  Result<LifecycleState> signed_unknown = advanceLifecycle(std::nullopt, E::Signed);
  ASSERT_FALSE(signed_unknown.isOk());
  EXPECT_EQ(signed_unknown.status().message(),
            "L-TICKET-UNKNOWN: signed needs an existing ticket, and none is known");
}

TEST(ModelLifecycle, CreatedForAnExistingTicketIsAConflict) {
  Result<LifecycleState> again = advanceLifecycle(LifecycleState{S::Accepted, false}, E::Created);
  ASSERT_FALSE(again.isOk());
  EXPECT_EQ(again.status().code(), StatusCode::Conflict);
  EXPECT_EQ(again.status().message(), "L-CREATE: created applies only to a ticket that does not "
                                      "exist yet (status is accepted)");
}

TEST(ModelLifecycle, LegalVerdictsDescribeTheTransition) {
  const LifecycleVerdict verdict = evaluate({S::Assigned, false}, E::Signed);
  EXPECT_TRUE(verdict.legal);
  EXPECT_EQ(verdict.rule, "L-SIGN");
  EXPECT_EQ(verdict.reason, "assigned -> signed");
  EXPECT_TRUE(verdictStatus(verdict).isOk());
}

} // namespace
} // namespace hotline::model
