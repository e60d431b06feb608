// A department's instance acts only on the tickets routed to it (scope), downlink events reach
// the instances holding their ticket (holders), and links reported by connectors are checked
// and audited (Host::link).
#include "core/pipeline/durable_submitter.h"
#include "core/store/memory_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string assignedTicket(const std::string& number, const std::string& unit) {
  return R"({"refs":[{"system":"yucheng-12345","number":")" + number +
         R"("}],"channel":"phone","content":"路灯不亮","status":"assigned",)" +
         R"("assignments":[{"seq":1,"at":"2026-11-28T09:00:00+08:00","lead_unit":{"code":")" +
         unit + R"(","name":"城管局"}}]})";
}

std::string eventBody(const std::string& number, const std::string& type,
                      const std::string& unit = "") {
  const std::string unit_member = unit.empty() ? "" : R"(,"unit_code":")" + unit + "\"";
  return R"({"ticket":{"system":"yucheng-12345","number":")" + number + R"("},"type":")" + type +
         R"(","at":"2026-11-28T10:00:00+08:00","actor":{"name":"张三")" + unit_member +
         R"(,"role":"department"}})";
}

class ScopeAndHoldersTest : public ::testing::Test {
protected:
  void SetUp() override { committer_.start(); }
  void TearDown() override { committer_.stop(); }

  // The core platform assigns the ticket to `target` on the downlink.
  std::string assign(const std::string& number, const std::string& unit,
                     const std::string& target) {
    InboundMessage message;
    message.source = "core-platform";
    message.kind = "ticket";
    message.content_type = "application/json";
    message.body = assignedTicket(number, unit);
    message.idempotency_key = "assign-" + number;
    message.targets = {target};
    auto outcome = submitter_.submit(message);
    EXPECT_TRUE(outcome.isOk()) << outcome.status().toString();
    return outcome ? outcome->ticket_id : "";
  }

  Result<SubmitOutcome> fromDepartment(const std::string& instance, const std::string& unit,
                                       const std::string& body, const std::string& key) {
    InboundMessage message;
    message.source = instance;
    message.connector_type = "department";
    message.kind = "event";
    message.content_type = "application/json";
    message.body = body;
    message.idempotency_key = key;
    message.scope_units = {unit};
    return submitter_.submit(message);
  }

  Result<SubmitOutcome> downlinkEvent(const std::string& body, const std::string& key) {
    InboundMessage message;
    message.source = "core-platform";
    message.kind = "event";
    message.content_type = "application/json";
    message.body = body;
    message.idempotency_key = key;
    message.route_to_holders = true;
    return submitter_.submit(message);
  }

