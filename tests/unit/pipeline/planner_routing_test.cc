// Routing between hotline platforms and departments (planner_routing.cc): a new holder gets
// the ticket's snapshot before the event, peer platforms ("sync" instances) follow every
// action on the tickets exchanged with them, and a node that escalated a ticket records the
// upper level's actions without letting them move its own lifecycle.
#include "core/pipeline/durable_submitter.h"
#include "tests/support/child_process.h"
#include "tests/unit/pipeline/recording_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <thread>

namespace hotline::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ticketBody(const std::string& number, const std::string& status) {
  return R"({"refs":[{"system":"yucheng-12345","number":")" + number +
         R"("}],"channel":"phone","content":"路灯不亮","status":")" + status + R"("})";
}

std::string eventBody(const std::string& number, const std::string& type) {
  return R"({"ticket":{"system":"yucheng-12345","number":")" + number + R"("},"type":")" + type +
         R"(","at":"2026-11-28T10:00:00+08:00"})";
}

class PlannerRoutingTest : public ::testing::Test {
protected:
  void SetUp() override { committer_.start(); }
  void TearDown() override { committer_.stop(); }

  Result<SubmitOutcome> submit(const std::string& source, const std::string& kind,
                               const std::string& body, const std::string& key,
                               std::vector<std::string> targets = {}, bool to_holders = false) {
    InboundMessage message;
    message.source = source;
    message.kind = kind;
    message.content_type = "application/json";
    message.body = body;
    message.idempotency_key = key;
    message.targets = std::move(targets);
    message.route_to_holders = to_holders;
    return submitter_.submit(message);
  }

  // Runs each submit on a thread of its own, queued in the given order behind a first
  // submit held at the store's gate, so that all of them are planned in one batch.
  std::vector<Result<SubmitOutcome>>
  inOneBatch(const std::vector<std::function<Result<SubmitOutcome>()>>& submits) {
    const size_t calls_before = store_.entered();
    store_.gate();
    std::vector<std::optional<Result<SubmitOutcome>>> outcomes(submits.size() + 1);
    std::vector<std::thread> threads;
    threads.emplace_back([&] {
      outcomes[0] = submit("core-platform", "ticket", ticketBody("HOLD", "assigned"), "hold");
    });
    store_.waitEntered(calls_before + 1);
    for (size_t i = 0; i < submits.size(); ++i) {
      threads.emplace_back([&, i] { outcomes[i + 1] = submits[i](); });
      EXPECT_TRUE(hotline::testing::waitFor([&] { return committer_.queued() == i + 1; },
                                            std::chrono::seconds(20),
                                            std::chrono::milliseconds(1)));
    }
    store_.open();
    for (std::thread& thread : threads) {
      thread.join();
    }
    EXPECT_TRUE(outcomes[0]->isOk());
    EXPECT_EQ(store_.waitCalls(calls_before + 2).back().inbound,
              submits.size()); // planned in one batch
    std::vector<Result<SubmitOutcome>> results;
    for (size_t i = 1; i < outcomes.size(); ++i) {
      results.push_back(std::move(*outcomes[i]));
    }
    return results;
  }

  // "kind->target" of every outbox row of the ticket, in id order.
  std::vector<std::string> rowsOf(const std::string& ticket_id) {
    std::vector<std::string> rows;
    auto stored = store_.outboxOfTicket(ticket_id);
    if (stored) {
      for (const auto& row : *stored) {
        rows.push_back(row.kind + "->" + row.target);
      }
    }
    return rows;
  }

  RecordingStore store_;
  GroupCommitter committer_{store_, GroupCommitter::Options{.sync_instances = {"city", "county"}},
                            [](std::vector<store::OutboxRow>) {}};
  CanonicalMapper mapper_;
  DurableSubmitter submitter_{mapper_, committer_};
};

