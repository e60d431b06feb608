// The admin API over the router and the in-memory store: auth, dead letters (list, show,
// replay, discard, each audited and passed to delivery), audit query and verify, traces.
#include "core/admin/admin_api.h"
#include "core/store/memory_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::admin {
namespace {

using ::testing::HasSubstr;

class RecordingControl : public DeadLetterControl {
public:
  void replayed(const store::OutboxRow& row) override { replayed_ids.push_back(row.id); }
  void discarded(const store::OutboxRow& row) override { discarded_ids.push_back(row.id); }
  std::vector<int64_t> replayed_ids;
  std::vector<int64_t> discarded_ids;
};

class AdminApiTest : public ::testing::Test {
protected:
  void SetUp() override {
    AdminServices services{store_,
                           &control_,
                           [] { return std::string("hotline_up 1\n"); },
                           [] { return http::HealthReport{}; },
                           "t0ken",
                           [this](const std::string& actor) -> Result<size_t> {
                             reload_actors_.push_back(actor);
                             if (!reload_error_.empty()) {
                               return invalidArgument(reload_error_);
                             }
                             return size_t{7};
                           }};
    ASSERT_TRUE(registerAdminApi(router_, services).isOk());
    store::InboundCommit commit;
    commit.dedupe_key = "intake\nm-1";
    commit.source = "intake";
    commit.kind = "ticket";
    commit.ticket_id = "01JDTICKET0000000000000001";
    commit.answer_body = "{}";
    commit.links.push_back({commit.ticket_id, "shangqiu-12345", "SQ-9"});
    commit.outbox.push_back(
        {"core", commit.ticket_id, "ticket", "application/json", R"({"content":"x"})", "hl-key-1"});
    commit.audit.push_back({"stored", "gateway", commit.ticket_id, 0, 0, "core", "outbox rows: 1"});
    auto ids = store_.commitInbound(std::span<const store::InboundCommit>(&commit, 1));
    ASSERT_TRUE(ids.isOk());
    outbox_id_ = (*ids)[0][0];
    store::DeliveryRecord dead{outbox_id_, store::DeliveryRecord::Kind::Dead,         1,
                               0,          "core: POST /api/v1/tickets answered 422", 422,
                               3};
    ASSERT_TRUE(store_.recordDeliveries(std::span<const store::DeliveryRecord>(&dead, 1)).isOk());
  }

  std::vector<std::string> reload_actors_;
  std::string reload_error_;

  // A row for `target` of a new ticket, dead-lettered; its outbox id.
  int64_t deadLetter(const std::string& target, const std::string& ticket_id) {
    store::InboundCommit commit;
    commit.dedupe_key = "intake\n" + ticket_id + target;
    commit.source = "intake";
    commit.kind = "ticket";
    commit.ticket_id = ticket_id;
    commit.answer_body = "{}";
    commit.outbox.push_back(
        {target, ticket_id, "ticket", "application/json", "{}", "hl-" + ticket_id + target});
    auto ids = store_.commitInbound(std::span<const store::InboundCommit>(&commit, 1));
    EXPECT_TRUE(ids.isOk());
    const int64_t id = ids.isOk() ? (*ids)[0][0] : 0;
    store::DeliveryRecord dead{id, store::DeliveryRecord::Kind::Dead, 1, 0, "410 gone", 410, 1};
    EXPECT_TRUE(store_.recordDeliveries(std::span<const store::DeliveryRecord>(&dead, 1)).isOk());
    return id;
  }
  store::OutboxState stateOf(int64_t id) { return store_.outboxRow(id)->value().state; }

  http::HttpResponse call(const std::string& method, const std::string& path,
                          const std::string& token = "t0ken", const std::string& query = "") {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.query = query;
    if (!token.empty()) {
      request.headers.emplace_back("Authorization", "Bearer " + token);
    }
    http::HttpResponse response;
    bool not_allowed = false;
    if (!router_.dispatch(request, response, not_allowed)) {
      response.status = not_allowed ? 405 : 404;
    }
    return response;
  }

