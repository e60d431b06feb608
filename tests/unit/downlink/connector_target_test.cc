// A connector instance as a delivery target: the outbound mapping step, the connector's
// verdicts, its worker threads and stop().
#include "core/downlink/connector_target.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>

namespace hotline::downlink {
namespace {

using ::testing::HasSubstr;

// Records what it was asked to deliver and answers with `answer`; can hold deliveries.
class FakePeer : public DownlinkPeer {
public:
  const PeerIdentity& identity() const override { return identity_; }
  plugin::Delivery deliver(const plugin::Outbound& outbound) override {
    std::unique_lock<std::mutex> lock(mutex_);
    received_.push_back(outbound);
    ++inside_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return !held_; });
    --inside_;
    return answer_;
  }
  void hold() {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = true;
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = false;
    changed_.notify_all();
  }
  void waitInside(int n) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return inside_ >= n; });
  }
  std::vector<plugin::Outbound> received() {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

  PeerIdentity identity_{"dept-housing", "department", "", {}};
  plugin::Delivery answer_ = plugin::Delivery::ok();

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<plugin::Outbound> received_;
  int inside_ = 0;
  bool held_ = false;
};

// Wraps the canonical body so a test can see the mapping ran; refuses kind "bad".
class TaggingMapper : public OutboundMapper {
public:
  Result<MappedOutbound> map(const PeerIdentity& peer, const store::OutboxRow& row) override {
    if (row.kind == "bad") {
      return invalidArgument("mappings/department/bad.out.json: /No from /refs: required value "
                             "missing");
    }
    return MappedOutbound{"application/xml",
                          "<to peer=\"" + peer.instance + "\">" + row.body + "</to>"};
  }
};

store::OutboxRow row(int64_t id, std::string kind = "ticket") {
  store::OutboxRow out;
  out.id = id;
  out.target = "dept-housing";
  out.ticket_id = "01JTICKET" + std::to_string(id);
  out.kind = std::move(kind);
  out.content_type = "application/json";
  out.body = R"({"content":"x"})";
  out.idempotency_key = "hl-key-" + std::to_string(id);
  out.attempts = 2;
  return out;
}

delivery::ItemVerdict sendOne(ConnectorTarget& target, const store::OutboxRow& item) {
  std::promise<delivery::ItemVerdict> verdict;
  target.send({&item}, [&](std::vector<delivery::ItemVerdict> verdicts) {
    verdict.set_value(verdicts.size() == 1 ? verdicts[0]
                                           : delivery::ItemVerdict::permanent("wrong count"));
  });
  return verdict.get_future().get();
}

TEST(ConnectorTarget, MapsTheRowAndDeliversItUnderItsOwnKey) {
  FakePeer peer;
  TaggingMapper mapper;
  ConnectorTarget target(peer, mapper, 2);
  EXPECT_EQ(target.name(), "dept-housing");
  EXPECT_EQ(target.maxBatch(), 1u);
  const store::OutboxRow item = row(7);
  EXPECT_EQ(sendOne(target, item).kind, delivery::ItemVerdict::Kind::Ok);
  const std::vector<plugin::Outbound> received = peer.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].body, R"(<to peer="dept-housing">{"content":"x"}</to>)");
  EXPECT_EQ(received[0].content_type, "application/xml");
  EXPECT_EQ(received[0].idempotency_key, "hl-key-7");
  EXPECT_EQ(received[0].ticket_id, "01JTICKET7");
  EXPECT_EQ(received[0].attempt, 3u); // two earlier attempts are on the row
}

TEST(ConnectorTarget, PassesTheConnectorsVerdictOn) {
  FakePeer peer;
  TaggingMapper mapper;
  ConnectorTarget target(peer, mapper, 1);
  peer.answer_ = plugin::Delivery::retry("department system answered 503", 1500);
  delivery::ItemVerdict retry = sendOne(target, row(1));
  EXPECT_EQ(retry.kind, delivery::ItemVerdict::Kind::Retry);
  ASSERT_TRUE(retry.retry_after.has_value());
  EXPECT_EQ(retry.retry_after->count(), 1500);
  EXPECT_EQ(retry.reason, "department system answered 503");
  peer.answer_ = plugin::Delivery::permanent("");
  delivery::ItemVerdict permanent = sendOne(target, row(2));
  EXPECT_EQ(permanent.kind, delivery::ItemVerdict::Kind::Permanent);
  EXPECT_EQ(permanent.reason, "connector dept-housing gave no reason");
}

TEST(ConnectorTarget, AMappingErrorDeadLettersWithoutCallingTheConnector) {
  FakePeer peer;
  TaggingMapper mapper;
  ConnectorTarget target(peer, mapper, 1);
  delivery::ItemVerdict verdict = sendOne(target, row(3, "bad"));
  EXPECT_EQ(verdict.kind, delivery::ItemVerdict::Kind::Permanent);
  EXPECT_THAT(verdict.reason, HasSubstr("connector dept-housing: cannot map bad for ticket "
                                        "01JTICKET3: mappings/department/bad.out.json"));
  EXPECT_TRUE(peer.received().empty());
}

TEST(ConnectorTarget, WorkersDeliverConcurrentlyAndStopAnswersWhatIsQueued) {
  FakePeer peer;
  TaggingMapper mapper;
  ConnectorTarget target(peer, mapper, 2);
  peer.hold();
  std::vector<store::OutboxRow> rows{row(1), row(2), row(3)};
  std::vector<std::promise<delivery::ItemVerdict>> verdicts(3);
  for (size_t i = 0; i < rows.size(); ++i) {
    target.send({&rows[i]}, [&verdicts, i](std::vector<delivery::ItemVerdict> v) {
      verdicts[i].set_value(v.at(0));
    });
  }
  peer.waitInside(2); // two workers, two deliveries at once; the third waits in the queue
  std::thread stopper([&] { target.stop(); });
  // The queued row is answered while the two running deliveries are still held.
  delivery::ItemVerdict queued = verdicts[2].get_future().get();
  EXPECT_EQ(queued.kind, delivery::ItemVerdict::Kind::Retry);
  EXPECT_THAT(queued.reason, HasSubstr("shutting down"));
  peer.release();
  stopper.join(); // waited for the running deliveries
  EXPECT_EQ(verdicts[0].get_future().get().kind, delivery::ItemVerdict::Kind::Ok);
  EXPECT_EQ(verdicts[1].get_future().get().kind, delivery::ItemVerdict::Kind::Ok);
  EXPECT_EQ(peer.received().size(), 2u);
  // After stop, a send is answered at once, as retryable.
  EXPECT_EQ(sendOne(target, row(4)).kind, delivery::ItemVerdict::Kind::Retry);
}

} // namespace
} // namespace hotline::downlink
