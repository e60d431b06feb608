#include "core/store/memory_store.h"

#include "core/store/outbox_transitions.h"
#include "core/store/store_checks.h"

#include <algorithm>
#include <set>

namespace hotline::store {
namespace {

// The rows of `rows` (ordered by id) with id > after_id that `keep` accepts, at most `limit`.
template <typename Keep>
std::vector<OutboxRow> scanOutbox(const std::map<int64_t, OutboxRow>& rows, int64_t after_id,
                                  size_t limit, Keep keep) {
  std::vector<OutboxRow> out;
  for (auto it = rows.upper_bound(after_id); it != rows.end() && out.size() < limit; ++it) {
    if (keep(it->second)) {
      out.push_back(it->second);
    }
  }
  return out;
}

} // namespace

MemoryStore::MemoryStore(MemoryStoreOptions options)
    : clock_(options.clock ? std::move(options.clock) : StoreClock(systemClockMs)),
      chain_(options.audit_algorithm) {}

void MemoryStore::failWrites(Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  write_failure_ = std::move(status);
}

void MemoryStore::clearWriteFailure() {
  std::lock_guard<std::mutex> lock(mutex_);
  write_failure_.reset();
}

Result<std::string> MemoryStore::get(const std::string& scope, const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = state_.find({scope, key});
  if (it == state_.end()) {
    return notFound("state " + scope + "/" + key + " is not set");
  }
  return it->second;
}

Status MemoryStore::put(const std::string& scope, const std::string& key,
                        const std::string& value) {
  HOTLINE_RETURN_IF_ERROR(checkStateScope(scope));
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  state_[{scope, key}] = value;
  return Status::ok();
}

Result<std::optional<StoredAnswer>> MemoryStore::findAnswer(const std::string& dedupe_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = dedupe_.find(dedupe_key);
  if (it == dedupe_.end()) {
    return std::optional<StoredAnswer>();
  }
  const StoredMessage& message = messages_[static_cast<size_t>(it->second - 1)];
  return std::optional<StoredAnswer>(StoredAnswer{message.row.id, message.row.answer_status,
                                                  message.row.ticket_id, message.answer_body});
}

Result<std::optional<TicketStateRow>> MemoryStore::ticketState(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = tickets_.find(ticket_id);
  if (it == tickets_.end()) {
    return std::optional<TicketStateRow>();
  }
  return std::optional<TicketStateRow>(it->second);
}

Result<std::optional<std::string>> MemoryStore::resolveLink(const std::string& system,
                                                            const std::string& number) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = links_.find({system, number});
  if (it == links_.end()) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(it->second);
}

Result<std::vector<std::string>> MemoryStore::targetsOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::set<std::string> targets;
  for (const auto& [id, row] : outbox_) {
    if (row.ticket_id == ticket_id) {
      targets.insert(row.target);
    }
  }
  return std::vector<std::string>(targets.begin(), targets.end());
}

Result<std::vector<std::string>> MemoryStore::sourcesOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::set<std::string> sources;
  for (const StoredMessage& message : messages_) {
    if (message.row.ticket_id == ticket_id) {
      sources.insert(message.row.source);
    }
  }
  return std::vector<std::string>(sources.begin(), sources.end());
}

Result<std::optional<std::string>> MemoryStore::latestTicketSnapshot(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = outbox_.rbegin(); it != outbox_.rend(); ++it) {
    if (it->second.ticket_id == ticket_id && it->second.kind == "ticket") {
      return std::optional<std::string>(it->second.body);
    }
  }
  return std::optional<std::string>();
}

Status MemoryStore::checkKeysAreNew(std::span<const InboundCommit> batch) const {
  for (const InboundCommit& commit : batch) {
    if (dedupe_.count(commit.dedupe_key) != 0) {
      return dedupeKeyExists(commit.dedupe_key);
    }
    for (const LinkRow& link : commit.links) {
      if (links_.count({link.system, link.number}) != 0) {
        return linkExists(link.system, link.number);
      }
    }
    for (const OutboxInsert& row : commit.outbox) {
      if (idempotency_keys_.count(row.idempotency_key) != 0) {
        return idempotencyKeyExists(row.idempotency_key);
      }
    }
  }
  return Status::ok();
}