TEST_F(PlannerRoutingTest, ANewHolderGetsTheTicketBeforeTheEvent) {
  auto ticket =
      submit("core-platform", "ticket", ticketBody("YC-1", "assigned"), "t-1", {"dept-a"});
  ASSERT_TRUE(ticket.isOk()) << ticket.status().toString();
  // A reassignment to dept-b, as the downlink endpoint routes it: the new unit's instance plus
  // the holders.
  auto moved =
      submit("core-platform", "event", eventBody("YC-1", "reassigned"), "e-1", {"dept-b"}, true);
  ASSERT_TRUE(moved.isOk()) << moved.status().toString();
  EXPECT_THAT(rowsOf(ticket->ticket_id),
              ElementsAre("ticket->dept-a", "ticket->dept-b", "event->dept-b", "event->dept-a"));
  // The snapshot is the ticket as stored, for the same ticket.
  auto rows = store_.outboxOfTicket(ticket->ticket_id);
  ASSERT_TRUE(rows.isOk());
  EXPECT_EQ((*rows)[1].body, (*rows)[0].body);
  EXPECT_NE((*rows)[1].idempotency_key, (*rows)[0].idempotency_key);
  // The core platform sent the event without an id: the gateway issued one, the same in the
  // rows of both targets, for peers that de-duplicate by it.
  EXPECT_THAT((*rows)[2].body, HasSubstr("\"event_id\":\"ev-"));
  EXPECT_EQ((*rows)[2].body, (*rows)[3].body);
  // dept-b holds it now; dept-a may no longer act on it, and is no longer told of it.
  InboundMessage from_a;
  from_a.source = "dept-a";
  from_a.kind = "event";
  from_a.content_type = "application/json";
  from_a.body = eventBody("YC-1", "signed");
  from_a.idempotency_key = "cb-a";
  from_a.scope_units = {"A"};
  auto refused = submitter_.submit(from_a);
  ASSERT_FALSE(refused.isOk());
  EXPECT_EQ(refused.status().code(), StatusCode::PermissionDenied);
  EXPECT_THAT(refused.status().message(), HasSubstr("no longer"));
  ASSERT_TRUE(submit("core-platform", "event", eventBody("YC-1", "urged"), "e-urge", {}, true));
  EXPECT_EQ(rowsOf(ticket->ticket_id).back(), "event->dept-b");
  EXPECT_EQ(rowsOf(ticket->ticket_id).size(), 5u);
}

TEST_F(PlannerRoutingTest, ATicketAndItsReassignmentInOneBatchGiveTheNewHolderTheTicket) {
  std::vector<Result<SubmitOutcome>> outcomes = inOneBatch({
      [&] {
        return submit("core-platform", "ticket", ticketBody("YC-2", "assigned"), "t-2", {"dept-a"});
      },
      [&] {
        return submit("core-platform", "event", eventBody("YC-2", "reassigned"), "e-2", {"dept-b"},
                      true);
      },
  });
  ASSERT_TRUE(outcomes[0].isOk() && outcomes[1].isOk()) << outcomes[1].status().toString();
  // As if they had come in two batches: dept-b gets the ticket (the batch's own snapshot)
  // before the event, and dept-a, which got it in this batch, gets no second copy.
  EXPECT_THAT(rowsOf(outcomes[0]->ticket_id),
              ElementsAre("ticket->dept-a", "ticket->dept-b", "event->dept-b", "event->dept-a"));
}

TEST_F(PlannerRoutingTest, TwoEventsInOneBatchSendTheNewHolderOneSnapshot) {
  auto ticket =
      submit("core-platform", "ticket", ticketBody("YC-3", "assigned"), "t-3", {"dept-a"});
  ASSERT_TRUE(ticket.isOk()) << ticket.status().toString();
  std::vector<Result<SubmitOutcome>> outcomes = inOneBatch({
      [&] {
        return submit("core-platform", "event", eventBody("YC-3", "reassigned"), "e-3", {"dept-b"},
                      true);
      },
      [&] {
        return submit("core-platform", "event", eventBody("YC-3", "urged"), "e-3u", {}, true);
      },
  });
  ASSERT_TRUE(outcomes[0].isOk() && outcomes[1].isOk()) << outcomes[1].status().toString();
  // The urge goes to dept-b, which has the ticket from the reassignment's rows of this batch.
  EXPECT_THAT(rowsOf(ticket->ticket_id),
              ElementsAre("ticket->dept-a", "ticket->dept-b", "event->dept-b", "event->dept-a",
                          "event->dept-b"));
}

