#pragma once
// A complete in-memory Store with the same semantics as the SQLite one (ids, uniqueness,
// atomic batches, outbox transitions, the hash-chained audit log and its head anchor): the
// fake for component tests, as LevelDB's NewMemEnv is for its tests. Nothing survives the
// object.
//
// Beyond the interface it can be told to fail every write (failWrites) so that callers'
// "cannot store now" paths can be tested; a failed write stores nothing.
//
// Thread safety: every member may be called from any thread (one mutex).

#include "core/audit/audit_chain.h"
#include "core/audit/audit_hasher.h"
#include "core/store/store.h"
#include "core/store/store_clock.h"

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hotline::store {

struct MemoryStoreOptions {
  audit::HashAlgorithm audit_algorithm = audit::HashAlgorithm::Sha256;
  StoreClock clock = systemClockMs;
};

class MemoryStore : public Store {
public:
  explicit MemoryStore(MemoryStoreOptions options = {});

  // Until clearWriteFailure(), every write returns `status` and changes nothing.
  void failWrites(Status status);
  void clearWriteFailure();

  Result<std::string> get(const std::string& scope, const std::string& key) override;
  Status put(const std::string& scope, const std::string& key, const std::string& value) override;

  Status migrate() override { return Status::ok(); }

  Result<std::optional<StoredAnswer>> findAnswer(const std::string& dedupe_key) override;
  Result<std::optional<TicketStateRow>> ticketState(const std::string& ticket_id) override;
  Result<std::optional<std::string>> resolveLink(const std::string& system,
                                                 const std::string& number) override;
  Result<std::vector<std::string>> targetsOfTicket(const std::string& ticket_id) override;
  Result<std::vector<std::string>> sourcesOfTicket(const std::string& ticket_id) override;
  Result<std::optional<std::string>> latestTicketSnapshot(const std::string& ticket_id) override;
  Result<std::vector<std::vector<int64_t>>>
  commitInbound(std::span<const InboundCommit> batch) override;
  Status recordRejections(std::span<const RejectionRecord> rejections) override;
  Result<WriteBatchResult> commitBatch(const WriteBatch& batch) override;

  Result<std::vector<OutboxRow>> loadPending(int64_t after_id, size_t limit) override;
  Status recordDeliveries(std::span<const DeliveryRecord> records) override;
  Result<std::optional<OutboxRow>> outboxRow(int64_t id) override;
  Result<std::vector<OutboxRow>> listOutbox(OutboxState state, int64_t after_id,
                                            size_t limit) override;
  Status replayDead(int64_t id, const std::string& actor) override;
  Status discardDead(int64_t id, const std::string& actor, const std::string& reason) override;
  Result<OutboxCounts> outboxCounts() override;

  Status appendAudit(std::span<const AuditInsert> records) override;
  Result<std::vector<AuditRecord>> queryAudit(int64_t after_seq, size_t limit,
                                              const std::string& ticket_id) override;

  Result<PurgeResult> purgePayloads(const PurgeRequest& request) override;

  Result<std::vector<MessageRow>> messagesOfTicket(const std::string& ticket_id) override;
  Result<std::vector<LinkRow>> linksOfTicket(const std::string& ticket_id) override;
  Result<std::vector<OutboxRow>> outboxOfTicket(const std::string& ticket_id) override;

private:
  struct StoredMessage {
    MessageRow row;
    std::string dedupe_key;
    std::string body;
    std::string canonical;
    std::string answer_body;
  };
  using Key = std::pair<std::string, std::string>;

  Status checkKeysAreNew(std::span<const InboundCommit> batch) const;
  std::vector<int64_t> applyCommit(const InboundCommit& commit, int64_t now_ms);
  // Appends records and moves the head anchor; the caller holds mutex_.
  void appendLocked(const std::vector<AuditRecord>& records);
  Status changeDead(int64_t id, const std::function<Result<AuditInsert>(OutboxRow&)>& change);
  // Payload retention (memory_store_purge.cc); the caller holds mutex_.
  bool newestTicketRow(const OutboxRow& row) const;
  template <typename Ids, typename Step, typename Empty>
  size_t sweepLocked(const char* cursor_key, const Ids& ids, size_t limit, const Step& step,
                     const Empty& empty, int64_t& held_by, bool& more);

  const StoreClock clock_;
  std::mutex mutex_;
  std::optional<Status> write_failure_;
  audit::AuditChain chain_;
  std::vector<StoredMessage> messages_; // id = index + 1
  std::unordered_map<std::string, int64_t> dedupe_;
  std::map<std::string, TicketStateRow> tickets_;
  std::map<Key, std::string> links_; // (system, number) -> ticket id
  std::map<int64_t, OutboxRow> outbox_;
  std::set<std::string> idempotency_keys_;
  int64_t last_outbox_id_ = 0;
  std::vector<AuditRecord> audit_; // seq = index + 1
  std::map<Key, std::string> state_;
};

} // namespace hotline::store