  store::MemoryStore store_;
  http::Router router_;
  RecordingControl control_;
  int64_t outbox_id_ = 0;
};

TEST_F(AdminApiTest, RefusesRequestsWithoutTheToken) {
  EXPECT_EQ(call("GET", "/admin/v1/dlq", "").status, 401);
  http::HttpResponse wrong = call("GET", "/admin/v1/dlq", "guess");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_THAT(wrong.body, HasSubstr("Authorization: Bearer"));
  EXPECT_EQ(call("GET", "/metrics", "").status, 401);
  EXPECT_EQ(call("GET", "/readyz", "").status, 200); // probes need no token
}

TEST_F(AdminApiTest, ListsAndShowsDeadLetters) {
  http::HttpResponse list = call("GET", "/admin/v1/dlq");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("\"id\":" + std::to_string(outbox_id_)));
  EXPECT_THAT(list.body, HasSubstr("answered 422"));
  http::HttpResponse show = call("GET", "/admin/v1/dlq/" + std::to_string(outbox_id_));
  ASSERT_EQ(show.status, 200);
  EXPECT_THAT(show.body, HasSubstr(R"(\"content\":\"x\")"));
  EXPECT_EQ(call("GET", "/admin/v1/dlq/999999").status, 404);
  EXPECT_EQ(call("GET", "/admin/v1/dlq/abc").status, 400);
}

TEST_F(AdminApiTest, ReplayMakesTheRowPendingTellsDeliveryAndIsAudited) {
  http::HttpResponse replay =
      call("POST", "/admin/v1/dlq/" + std::to_string(outbox_id_) + "/replay");
  ASSERT_EQ(replay.status, 200) << replay.body;
  EXPECT_EQ(control_.replayed_ids, std::vector<int64_t>{outbox_id_});
  EXPECT_EQ(store_.outboxRow(outbox_id_)->value().state, store::OutboxState::Pending);
  auto audit = store_.queryAudit(0, 100, "01JDTICKET0000000000000001");
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->back().action, "replayed");
  EXPECT_EQ(audit->back().actor, "admin");
  // A row that is no longer dead cannot be replayed twice.
  EXPECT_EQ(call("POST", "/admin/v1/dlq/" + std::to_string(outbox_id_) + "/replay").status, 412);
}

TEST_F(AdminApiTest, BulkReplaySendsATargetsDeadLettersAgainInOrderAndAudited) {
  // outbox_id_ is a dead letter of "core" already.
  const int64_t a1 = deadLetter("dept-a", "01JDTICKET0000000000000002");
  const int64_t b1 = deadLetter("dept-b", "01JDTICKET0000000000000003");
  const int64_t a2 = deadLetter("dept-a", "01JDTICKET0000000000000004");
  // What a bulk replay of dept-a would send, listed first (a page of one, then the next).
  http::HttpResponse listed = call("GET", "/admin/v1/dlq", "t0ken", "target=dept-a&limit=1");
  ASSERT_EQ(listed.status, 200);
  EXPECT_THAT(listed.body, HasSubstr("\"id\":" + std::to_string(a1) + ","));
  EXPECT_THAT(listed.body, HasSubstr("\"next_after\":" + std::to_string(a1)));
  listed = call("GET", "/admin/v1/dlq", "t0ken", "target=dept-a&after=" + std::to_string(a1));
  EXPECT_THAT(listed.body, HasSubstr("\"id\":" + std::to_string(a2) + ","));
  EXPECT_THAT(listed.body, ::testing::Not(HasSubstr("\"id\":" + std::to_string(b1) + ",")));
  http::HttpResponse replay = call("POST", "/admin/v1/dlq/replay", "t0ken", "target=dept-a");
  ASSERT_EQ(replay.status, 200) << replay.body;
  EXPECT_EQ(replay.body, R"({"replayed":2,"skipped":0,"more":false})");
  EXPECT_EQ(control_.replayed_ids, (std::vector<int64_t>{a1, a2})); // in id order
  EXPECT_EQ(stateOf(a1), store::OutboxState::Pending);
  EXPECT_EQ(stateOf(a2), store::OutboxState::Pending);
  EXPECT_EQ(stateOf(b1), store::OutboxState::Dead); // other targets are left alone
  EXPECT_EQ(stateOf(outbox_id_), store::OutboxState::Dead);
  auto audit = store_.queryAudit(0, 100, "01JDTICKET0000000000000004");
  ASSERT_TRUE(audit.isOk());
  EXPECT_EQ(audit->back().action, "replayed");
  EXPECT_EQ(audit->back().actor, "admin");

  // all=true with a limit: one at a time, and "more" says whether any are left.
  replay = call("POST", "/admin/v1/dlq/replay", "t0ken", "all=true&limit=1");
  EXPECT_EQ(replay.body, R"({"replayed":1,"skipped":0,"more":true})");
  replay = call("POST", "/admin/v1/dlq/replay", "t0ken", "all=true&limit=1");
  EXPECT_EQ(replay.body, R"({"replayed":1,"skipped":0,"more":false})");
  EXPECT_EQ(control_.replayed_ids, (std::vector<int64_t>{a1, a2, outbox_id_, b1}));
  replay = call("POST", "/admin/v1/dlq/replay", "t0ken", "all=true");
  EXPECT_EQ(replay.body, R"({"replayed":0,"skipped":0,"more":false})");
}

