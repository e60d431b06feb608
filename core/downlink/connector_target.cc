#include "core/downlink/connector_target.h"

#include "core/log/log.h"

#include <algorithm>

namespace hotline::downlink {
namespace {

delivery::ItemVerdict shuttingDown() {
  return delivery::ItemVerdict::retry("the gateway is shutting down; the row is re-sent later");
}

} // namespace

ConnectorTarget::ConnectorTarget(DownlinkPeer& peer, OutboundMapper& mapper, size_t workers,
                                 TicketAttributes* attributes)
    : peer_(peer), mapper_(mapper), attributes_(attributes),
      worker_count_(std::max<size_t>(workers, 1)) {}

ConnectorTarget::~ConnectorTarget() {
  stop();
}

void ConnectorTarget::send(std::vector<const store::OutboxRow*> batch, Callback done) {
  if (batch.size() != 1) {
    // The dispatcher never sends more than maxBatch(); answer each row rather than assert.
    done(std::vector<delivery::ItemVerdict>(
        batch.size(), delivery::ItemVerdict::retry("connector targets take one row per send")));
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!stopping_) {
      // Workers start with the first row: most connectors never deliver anything.
      while (workers_.size() < worker_count_) {
        workers_.emplace_back([this] { work(); });
      }
      jobs_.push_back(Job{batch[0], std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  done({shuttingDown()});
}

void ConnectorTarget::stop() {
  std::deque<Job> left;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      return;
    }
    stopping_ = true;
    left.swap(jobs_);
  }
  wake_.notify_all();
  // Queued rows are answered before waiting for the running deliveries, which may be slow.
  for (Job& job : left) {
    job.done({shuttingDown()});
  }
  for (std::thread& worker : workers_) {
    worker.join();
  }
}

void ConnectorTarget::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) {
        return; // queued jobs are answered by stop()
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job.done({deliverOne(*job.row)});
  }
}

delivery::ItemVerdict ConnectorTarget::deliverOne(const store::OutboxRow& row) {
  Result<MappedOutbound> mapped = mapper_.map(peer_.identity(), row);
  if (!mapped) {
    return delivery::ItemVerdict::permanent("connector " + name() + ": cannot map " + row.kind +
                                            " for ticket " + row.ticket_id + ": " +
                                            mapped.status().message());
  }
  plugin::Outbound outbound;
  outbound.ticket_id = row.ticket_id;
  outbound.kind = row.kind;
  outbound.content_type = std::move(mapped->content_type);
  outbound.body = std::move(mapped->body);
  outbound.idempotency_key = row.idempotency_key;
  if (attributes_ != nullptr) {
    outbound.attrs = attributes_->attributesOf(row);
  }
  outbound.attempt = static_cast<uint32_t>(row.attempts + 1);
  plugin::Delivery delivery = peer_.deliver(outbound);
  delivery::ItemVerdict verdict = delivery::verdictFromDelivery(delivery);
  if (verdict.kind != delivery::ItemVerdict::Kind::Ok && verdict.reason.empty()) {
    verdict.reason = "connector " + name() + " gave no reason";
  }
  return verdict;
}

} // namespace hotline::downlink
