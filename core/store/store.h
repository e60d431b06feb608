#pragma once
// The gateway's durable store (DESIGN.md §8): messages, dedupe keys, ticket states, links
// (ticket <-> each system's number), the outbox, the audit chain and connector state.
//
// Backend-neutral on purpose: SQLite (WAL, one file under ./var/) is the embedded default;
// PostgreSQL comes later and must fit under this interface without a change above it. Hence
// no SQL, no rowid semantics and no SQLite types leak out: ids are opaque int64 sequence
// numbers, times are Unix milliseconds, and every multi-row write is one call = one
// transaction.
//
// Writes are serialised by the implementation (SQLite has one writer anyway); the audit
// chain is extended inside the same transaction as the rows it records, so a crash can
// never leave a stored message without its audit record or vice versa.
//
// Thread safety: every member may be called from any thread.

#include "core/store/state_store.h"
#include "hotline/status.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace hotline::store {

// ---- records -------------------------------------------------------------------------

// What the gateway remembers of a ticket between events (the lifecycle state).
struct TicketStateRow {
  std::string ticket_id;
  std::string status; // model::TicketStatus name, e.g. "signed"
  bool extension_pending = false;
  int64_t updated_at_ms = 0;
  // The connector instances holding the ticket now, comma-separated in routing order: those
  // its latest assignment (or escalation) was routed to. "" = none (the core platform has it).
  std::string holders;
};

// TicketStateRow::holders as text and back.
std::string joinHolders(const std::vector<std::string>& holders);
std::vector<std::string> splitHolders(const std::string& text);

struct LinkRow {
  std::string ticket_id;
  std::string system; // "shangqiu-12345", "dept-housing", ...
  std::string number; // that system's number for the ticket
};

// The answer a peer got for a message; a duplicate gets it again.
struct StoredAnswer {
  int64_t message_id = 0;
  int http_status = 0;
  std::string ticket_id;
  std::string body;
};

struct OutboxInsert {
  std::string target;    // "core" or a connector instance name
  std::string ticket_id; // ordering key together with target
  std::string kind;      // "ticket", "event", ...
  std::string content_type;
  std::string body;            // what will be sent
  std::string idempotency_key; // fixed at insert; every attempt reuses it
};

// One audit fact. The store assigns seq, time and the chain hash.
struct AuditInsert {
  std::string action;     // received, rejected, stored, delivered, retried, dead_lettered,
                          // replayed, discarded, ...
  std::string actor;      // "gateway", a connector instance, "admin:<token name>", ...
  std::string ticket_id;  // may be empty (a rejected message)
  int64_t message_id = 0; // 0 = none; set by the store for the message of the same commit
  int64_t outbox_id = 0;  // 0 = none
  std::string target;
  std::string detail; // why / what, masked of personal data by the caller
};

struct AuditRecord {
  int64_t seq = 0;
  int64_t at_ms = 0;
  std::string action;
  std::string actor;
  std::string ticket_id;
  int64_t message_id = 0;
  int64_t outbox_id = 0;
  std::string target;
  std::string detail;
  std::string prev_hash; // hex; the previous record's hash ("" for the first)
  std::string hash;      // hex of H(prev_hash || canonical form of this record)
  std::string algorithm; // "sha256" or "sm3"
};

// One accepted inbound message and everything it causes, committed atomically.
struct InboundCommit {
  int64_t received_at_ms = 0;
  std::string dedupe_key; // unique: source + peer message id, or source + body digest
  std::string source;     // connector instance
  std::string kind;
  std::string content_type;
  std::string body;      // as received
  std::string canonical; // canonical JSON after mapping
  std::string ticket_id;
  int answer_status = 201;
  std::string answer_body;
  std::optional<TicketStateRow> ticket_state; // upserted when set
  std::vector<LinkRow> links;                 // inserted (system, number) must be new
  std::vector<OutboxInsert> outbox;
  std::vector<AuditInsert> audit; // message_id filled in by the store
};

// A rejected message is recorded for audit (why), but stores nothing else.
struct RejectionRecord {
  int64_t received_at_ms = 0;
  std::string source;
  std::string kind;
  std::string reason; // masked
};

