#pragma once
// The write side of the SQLite store: one connection, one mutex, every write statement
// prepared once, one BEGIN IMMEDIATE ... COMMIT per call, and the end of the audit chain
// kept in memory so that appending a record costs one hash and one INSERT.
//
// Why raw sqlite3 statements here and POCO Data elsewhere: re-executing a prepared
// Poco::Data::Statement costs ~7 µs more per execution than sqlite3_bind/step/reset on the
// same handle (12.7 µs vs 5.6 µs for one message-row INSERT; BM_MessageInsert* in
// tests/bench/store_bench.cc, figures in tests/bench/RESULTS.md). A commit executes 6-7
// statements in ~22 µs of CPU, so POCO Data would roughly triple its cost (~16,000 instead
// of ~40,000 commits/s). POCO Data keeps the connection, pragmas, migrations and every cold
// query, where its convenience costs nothing that matters.
//
// Thread safety: every member locks mutex_.

#include "core/audit/audit_chain.h"
#include "core/store/sqlite_connection.h"
#include "core/store/sqlite_lookups.h"
#include "core/store/sqlite_options.h"
#include "core/store/store.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hotline::store {

class SqliteWriter {
public:
  // Opens the connection, applies migrations, prepares the statements and resumes the
  // audit chain where the file left it.
  static Result<std::unique_ptr<SqliteWriter>> open(const SqliteOptions& options);

  Status migrate();
  // Caps the file at `max_size_mb` MiB (0: no cap).
  Status limitSize(int64_t max_size_mb);
  Result<std::vector<std::vector<int64_t>>> commitInbound(std::span<const InboundCommit> batch);
  Status appendAudit(std::span<const AuditInsert> records);
  Status recordDeliveries(std::span<const DeliveryRecord> records);
  Result<WriteBatchResult> commitBatch(const WriteBatch& batch);
  Status replayDead(int64_t id, const std::string& actor);
  Status discardDead(int64_t id, const std::string& actor, const std::string& reason);
  Status put(const std::string& scope, const std::string& key, const std::string& value);
  Result<PurgeResult> purgePayloads(const PurgeRequest& request);
  // The submit path's look-ups, on this connection's warm cache (see sqlite_lookups.h).
  Result<std::optional<StoredAnswer>> findAnswer(const std::string& dedupe_key);
  Result<std::optional<TicketStateRow>> ticketState(const std::string& ticket_id);
  Result<std::optional<std::string>> resolveLink(const std::string& system,
                                                 const std::string& number);
  Result<std::vector<std::string>> targetsOfTicket(const std::string& ticket_id);
  Result<std::vector<std::string>> sourcesOfTicket(const std::string& ticket_id);
  Result<std::optional<std::string>> latestTicketSnapshot(const std::string& ticket_id);
  Result<std::string> pragma(const std::string& name);

private:
  struct Statements {
    std::unique_ptr<SqliteStatement> insert_message;
    std::unique_ptr<SqliteStatement> upsert_ticket;
    std::unique_ptr<SqliteStatement> insert_link;
    std::unique_ptr<SqliteStatement> insert_outbox;
    std::unique_ptr<SqliteStatement> insert_audit;
    std::unique_ptr<SqliteStatement> put_state;
    std::unique_ptr<SqliteStatement> select_outbox;
    std::unique_ptr<SqliteStatement> update_outbox;
    std::unique_ptr<SqliteStatement> select_head;
  };

  SqliteWriter(std::unique_ptr<SqliteConnection> connection, const SqliteOptions& options);
  Status prepareStatements();
  Status resumeChain();
  // Inside the write transaction: adopts the stored head anchor when another process (a
  // second gateway on the same file, an admin CLI) appended since our last transaction.
  Status followStoredHead();

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT, moving the head anchor if it appended.
  // On any failure nothing is kept: the transaction rolls back and the chain is restored.
  Status transact(const std::function<Status()>& body);

  Status insertCommit(const InboundCommit& commit, int64_t now_ms, std::vector<int64_t>& ids);
  Result<int64_t> insertMessage(const InboundCommit& commit);
  Status insertLinks(const InboundCommit& commit);
  Status insertLink(const LinkRow& link);
  Result<int64_t> insertOutbox(const OutboxInsert& row, int64_t message_id, int64_t created_at_ms);
  Status appendRecord(const AuditInsert& insert, int64_t now_ms, int64_t message_id = 0);
  Status putState(const std::string& scope, const std::string& key, const std::string& value,
                  int64_t now_ms);
  Result<OutboxRow> selectOutbox(int64_t id);
  // Moves the row as `record` says and audits it: NotFound / FailedPrecondition when the
  // row is gone or no longer pending (isDeliveryRefusal).
  Status applyDeliveryRecord(const DeliveryRecord& record, int64_t now_ms);
  Status updateOutbox(const OutboxRow& row, std::optional<int> last_status);
  // Payload retention (sqlite_writer_purge.cc).
  Result<int64_t> readSweepCursor(const char* key);
  template <typename Decide>
  Result<size_t> sweep(const char* cursor_key, const char* select_sql, const std::string& table,
                       const PurgeRequest& request, int64_t now_ms, Decide&& decide,
                       int64_t& held_by, bool& more);
  Status rewriteWithoutBody(const std::string& table, const std::vector<int64_t>& ids,
                            int64_t now_ms);
  Status setForeignKeys(bool on);
  // Loads row `id`, lets `change` move it, writes it back and audits the change.
  template <typename Change>
  Status changeOutbox(int64_t id, Change&& change);

  std::mutex mutex_;
  std::unique_ptr<SqliteConnection> connection_;
  Statements statements_; // after connection_: finalized before it closes
  std::optional<SqliteLookups> lookups_;
  audit::AuditChain chain_;
  StoreClock clock_;
};

} // namespace hotline::store