// Cannot fail: commitInbound has checked every key before the first change.
std::vector<int64_t> MemoryStore::applyCommit(const InboundCommit& commit, int64_t now_ms) {
  StoredMessage message;
  message.row = MessageRow{static_cast<int64_t>(messages_.size()) + 1,
                           commit.received_at_ms,
                           commit.source,
                           commit.kind,
                           commit.content_type,
                           commit.ticket_id,
                           commit.answer_status};
  message.dedupe_key = commit.dedupe_key;
  message.body = commit.body;
  message.canonical = commit.canonical;
  message.answer_body = commit.answer_body;
  const int64_t message_id = message.row.id;
  messages_.push_back(std::move(message));
  dedupe_.emplace(commit.dedupe_key, message_id);
  if (commit.ticket_state) {
    tickets_[commit.ticket_state->ticket_id] = *commit.ticket_state;
  }
  for (const LinkRow& link : commit.links) {
    links_.emplace(Key{link.system, link.number}, link.ticket_id);
  }
  std::vector<int64_t> ids;
  for (const OutboxInsert& insert : commit.outbox) {
    const int64_t id = ++last_outbox_id_;
    idempotency_keys_.insert(insert.idempotency_key);
    outbox_.emplace(id, pendingOutboxRow(insert, id, commit.received_at_ms));
    ids.push_back(id);
  }
  std::vector<AuditRecord> records;
  for (const AuditInsert& insert : commit.audit) {
    records.push_back(chain_.extend(insert, now_ms, message_id));
  }
  appendLocked(records);
  return ids;
}

Result<std::vector<std::vector<int64_t>>>
MemoryStore::commitInbound(std::span<const InboundCommit> batch) {
  HOTLINE_RETURN_IF_ERROR(checkInboundBatch(batch));
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  HOTLINE_RETURN_IF_ERROR(checkKeysAreNew(batch));
  const int64_t now_ms = clock_();
  std::vector<std::vector<int64_t>> ids;
  ids.reserve(batch.size());
  for (const InboundCommit& commit : batch) {
    ids.push_back(applyCommit(commit, now_ms));
  }
  return ids;
}

Result<WriteBatchResult> MemoryStore::commitBatch(const WriteBatch& batch) {
  HOTLINE_RETURN_IF_ERROR(checkInboundBatch(batch.inbound));
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  HOTLINE_RETURN_IF_ERROR(checkKeysAreNew(batch.inbound));
  for (const LinkRow& link : batch.links) {
    if (links_.count({link.system, link.number}) != 0) {
      return linkExists(link.system, link.number);
    }
  }
  const int64_t now_ms = clock_();
  WriteBatchResult result;
  for (const InboundCommit& commit : batch.inbound) {
    result.outbox_ids.push_back(applyCommit(commit, now_ms));
  }
  std::vector<AuditRecord> appended;
  for (const AuditInsert& fact : rejectionFacts(batch.rejections)) {
    appended.push_back(chain_.extend(fact, now_ms));
  }
  for (size_t i = 0; i < batch.deliveries.size(); ++i) {
    const DeliveryRecord& record = batch.deliveries[i];
    auto stored = outbox_.find(record.outbox_id);
    if (stored == outbox_.end()) {
      result.refused_deliveries.emplace_back(i, outboxRowMissing(record.outbox_id));
      continue;
    }
    OutboxRow row = stored->second;
    Result<AuditInsert> fact = applyDelivery(row, record);
    if (!fact.isOk()) {
      result.refused_deliveries.emplace_back(i, fact.status());
      continue;
    }
    stored->second = std::move(row);
    appended.push_back(chain_.extend(*fact, now_ms));
  }
  for (const LinkRow& link : batch.links) {
    links_.emplace(Key{link.system, link.number}, link.ticket_id);
  }
  for (const AuditInsert& fact : batch.facts) {
    appended.push_back(chain_.extend(fact, now_ms));
  }
  appendLocked(appended);
  return result;
}

Status MemoryStore::recordRejections(std::span<const RejectionRecord> rejections) {
  return appendAudit(rejectionFacts(rejections));
}

void MemoryStore::appendLocked(const std::vector<AuditRecord>& records) {
  if (records.empty()) {
    return;
  }
  audit_.insert(audit_.end(), records.begin(), records.end());
  state_[{audit::kHeadScope, audit::kHeadKey}] = audit::formatAuditHead(chain_.head());
}

Result<std::vector<OutboxRow>> MemoryStore::loadPending(int64_t after_id, size_t limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  return scanOutbox(outbox_, after_id, limit,
                    [](const OutboxRow& row) { return row.state == OutboxState::Pending; });
}