enum class OutboxState { Pending, Delivered, Dead, Discarded };
const char* outboxStateName(OutboxState state);

struct OutboxRow {
  int64_t id = 0; // increasing in insert order: the order of delivery per (target, ticket)
  std::string target;
  std::string ticket_id;
  std::string kind;
  std::string content_type;
  std::string body;
  std::string idempotency_key;
  OutboxState state = OutboxState::Pending;
  int attempts = 0;
  int64_t next_attempt_at_ms = 0;
  int64_t created_at_ms = 0;
  int64_t finished_at_ms = 0; // delivered / dead-lettered / discarded
  std::string last_error;
  int64_t purged_at_ms = 0; // when payload retention emptied `body`; 0 = the body is held
};

// The result of one delivery attempt, recorded in batches by the dispatcher.
struct DeliveryRecord {
  enum class Kind { Delivered, Retry, Dead };
  int64_t outbox_id = 0;
  Kind kind = Kind::Delivered;
  int64_t at_ms = 0;
  int64_t next_attempt_at_ms = 0; // Retry
  std::string error;              // Retry / Dead: the reason
  int http_status = 0;            // what the target answered, 0 = no answer
  int64_t latency_ms = 0;
};

// The pending row an OutboxInsert becomes once the store has given it `id` at `at_ms`.
inline OutboxRow pendingOutboxRow(const OutboxInsert& insert, int64_t id, int64_t at_ms) {
  OutboxRow row;
  row.id = id;
  row.target = insert.target;
  row.ticket_id = insert.ticket_id;
  row.kind = insert.kind;
  row.content_type = insert.content_type;
  row.body = insert.body;
  row.idempotency_key = insert.idempotency_key;
  row.next_attempt_at_ms = at_ms;
  row.created_at_ms = at_ms;
  return row;
}

// The group committer's write: everything it has gathered, in one transaction. Inbound
// commits first, then the audit facts of refused messages, then delivery outcomes, then
// links a connector reported on its own (a peer's case number for a ticket: checked by the
// committer, so each is new), then other audit facts (e.g. a connector refusing a forged
// signature, or the "linked" record of those links).
struct WriteBatch {
  std::span<const InboundCommit> inbound;
  std::span<const RejectionRecord> rejections;
  std::span<const DeliveryRecord> deliveries;
  std::span<const AuditInsert> facts = {};
  std::span<const LinkRow> links = {};
};

// True when a store refused a delivery record for good (the row is gone or no longer
// pending), as opposed to failing to write it now.
bool isDeliveryRefusal(const Status& status);

struct WriteBatchResult {
  // New outbox ids, as commitInbound returns them.
  std::vector<std::vector<int64_t>> outbox_ids;
  // Delivery records the store will never take (their row is gone or no longer pending,
  // e.g. discarded meanwhile): index into WriteBatch::deliveries and the reason. They are
  // skipped; the rest of the batch is stored.
  std::vector<std::pair<size_t, Status>> refused_deliveries;
};

struct OutboxCounts {
  int64_t pending = 0;
  int64_t dead = 0;
  int64_t delivered = 0;
};

struct MessageRow {
  int64_t id = 0;
  int64_t received_at_ms = 0;
  std::string source;
  std::string kind;
  std::string content_type;
  std::string ticket_id;
  int answer_status = 0;
  int64_t purged_at_ms = 0; // when payload retention emptied the raw payload; 0 = held
};

// Payload retention (store.keep_payloads_days): one call of Store::purgePayloads().
struct PurgeRequest {
  int64_t before_ms = 0; // payloads received (messages) or created (outbox rows) before this
  size_t limit = 500;    // at most this many rows of each table, in one transaction
  std::string actor = "retention";
};

struct PurgeResult {
  size_t messages = 0;    // raw payloads emptied
  size_t outbox_rows = 0; // delivery bodies emptied
  bool more = false;      // a sweep stopped at `limit`: call again
  // The outbox sweep waits at this row, older than before_ms but still pending or dead (0:
  // it does not wait). It goes on once the row is delivered or discarded.
  int64_t outbox_held_by = 0;
};

// ---- the interface -------------------------------------------------------------------

class Store : public StateStore {
public:
  ~Store() override = default;

