#include "tests/unit/store/store_test_support.h"

#include <random>

namespace hotline::store::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("hotline-store-test-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

InboundCommit makeCommit(const std::string& ticket_id, const std::string& tag, int links) {
  InboundCommit commit;
  commit.received_at_ms = 1'699'999'999'000; // a second before the store's clock
  commit.dedupe_key = "wechat/" + tag;
  commit.source = "wechat";
  commit.kind = "ticket";
  commit.content_type = "application/xml";
  commit.body = "<xml><MsgId>" + tag + "</MsgId><Content>路灯不亮</Content></xml>";
  commit.canonical = R"({"id":")" + ticket_id + R"(","title":"路灯不亮"})";
  commit.ticket_id = ticket_id;
  commit.answer_status = 201;
  commit.answer_body = R"({"ticket_id":")" + ticket_id + R"("})";
  commit.ticket_state = TicketStateRow{ticket_id, "submitted", false, 1'700'000'000'000, ""};
  for (int i = 0; i < links; ++i) {
    commit.links.push_back(LinkRow{ticket_id, "system-" + std::to_string(i),
                                   ticket_id + "-" + tag + "-" + std::to_string(i)});
  }
  commit.outbox.push_back(OutboxInsert{"core", ticket_id, "ticket", "application/json",
                                       commit.canonical, "idem-" + tag});
  AuditInsert received;
  received.action = "received";
  received.actor = "wechat";
  received.ticket_id = ticket_id;
  received.detail = "kind ticket";
  AuditInsert stored = received;
  stored.action = "stored";
  stored.target = "core";
  commit.audit = {received, stored};
  return commit;
}

} // namespace hotline::store::testing