Status MemoryStore::recordDeliveries(std::span<const DeliveryRecord> records) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  // Changes are staged so that a refused record leaves every row and the chain untouched.
  std::map<int64_t, OutboxRow> staged;
  std::vector<AuditInsert> facts;
  for (const DeliveryRecord& record : records) {
    auto it = staged.find(record.outbox_id);
    if (it == staged.end()) {
      auto stored = outbox_.find(record.outbox_id);
      if (stored == outbox_.end()) {
        return outboxRowMissing(record.outbox_id);
      }
      it = staged.emplace(record.outbox_id, stored->second).first;
    }
    Result<AuditInsert> fact = applyDelivery(it->second, record);
    if (!fact.isOk()) {
      return fact.status();
    }
    facts.push_back(std::move(fact).value());
  }
  for (auto& [id, row] : staged) {
    outbox_[id] = std::move(row);
  }
  const int64_t now_ms = clock_();
  std::vector<AuditRecord> appended;
  for (const AuditInsert& fact : facts) {
    appended.push_back(chain_.extend(fact, now_ms));
  }
  appendLocked(appended);
  return Status::ok();
}

Result<std::optional<OutboxRow>> MemoryStore::outboxRow(int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = outbox_.find(id);
  if (it == outbox_.end()) {
    return std::optional<OutboxRow>();
  }
  return std::optional<OutboxRow>(it->second);
}

Result<std::vector<OutboxRow>> MemoryStore::listOutbox(OutboxState state, int64_t after_id,
                                                       size_t limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  return scanOutbox(outbox_, after_id, limit,
                    [state](const OutboxRow& row) { return row.state == state; });
}

Status MemoryStore::changeDead(int64_t id,
                               const std::function<Result<AuditInsert>(OutboxRow&)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  auto it = outbox_.find(id);
  if (it == outbox_.end()) {
    return outboxRowMissing(id);
  }
  OutboxRow row = it->second;
  Result<AuditInsert> fact = change(row);
  if (!fact.isOk()) {
    return fact.status();
  }
  it->second = std::move(row);
  appendLocked({chain_.extend(*fact, clock_())});
  return Status::ok();
}

Status MemoryStore::replayDead(int64_t id, const std::string& actor) {
  const int64_t now_ms = clock_();
  return changeDead(id, [&](OutboxRow& row) { return applyReplay(row, actor, now_ms); });
}

Status MemoryStore::discardDead(int64_t id, const std::string& actor, const std::string& reason) {
  const int64_t now_ms = clock_();
  return changeDead(id, [&](OutboxRow& row) { return applyDiscard(row, actor, reason, now_ms); });
}

Result<OutboxCounts> MemoryStore::outboxCounts() {
  std::lock_guard<std::mutex> lock(mutex_);
  OutboxCounts counts;
  for (const auto& [id, row] : outbox_) {
    counts.pending += row.state == OutboxState::Pending ? 1 : 0;
    counts.dead += row.state == OutboxState::Dead ? 1 : 0;
    counts.delivered += row.state == OutboxState::Delivered ? 1 : 0;
  }
  return counts;
}

Status MemoryStore::appendAudit(std::span<const AuditInsert> records) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (write_failure_) {
    return *write_failure_;
  }
  const int64_t now_ms = clock_();
  std::vector<AuditRecord> appended;
  for (const AuditInsert& insert : records) {
    appended.push_back(chain_.extend(insert, now_ms));
  }
  appendLocked(appended);
  return Status::ok();
}

Result<std::vector<AuditRecord>> MemoryStore::queryAudit(int64_t after_seq, size_t limit,
                                                         const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<AuditRecord> out;
  const size_t first = static_cast<size_t>(std::max<int64_t>(after_seq, 0));
  for (size_t i = first; i < audit_.size() && out.size() < limit; ++i) {
    if (ticket_id.empty() || audit_[i].ticket_id == ticket_id) {
      out.push_back(audit_[i]);
    }
  }
  return out;
}

Result<std::vector<MessageRow>> MemoryStore::messagesOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<MessageRow> out;
  for (const StoredMessage& message : messages_) {
    if (message.row.ticket_id == ticket_id) {
      out.push_back(message.row);
    }
  }
  return out;
}

Result<std::vector<LinkRow>> MemoryStore::linksOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<LinkRow> out;
  for (const auto& [key, linked_ticket] : links_) {
    if (linked_ticket == ticket_id) {
      out.push_back(LinkRow{linked_ticket, key.first, key.second});
    }
  }
  return out;
}

Result<std::vector<OutboxRow>> MemoryStore::outboxOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return scanOutbox(outbox_, 0, outbox_.size(),
                    [&ticket_id](const OutboxRow& row) { return row.ticket_id == ticket_id; });
}

} // namespace hotline::store