TEST_F(PlannerRoutingTest, APeerPlatformFollowsEveryActionButIsNotSentItsOwnTicketBack) {
  // The city node: the county escalated the ticket through its exchange instance.
  auto escalated = submit("county", "ticket", ticketBody("YC-2", "submitted"), "t-2");
  ASSERT_TRUE(escalated.isOk()) << escalated.status().toString();
  const std::string id = escalated->ticket_id;
  ASSERT_TRUE(submit("core-platform", "event", eventBody("YC-2", "accepted"), "e-2", {}, true));
  // An uplink action of another source (a department's system) goes to the core platform and
  // to the county.
  ASSERT_TRUE(submit("intake", "event", eventBody("YC-2", "urged"), "e-3"));
  // The county's own actions go to the core platform only, not back to the county.
  ASSERT_TRUE(submit("county", "event", eventBody("YC-2", "comment"), "e-4"));
  EXPECT_THAT(rowsOf(id), ElementsAre("ticket->core", "event->county", "event->core",
                                      "event->county", "event->core"));
}

TEST_F(PlannerRoutingTest, ANodeThatEscalatedRecordsTheUpperLevelsActions) {
  auto ticket = submit("core-platform", "ticket", ticketBody("YC-3", "accepted"), "t-3", {"city"});
  ASSERT_TRUE(ticket.isOk()) << ticket.status().toString();
  auto escalate = submit("core-platform", "event", eventBody("YC-3", "escalated"), "e-5", {"city"});
  ASSERT_TRUE(escalate.isOk()) << escalate.status().toString();
  EXPECT_THAT(escalate->body, HasSubstr("\"status\":\"escalated\""));
  // The city's department signs: recorded for the core platform; the ticket stays escalated.
  auto signed_ = submit("city", "event", eventBody("YC-3", "signed"), "e-6");
  ASSERT_TRUE(signed_.isOk()) << signed_.status().toString();
  EXPECT_THAT(signed_->body, HasSubstr("\"status\":\"escalated\""));
  // The same action from a source that is not a peer platform is judged by the lifecycle.
  auto local = submit("intake", "event", eventBody("YC-3", "signed"), "e-7");
  ASSERT_FALSE(local.isOk());
  EXPECT_EQ(local.status().code(), StatusCode::Conflict);
  // The city closes it: that follows the lifecycle (escalated -> closed).
  auto closed = submit("city", "event", eventBody("YC-3", "closed"), "e-8");
  ASSERT_TRUE(closed.isOk()) << closed.status().toString();
  EXPECT_THAT(closed->body, HasSubstr("\"status\":\"closed\""));
}

TEST_F(PlannerRoutingTest, AKnowledgeArticleIsStoredAndForwardedInOrderPerArticle) {
  const std::string article =
      R"({"id":"KB-0012","title":"供暖收费标准","content":"居民供暖费按建筑面积计收……",)"
      R"("category":"城乡建设","region_code":"411400"})";
  auto shared = submit("core-platform", "knowledge", article, "kb-1", {"city", "county"});
  ASSERT_TRUE(shared.isOk()) << shared.status().toString();
  EXPECT_EQ(shared->ticket_id, "kb:KB-0012");
  // A peer's article goes to the core platform; no lifecycle, no ticket state.
  auto received = submit("county", "knowledge", article, "kb-2");
  ASSERT_TRUE(received.isOk()) << received.status().toString();
  EXPECT_THAT(rowsOf("kb:KB-0012"),
              ElementsAre("knowledge->city", "knowledge->county", "knowledge->core"));
  EXPECT_FALSE(store_.ticketState("kb:KB-0012")->has_value());
  auto again = submit("county", "knowledge", article, "kb-2");
  ASSERT_TRUE(again.isOk());
  EXPECT_TRUE(again->duplicate);
  auto invalid = submit("county", "knowledge", R"({"id":"KB-0013"})", "kb-3");
  ASSERT_FALSE(invalid.isOk());
  EXPECT_EQ(invalid.status().code(), StatusCode::InvalidArgument);
  EXPECT_THAT(invalid.status().message(), HasSubstr("/title"));
}

} // namespace
} // namespace hotline::pipeline
