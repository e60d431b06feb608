#pragma once
// The embedded Store (DESIGN.md §8): one SQLite file in WAL mode, synchronous=FULL, under
// ./var/ by default. Writes go through one connection (SqliteWriter: batched transactions,
// the audit chain), reads through another (SqliteReader), so that a submit's dedupe check
// never waits for a commit's fsync.
//
// Thread safety: every member may be called from any thread.

#include "core/store/sqlite_options.h"
#include "core/store/sqlite_reader.h"
#include "core/store/sqlite_writer.h"
#include "core/store/store.h"

#include <memory>
#include <string>

namespace hotline::store {

class SqliteStore : public Store {
public:
  // Creates the parent directories and the file if needed, applies the migrations, and
  // resumes the audit chain. Errors name the file and the reason:
  // "store var/x.db: cannot open: unable to open database file".
  static Result<std::unique_ptr<SqliteStore>> open(const SqliteOptions& options);

  // Diagnostics: the writer connection's PRAGMA `name` ("journal_mode" -> "wal",
  // "synchronous" -> "2" for FULL).
  Result<std::string> pragma(const std::string& name) { return writer_->pragma(name); }
  const std::string& path() const { return path_; }

  Result<std::string> get(const std::string& scope, const std::string& key) override {
    return reader_->get(scope, key);
  }
  Status put(const std::string& scope, const std::string& key, const std::string& value) override {
    return writer_->put(scope, key, value);
  }
  Result<PurgeResult> purgePayloads(const PurgeRequest& request) override {
    return writer_->purgePayloads(request);
  }

  Status migrate() override { return writer_->migrate(); }

  // The submit path's look-ups run on the committer thread, right before it writes: the
  // writer's connection answers them from a warm page cache (sqlite_lookups.h).
  Result<std::optional<StoredAnswer>> findAnswer(const std::string& dedupe_key) override {
    return writer_->findAnswer(dedupe_key);
  }
  Result<std::optional<TicketStateRow>> ticketState(const std::string& ticket_id) override {
    return writer_->ticketState(ticket_id);
  }
  Result<std::optional<std::string>> resolveLink(const std::string& system,
                                                 const std::string& number) override {
    return writer_->resolveLink(system, number);
  }
  Result<std::vector<std::string>> targetsOfTicket(const std::string& ticket_id) override {
    return writer_->targetsOfTicket(ticket_id);
  }
  Result<std::vector<std::string>> sourcesOfTicket(const std::string& ticket_id) override {
    return writer_->sourcesOfTicket(ticket_id);
  }
  Result<std::optional<std::string>> latestTicketSnapshot(const std::string& ticket_id) override {
    return writer_->latestTicketSnapshot(ticket_id);
  }
  Result<std::vector<std::vector<int64_t>>>
  commitInbound(std::span<const InboundCommit> batch) override {
    return writer_->commitInbound(batch);
  }
  Status recordRejections(std::span<const RejectionRecord> rejections) override;
  Result<WriteBatchResult> commitBatch(const WriteBatch& batch) override {
    return writer_->commitBatch(batch);
  }

  Result<std::vector<OutboxRow>> loadPending(int64_t after_id, size_t limit) override {
    return reader_->loadPending(after_id, limit);
  }
  Status recordDeliveries(std::span<const DeliveryRecord> records) override {
    return writer_->recordDeliveries(records);
  }
  Result<std::optional<OutboxRow>> outboxRow(int64_t id) override { return reader_->outboxRow(id); }
  Result<std::vector<OutboxRow>> listOutbox(OutboxState state, int64_t after_id,
                                            size_t limit) override {
    return reader_->listOutbox(state, after_id, limit);
  }
  Status replayDead(int64_t id, const std::string& actor) override {
    return writer_->replayDead(id, actor);
  }
  Status discardDead(int64_t id, const std::string& actor, const std::string& reason) override {
    return writer_->discardDead(id, actor, reason);
  }
  Result<OutboxCounts> outboxCounts() override { return reader_->outboxCounts(); }

  Status appendAudit(std::span<const AuditInsert> records) override {
    return writer_->appendAudit(records);
  }
  Result<std::vector<AuditRecord>> queryAudit(int64_t after_seq, size_t limit,
                                              const std::string& ticket_id) override {
    return reader_->queryAudit(after_seq, limit, ticket_id);
  }

  Result<std::vector<MessageRow>> messagesOfTicket(const std::string& ticket_id) override {
    return reader_->messagesOfTicket(ticket_id);
  }
  Result<std::vector<LinkRow>> linksOfTicket(const std::string& ticket_id) override {
    return reader_->linksOfTicket(ticket_id);
  }
  Result<std::vector<OutboxRow>> outboxOfTicket(const std::string& ticket_id) override {
    return reader_->outboxOfTicket(ticket_id);
  }

private:
  SqliteStore(std::string path, std::unique_ptr<SqliteWriter> writer,
              std::unique_ptr<SqliteReader> reader)
      : path_(std::move(path)), writer_(std::move(writer)), reader_(std::move(reader)) {}

  std::string path_;
  std::unique_ptr<SqliteWriter> writer_;
  std::unique_ptr<SqliteReader> reader_;
};

} // namespace hotline::store