TEST_F(AdminApiTest, BulkReplayRefusesAnUnclearRequestAndChangesNothing) {
  for (const char* query :
       {"", "target=core&all=true", "target=core&limit=0", "target=core&limit=10001",
        "target=core&limit=ten", "target=core&limit=-5", "targte=core", "all=yes"}) {
    http::HttpResponse replay = call("POST", "/admin/v1/dlq/replay", "t0ken", query);
    EXPECT_EQ(replay.status, 400) << query;
    const std::string given(query);
    const char* why = given.find("limit") != std::string::npos ? "limit: expected 1..10000"
                      : given == "targte=core"                 ? "no query parameter"
                      : given == "all=yes"                     ? "must be true or false"
                                                               : "target=NAME";
    EXPECT_THAT(replay.body, HasSubstr(why)) << query;
  }
  EXPECT_EQ(call("POST", "/admin/v1/dlq/replay", "", "target=core").status, 401);
  EXPECT_TRUE(control_.replayed_ids.empty());
  EXPECT_EQ(stateOf(outbox_id_), store::OutboxState::Dead);
}

// A list asked with a typo must not quietly list something else: 400, naming the parameter.
TEST_F(AdminApiTest, ListsRefuseParametersTheyDoNotTakeOrCannotParse) {
  const std::pair<const char*, const char*> refused[] = {
      {"/admin/v1/dlq", "limit=ten"},    {"/admin/v1/dlq", "after=-1"},
      {"/admin/v1/dlq", "ticket=T-1"},   {"/admin/v1/outbox", "state=deadd"},
      {"/admin/v1/outbox", "stat=dead"}, {"/admin/v1/audit", "after=1e3"},
      {"/admin/v1/audit", "limit=0"},    {"/admin/v1/audit", "target=core"},
      {"/admin/v1/outbox", "after=%zz"}};
  for (const auto& [path, query] : refused) {
    http::HttpResponse listed = call("GET", path, "t0ken", query);
    EXPECT_EQ(listed.status, 400) << path << "?" << query;
    const std::string given(query);
    EXPECT_THAT(listed.body, HasSubstr(given.substr(0, given.find('=')))) << path << "?" << query;
    EXPECT_THAT(listed.body, HasSubstr(std::string("GET ") + path)) << path << "?" << query;
  }
  // What they do take still works; a page larger than 1000 is served as 1000.
  EXPECT_EQ(call("GET", "/admin/v1/outbox", "t0ken", "state=dead&limit=5000").status, 200);
  EXPECT_THAT(call("GET", "/admin/v1/outbox", "t0ken", "state=dead").body,
              HasSubstr("\"id\":" + std::to_string(outbox_id_)));
  EXPECT_EQ(call("GET", "/admin/v1/outbox", "t0ken", "state=pending")
                .body.find("\"id\":" + std::to_string(outbox_id_)),
            std::string::npos);
}