  // Creates or upgrades the schema (numbered migrations, each applied once, in order).
  virtual Status migrate() = 0;

  // -- submit path (reads are consistent with every committed write)
  virtual Result<std::optional<StoredAnswer>> findAnswer(const std::string& dedupe_key) = 0;
  virtual Result<std::optional<TicketStateRow>> ticketState(const std::string& ticket_id) = 0;
  virtual Result<std::optional<std::string>> resolveLink(const std::string& system,
                                                         const std::string& number) = 0;
  // Every target that has had an outbox row of the ticket, in name order: the core platform
  // and the connector instances the ticket (or an event of it) was routed to.
  virtual Result<std::vector<std::string>> targetsOfTicket(const std::string& ticket_id) = 0;
  // Every source of a stored message of the ticket (connector instances, "core-platform"), in
  // name order.
  virtual Result<std::vector<std::string>> sourcesOfTicket(const std::string& ticket_id) = 0;
  // The body of the ticket's latest outbox row of kind "ticket" (its newest canonical
  // snapshot), if there is one.
  virtual Result<std::optional<std::string>> latestTicketSnapshot(const std::string& ticket_id) = 0;
  // All of `batch` in one transaction (group commit). On success every commit's new outbox
  // rows get ids, returned in order (outer: per commit, inner: per OutboxInsert). On failure
  // nothing of the batch is stored.
  virtual Result<std::vector<std::vector<int64_t>>>
  commitInbound(std::span<const InboundCommit> batch) = 0;
  virtual Status recordRejections(std::span<const RejectionRecord> rejections) = 0;
  // All of `batch` in one transaction: on failure nothing of it is stored. One writer
  // gathering every kind of write is what lets a single fsync cover them all.
  virtual Result<WriteBatchResult> commitBatch(const WriteBatch& batch) = 0;

  // -- outbox
  // Pending rows with id > after_id, in id order, at most `limit`.
  virtual Result<std::vector<OutboxRow>> loadPending(int64_t after_id, size_t limit) = 0;
  // Records attempts (and their audit facts) in one transaction.
  virtual Status recordDeliveries(std::span<const DeliveryRecord> records) = 0;
  virtual Result<std::optional<OutboxRow>> outboxRow(int64_t id) = 0;
  virtual Result<std::vector<OutboxRow>> listOutbox(OutboxState state, int64_t after_id,
                                                    size_t limit) = 0;
  // Dead -> Pending with attempts reset; audited as replayed by `actor`.
  virtual Status replayDead(int64_t id, const std::string& actor) = 0;
  // Dead -> Discarded; audited as discarded by `actor` with `reason`.
  virtual Status discardDead(int64_t id, const std::string& actor, const std::string& reason) = 0;
  virtual Result<OutboxCounts> outboxCounts() = 0;

  // -- audit
  virtual Status appendAudit(std::span<const AuditInsert> records) = 0;
  // Records with seq > after_seq in seq order; ticket_id filters when non-empty.
  virtual Result<std::vector<AuditRecord>> queryAudit(int64_t after_seq, size_t limit,
                                                      const std::string& ticket_id) = 0;

  // -- retention
  // Empties stored payloads older than request.before_ms, each in its own sweep that resumes
  // where the last call stopped (ids ascending): the raw payload of every message (nothing
  // reads it again), and the body of every delivered or discarded outbox row except each
  // ticket's latest row of kind "ticket" (its newest snapshot, which later events of the
  // ticket read). A pending or dead row is never emptied and the outbox sweep does not pass
  // it. Rows, keys, links, states and the audit chain stay; emptied rows get purged_at, and a
  // call that emptied anything appends one audit record "purged" by request.actor. One
  // transaction per call.
  virtual Result<PurgeResult> purgePayloads(const PurgeRequest& request) = 0;

  // -- trace
  virtual Result<std::vector<MessageRow>> messagesOfTicket(const std::string& ticket_id) = 0;
  virtual Result<std::vector<LinkRow>> linksOfTicket(const std::string& ticket_id) = 0;
  virtual Result<std::vector<OutboxRow>> outboxOfTicket(const std::string& ticket_id) = 0;
};

} // namespace hotline::store