  bool audited(const std::string& action, const std::string& detail_part) {
    auto records = store_.queryAudit(0, 1000, "");
    if (!records) {
      return false;
    }
    for (const auto& record : *records) {
      if (record.action == action && record.detail.find(detail_part) != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  store::MemoryStore store_;
  GroupCommitter committer_{store_, {}, [](std::vector<store::OutboxRow>) {}};
  CanonicalMapper mapper_;
  DurableSubmitter submitter_{mapper_, committer_};
};

TEST_F(ScopeAndHoldersTest, ADepartmentActsOnItsOwnTicket) {
  assign("YC-1", "CGJ", "dept-cgj");
  auto signed_ = fromDepartment("dept-cgj", "CGJ", eventBody("YC-1", "signed", "CGJ"), "cb-1");
  ASSERT_TRUE(signed_.isOk()) << signed_.status().toString();
  EXPECT_THAT(signed_->body, HasSubstr("\"status\":\"signed\""));
}

TEST_F(ScopeAndHoldersTest, AnotherDepartmentsTicketIsRefusedAndAudited) {
  assign("YC-2", "CGJ", "dept-cgj");
  auto foreign = fromDepartment("dept-zjj", "ZJJ", eventBody("YC-2", "signed", "ZJJ"), "cb-2");
  ASSERT_FALSE(foreign.isOk());
  EXPECT_EQ(foreign.status().code(), StatusCode::PermissionDenied);
  EXPECT_THAT(foreign.status().message(), HasSubstr("not assigned to dept-zjj (units ZJJ)"));
  EXPECT_THAT(foreign.status().message(), HasSubstr("yucheng-12345/YC-2"));
  committer_.stop(); // writes the queued rejection
  EXPECT_TRUE(audited("rejected", "not assigned to dept-zjj"));
  // Nothing changed: the ticket is still assigned, and dept-cgj may still sign it.
  committer_.start();
  EXPECT_TRUE(fromDepartment("dept-cgj", "CGJ", eventBody("YC-2", "signed", "CGJ"), "cb-3"));
}

TEST_F(ScopeAndHoldersTest, AnActorOutsideTheInstancesUnitsIsRefused) {
  assign("YC-3", "CGJ", "dept-cgj");
  auto outside = fromDepartment("dept-cgj", "CGJ", eventBody("YC-3", "signed", "ZJJ"), "cb-4");
  ASSERT_FALSE(outside.isOk());
  EXPECT_EQ(outside.status().code(), StatusCode::PermissionDenied);
  EXPECT_THAT(outside.status().message(), HasSubstr("actor unit ZJJ is not one of the units"));
}

TEST_F(ScopeAndHoldersTest, ADepartmentCannotOpenATicketByAnEvent) {
  auto created = fromDepartment("dept-cgj", "CGJ", eventBody("YC-NEW", "created", "CGJ"), "cb-5");
  ASSERT_FALSE(created.isOk());
  EXPECT_EQ(created.status().code(), StatusCode::PermissionDenied);
}

TEST_F(ScopeAndHoldersTest, DownlinkEventsGoToTheInstancesHoldingTheTicket) {
  const std::string id = assign("YC-4", "CGJ", "dept-cgj");
  ASSERT_TRUE(fromDepartment("dept-cgj", "CGJ", eventBody("YC-4", "signed", "CGJ"), "cb-6"));
  auto urged = downlinkEvent(eventBody("YC-4", "urged"), "urge-1");
  ASSERT_TRUE(urged.isOk()) << urged.status().toString();
  auto rows = store_.outboxOfTicket(id);
  ASSERT_TRUE(rows.isOk());
  std::vector<std::string> targets;
  for (const auto& row : *rows) {
    targets.push_back(row.kind + "->" + row.target);
  }
  // The assignment, the department's sign-in for the core platform, the urge for the holder
  // (not for the core platform, which sent it).
  EXPECT_THAT(targets, ElementsAre("ticket->dept-cgj", "event->core", "event->dept-cgj"));
}

TEST_F(ScopeAndHoldersTest, AnEventForATicketNobodyHoldsGoesToUnrouted) {
  InboundMessage uplink;
  uplink.source = "intake";
  uplink.kind = "ticket";
  uplink.content_type = "application/json";
  uplink.body = R"({"refs":[{"system":"yucheng-12345","number":"YC-5"}],"channel":"web",)"
                R"("content":"噪音扰民","status":"accepted"})";
  uplink.idempotency_key = "web-5";
  auto created = submitter_.submit(uplink);
  ASSERT_TRUE(created.isOk()) << created.status().toString();
  ASSERT_TRUE(downlinkEvent(eventBody("YC-5", "urged"), "urge-5").isOk());
  auto rows = store_.outboxOfTicket(created->ticket_id);
  ASSERT_TRUE(rows.isOk());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].target, kUnroutedTarget);
}

TEST_F(ScopeAndHoldersTest, LinksAreCheckedWrittenOnceAndAudited) {
  const std::string id = assign("YC-6", "CGJ", "dept-cgj");
  const std::string other = assign("YC-7", "CGJ", "dept-cgj");
  committer_.recordLink(LinkFact{{id, "yucheng-cgj", "CGJ-0001"}, "dept-cgj"});
  committer_.recordLink(LinkFact{{id, "yucheng-cgj", "CGJ-0001"}, "dept-cgj"}); // a retry
  committer_.recordLink(LinkFact{{other, "yucheng-cgj", "CGJ-0001"}, "dept-cgj"});
  committer_.recordLink(LinkFact{{"01NOSUCHTICKET", "yucheng-cgj", "CGJ-0002"}, "dept-cgj"});
  committer_.stop(); // writes everything queued

  EXPECT_EQ(store_.resolveLink("yucheng-cgj", "CGJ-0001")->value_or(""), id);
  EXPECT_FALSE(store_.resolveLink("yucheng-cgj", "CGJ-0002")->has_value());
  auto records = store_.queryAudit(0, 1000, "");
  ASSERT_TRUE(records.isOk());
  int linked = 0;
  for (const auto& record : *records) {
    linked += record.action == "linked" ? 1 : 0;
  }
  EXPECT_EQ(linked, 1);
  EXPECT_TRUE(audited("link_refused", "CGJ-0001: already names ticket " + id));
  EXPECT_TRUE(audited("link_refused", "no ticket 01NOSUCHTICKET"));
}

} // namespace
} // namespace hotline::pipeline