TEST_F(AdminApiTest, DiscardIsAuditedWithTheReason) {
  http::HttpRequest request;
  request.method = "POST";
  request.path = "/admin/v1/dlq/" + std::to_string(outbox_id_) + "/discard";
  request.headers.emplace_back("Authorization", "Bearer t0ken");
  request.body = R"({"reason":"duplicate of SQ-8, handled by phone"})";
  http::HttpResponse response;
  bool not_allowed = false;
  ASSERT_TRUE(router_.dispatch(request, response, not_allowed));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(control_.discarded_ids, std::vector<int64_t>{outbox_id_});
  auto audit = store_.queryAudit(0, 100, "01JDTICKET0000000000000001");
  EXPECT_EQ(audit->back().action, "discarded");
  EXPECT_THAT(audit->back().detail, HasSubstr("duplicate of SQ-8"));
}

TEST_F(AdminApiTest, AuditQueryVerifyAndTrace) {
  http::HttpResponse audit =
      call("GET", "/admin/v1/audit", "t0ken", "ticket=01JDTICKET0000000000000001");
  ASSERT_EQ(audit.status, 200);
  EXPECT_THAT(audit.body, HasSubstr("\"action\":\"stored\""));
  EXPECT_THAT(audit.body, HasSubstr("\"action\":\"dead_lettered\""));
  http::HttpResponse verify = call("GET", "/admin/v1/audit/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_THAT(verify.body, HasSubstr("\"ok\":true"));
  http::HttpResponse trace = call("GET", "/admin/v1/tickets/01JDTICKET0000000000000001/trace");
  ASSERT_EQ(trace.status, 200) << trace.body;
  EXPECT_THAT(trace.body, HasSubstr("\"number\":\"SQ-9\""));
  EXPECT_THAT(trace.body, HasSubstr("\"state\":\"dead\""));
  EXPECT_EQ(call("GET", "/admin/v1/tickets/01JDUNKNOWN000000000000000/trace").status, 404);
}

TEST_F(AdminApiTest, MetricsAreServedAsPrometheusText) {
  http::HttpResponse metrics = call("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.content_type, HasSubstr("text/plain"));
  EXPECT_EQ(metrics.body, "hotline_up 1\n");
}

TEST_F(AdminApiTest, MappingReloadAnswersWhatTheGatewaySaysAndNeedsTheToken) {
  EXPECT_EQ(call("POST", "/admin/v1/mappings/reload", "wrong").status, 401);
  EXPECT_TRUE(reload_actors_.empty());
  http::HttpResponse ok = call("POST", "/admin/v1/mappings/reload");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, R"({"reloaded":true,"mappings":7})");
  reload_error_ = "mappings/intake/ticket.json: fields[1] (to /refs/0/number): transforms[0]: "
                  "unknown transform \"trimm\"";
  http::HttpResponse refused = call("POST", "/admin/v1/mappings/reload");
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(refused.body, HasSubstr("unknown transform"));
  EXPECT_EQ(reload_actors_, (std::vector<std::string>{"admin", "admin"}));
}

TEST(AdminApiWithoutMappings, MappingReloadIsNotFound) {
  store::MemoryStore store;
  http::Router router;
  ASSERT_TRUE(registerAdminApi(router, AdminServices{store, nullptr, {}, {}, "t0ken", {}}).isOk());
  http::HttpRequest request;
  request.method = "POST";
  request.path = "/admin/v1/mappings/reload";
  request.headers.emplace_back("Authorization", "Bearer t0ken");
  http::HttpResponse response;
  bool not_allowed = false;
  ASSERT_TRUE(router.dispatch(request, response, not_allowed));
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(response.body, HasSubstr("no mappings"));
}

} // namespace
} // namespace hotline::admin
