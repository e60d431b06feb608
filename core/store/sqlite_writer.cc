#include "core/store/sqlite_writer.h"

#include "core/store/sqlite_migrations.h"
#include "core/store/store_checks.h"

#include <Poco/Data/LOB.h>

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <algorithm>
#include <string>

namespace hotline::store {
namespace {

using namespace Poco::Data::Keywords;

constexpr const char* kInsertMessage =
    "INSERT INTO messages (received_at, source, kind, content_type, dedupe_key, ticket_id, "
    "body, canonical, answer_status, answer_body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10)";
constexpr const char* kUpsertTicket =
    "INSERT INTO tickets (ticket_id, status, extension_pending, updated_at, holders) VALUES (?1, "
    "?2, ?3, ?4, ?5) ON CONFLICT (ticket_id) DO UPDATE SET status = excluded.status, "
    "extension_pending = excluded.extension_pending, updated_at = excluded.updated_at, holders = "
    "excluded.holders";
constexpr const char* kInsertLink =
    "INSERT INTO links (system, number, ticket_id) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertOutbox =
    "INSERT INTO outbox (target, ticket_id, message_id, kind, content_type, body, "
    "idempotency_key, state, attempts, next_attempt_at, created_at, finished_at, last_error, "
    "last_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', 0, ?8, ?8, 0, '', 0)";
constexpr const char* kInsertAudit =
    "INSERT INTO audit (seq, at, action, actor, ticket_id, message_id, outbox_id, target, "
    "detail, prev_hash, hash, algorithm) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12)";
constexpr const char* kPutState =
    "INSERT INTO state (scope, key, value, updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
    "(scope, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
constexpr const char* kSelectHead =
    "SELECT value FROM state WHERE scope = 'audit' AND key = 'head'";
constexpr const char* kSelectOutbox =
    "SELECT id, target, ticket_id, state, attempts, next_attempt_at, finished_at, last_error "
    "FROM outbox WHERE id = ?1";
constexpr const char* kUpdateOutbox =
    "UPDATE outbox SET state = ?2, attempts = ?3, next_attempt_at = ?4, finished_at = ?5, "
    "last_error = ?6, last_status = COALESCE(?7, last_status) WHERE id = ?1";

// Names the key a UNIQUE violation was about; other errors pass unchanged.
Status uniqueViolation(const Status& status, const Status& meaning) {
  return status.code() == StatusCode::AlreadyExists ? meaning : status;
}

} // namespace

SqliteWriter::SqliteWriter(std::unique_ptr<SqliteConnection> connection,
                           const SqliteOptions& options)
    : connection_(std::move(connection)), chain_(options.audit_algorithm),
      clock_(options.clock ? options.clock : StoreClock(systemClockMs)) {}

Result<std::unique_ptr<SqliteWriter>> SqliteWriter::open(const SqliteOptions& options) {
  Result<std::unique_ptr<SqliteConnection>> connection = SqliteConnection::open(
      options.path, SqliteConnection::Role::Writer, options.synchronous_full);
  if (!connection.isOk()) {
    return connection.status();
  }
  std::unique_ptr<SqliteWriter> writer(new SqliteWriter(std::move(connection).value(), options));
  HOTLINE_RETURN_IF_ERROR(writer->migrate());
  HOTLINE_RETURN_IF_ERROR(writer->limitSize(options.max_size_mb));
  HOTLINE_RETURN_IF_ERROR(writer->prepareStatements());
  HOTLINE_RETURN_IF_ERROR(writer->resumeChain());
  return writer;
}

// After the migrations, which must never fail for want of room.
Status SqliteWriter::limitSize(int64_t max_size_mb) {
  if (max_size_mb <= 0) {
    return Status::ok();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  Result<std::string> page_size = connection_->pragma("page_size");
  if (!page_size) {
    return page_size.status();
  }
  const int64_t pages = max_size_mb * 1024 * 1024 / std::max<int64_t>(1, std::stoll(*page_size));
  // SQLite never sets it below the pages in use: a file already past the limit takes no
  // more writes, which /readyz then reports.
  return connection_->exec(("PRAGMA max_page_count = " + std::to_string(pages)).c_str());
}

Status SqliteWriter::migrate() {
  std::lock_guard<std::mutex> lock(mutex_);
  return applySqliteMigrations(*connection_, clock_());
}

Status SqliteWriter::prepareStatements() {
  struct Entry {
    std::unique_ptr<SqliteStatement>& slot;
    const char* sql;
  };
  for (const Entry& entry :
       {Entry{statements_.insert_message, kInsertMessage},
        Entry{statements_.upsert_ticket, kUpsertTicket},
        Entry{statements_.insert_link, kInsertLink},
        Entry{statements_.insert_outbox, kInsertOutbox},
        Entry{statements_.insert_audit, kInsertAudit}, Entry{statements_.put_state, kPutState},
        Entry{statements_.select_outbox, kSelectOutbox},
        Entry{statements_.update_outbox, kUpdateOutbox},
        Entry{statements_.select_head, kSelectHead}}) {
    Result<std::unique_ptr<SqliteStatement>> statement = connection_->prepare(entry.sql);
    if (!statement.isOk()) {
      return statement.status();
    }
    entry.slot = std::move(statement).value();
  }
  Result<SqliteLookups> lookups = SqliteLookups::prepare(*connection_);
  if (!lookups.isOk()) {
    return lookups.status();
  }
  lookups_.emplace(std::move(lookups).value());
  return Status::ok();
}

Result<std::optional<StoredAnswer>> SqliteWriter::findAnswer(const std::string& dedupe_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookups_->findAnswer(dedupe_key);
}

Result<std::optional<TicketStateRow>> SqliteWriter::ticketState(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookups_->ticketState(ticket_id);
}

Result<std::optional<std::string>> SqliteWriter::resolveLink(const std::string& system,
                                                             const std::string& number) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookups_->resolveLink(system, number);
}

Result<std::vector<std::string>> SqliteWriter::targetsOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookups_->targetsOfTicket(ticket_id);
}

Result<std::vector<std::string>> SqliteWriter::sourcesOfTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookups_->sourcesOfTicket(ticket_id);
}

Result<std::optional<std::string>>
SqliteWriter::latestTicketSnapshot(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookups_->latestTicketSnapshot(ticket_id);
}

// The chain resumes from whichever of the last record and the head anchor is further on.
// Preferring the anchor keeps a truncation visible: the next record gets the anchor's seq
// + 1, leaving a gap the verifier reports, instead of quietly re-using the removed seqs.
Status SqliteWriter::resumeChain() {
  std::vector<Poco::Int64> seqs;
  std::vector<std::string> hashes;
  std::vector<Poco::Data::BLOB> anchors;
  try {
    Poco::Data::Session& session = connection_->session();
    session << "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", into(seqs), into(hashes),
        now;
    session << "SELECT value FROM state WHERE scope = 'audit' AND key = 'head'", into(anchors), now;
  } catch (const Poco::Exception& error) {
    return connection_->pocoError("cannot read the end of the audit log", error);
  }
  audit::AuditHead head;
  if (!seqs.empty()) {
    head = audit::AuditHead{seqs[0], hashes[0]};
  }
  if (!anchors.empty()) {
    const Poco::Data::BLOB& blob = anchors[0];
    const std::string value =
        blob.size() == 0
            ? std::string()
            : std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
    Result<audit::AuditHead> anchor = audit::parseAuditHead(value);
    if (anchor.isOk() && anchor->seq >= head.seq) {
      head = std::move(anchor).value();
    }
  }
  chain_.resume(std::move(head));
  return Status::ok();
}

Status SqliteWriter::transact(const std::function<Status()>& body) {
  const audit::AuditChain saved = chain_;
  Status status = [&]() -> Status {
    SqliteTransaction transaction(*connection_);
    HOTLINE_RETURN_IF_ERROR(transaction.begin());
    HOTLINE_RETURN_IF_ERROR(followStoredHead());
    const int64_t first_seq = chain_.head().seq;
    HOTLINE_RETURN_IF_ERROR(body());
    if (chain_.head().seq != first_seq) {
      HOTLINE_RETURN_IF_ERROR(putState(audit::kHeadScope, audit::kHeadKey,
                                       audit::formatAuditHead(chain_.head()), clock_()));
    }
    return transaction.commit();
  }();
  if (!status.isOk()) {
    chain_ = saved;
  }
  return status;
}

Status SqliteWriter::followStoredHead() {
  SqliteStatement& select = *statements_.select_head;
  SqliteStatement::Reset reset(select);
  Result<bool> found = select.step();
  if (!found.isOk()) {
    return found.status();
  }
  if (*found) {
    Result<audit::AuditHead> stored = audit::parseAuditHead(select.columnText(0));
    if (stored.isOk() && stored->seq > chain_.head().seq) {
      chain_.resume(std::move(stored).value());
    }
  }
  return Status::ok();
}

Result<std::vector<std::vector<int64_t>>>
SqliteWriter::commitInbound(std::span<const InboundCommit> batch) {
  HOTLINE_RETURN_IF_ERROR(checkInboundKeys(batch));
  std::vector<std::vector<int64_t>> ids(batch.size());
  if (batch.empty()) {
    return ids;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  Status status = transact([&]() -> Status {
    for (size_t i = 0; i < batch.size(); ++i) {
      HOTLINE_RETURN_IF_ERROR(insertCommit(batch[i], now_ms, ids[i]));
    }
    return Status::ok();
  });
  if (!status.isOk()) {
    return status;
  }
  return ids;
}

Result<WriteBatchResult> SqliteWriter::commitBatch(const WriteBatch& batch) {
  HOTLINE_RETURN_IF_ERROR(checkInboundKeys(batch.inbound));
  WriteBatchResult result;
  result.outbox_ids.resize(batch.inbound.size());
  if (batch.inbound.empty() && batch.rejections.empty() && batch.deliveries.empty() &&
      batch.facts.empty() && batch.links.empty()) {
    return result;
  }
  const std::vector<AuditInsert> rejected = rejectionFacts(batch.rejections);
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  Status status = transact([&]() -> Status {
    result.refused_deliveries.clear(); // a retried transaction starts over
    for (size_t i = 0; i < batch.inbound.size(); ++i) {
      HOTLINE_RETURN_IF_ERROR(insertCommit(batch.inbound[i], now_ms, result.outbox_ids[i]));
    }
    for (const AuditInsert& fact : rejected) {
      HOTLINE_RETURN_IF_ERROR(appendRecord(fact, now_ms));
    }
    for (size_t i = 0; i < batch.deliveries.size(); ++i) {
      // A refusal is decided before the row is touched, so skipping it leaves nothing half
      // written; any other failure rolls the whole batch back.
      Status applied = applyDeliveryRecord(batch.deliveries[i], now_ms);
      if (isDeliveryRefusal(applied)) {
        result.refused_deliveries.emplace_back(i, std::move(applied));
      } else if (!applied.isOk()) {
        return applied;
      }
    }
    for (const LinkRow& link : batch.links) {
      HOTLINE_RETURN_IF_ERROR(insertLink(link));
    }
    for (const AuditInsert& fact : batch.facts) {
      HOTLINE_RETURN_IF_ERROR(appendRecord(fact, now_ms));
    }
    return Status::ok();
  });
  if (!status.isOk()) {
    return status;
  }
  return result;
}

Status SqliteWriter::insertCommit(const InboundCommit& commit, int64_t now_ms,
                                  std::vector<int64_t>& ids) {
  Result<int64_t> message_id = insertMessage(commit);
  if (!message_id.isOk()) {
    return message_id.status();
  }
  if (commit.ticket_state) {
    const TicketStateRow& state = *commit.ticket_state;
    SqliteStatement& upsert = *statements_.upsert_ticket;
    SqliteStatement::Reset reset(upsert);
    upsert.bindText(1, state.ticket_id);
    upsert.bindText(2, state.status);
    upsert.bind(3, state.extension_pending ? 1 : 0);
    upsert.bind(4, state.updated_at_ms);
    upsert.bindText(5, state.holders);
    HOTLINE_RETURN_IF_ERROR(upsert.run());
  }
  HOTLINE_RETURN_IF_ERROR(insertLinks(commit));
  ids.reserve(commit.outbox.size());
  for (const OutboxInsert& row : commit.outbox) {
    // Stamped with the message's arrival, like pendingOutboxRow() for rows handed straight
    // to the dispatcher, so a row reads the same from memory and after a restart.
    Result<int64_t> id = insertOutbox(row, *message_id, commit.received_at_ms);
    if (!id.isOk()) {
      return id.status();
    }
    ids.push_back(*id);
  }
  for (const AuditInsert& insert : commit.audit) {
    HOTLINE_RETURN_IF_ERROR(appendRecord(insert, now_ms, *message_id));
  }
  return Status::ok();
}

Result<int64_t> SqliteWriter::insertMessage(const InboundCommit& commit) {
  SqliteStatement& insert = *statements_.insert_message;
  SqliteStatement::Reset reset(insert);
  insert.bind(1, commit.received_at_ms);
  insert.bindText(2, commit.source);
  insert.bindText(3, commit.kind);
  insert.bindText(4, commit.content_type);
  insert.bindText(5, commit.dedupe_key);
  insert.bindText(6, commit.ticket_id);
  insert.bindBlob(7, commit.body);
  insert.bindText(8, commit.canonical);
  insert.bind(9, commit.answer_status);
  insert.bindText(10, commit.answer_body);
  Status status = insert.run();
  if (!status.isOk()) {
    return uniqueViolation(status, dedupeKeyExists(commit.dedupe_key));
  }
  return connection_->lastInsertId();
}

Status SqliteWriter::insertLinks(const InboundCommit& commit) {
  for (const LinkRow& link : commit.links) {
    HOTLINE_RETURN_IF_ERROR(insertLink(link));
  }
  return Status::ok();
}

Status SqliteWriter::insertLink(const LinkRow& link) {
  SqliteStatement& insert = *statements_.insert_link;
  SqliteStatement::Reset reset(insert);
  insert.bindText(1, link.system);
  insert.bindText(2, link.number);
  insert.bindText(3, link.ticket_id);
  Status status = insert.run();
  if (!status.isOk()) {
    return uniqueViolation(status, linkExists(link.system, link.number));
  }
  return Status::ok();
}

Result<int64_t> SqliteWriter::insertOutbox(const OutboxInsert& row, int64_t message_id,
                                           int64_t created_at_ms) {
  SqliteStatement& insert = *statements_.insert_outbox;
  SqliteStatement::Reset reset(insert);
  insert.bindText(1, row.target);
  insert.bindText(2, row.ticket_id);
  insert.bind(3, message_id);
  insert.bindText(4, row.kind);
  insert.bindText(5, row.content_type);
  insert.bindBlob(6, row.body);
  insert.bindText(7, row.idempotency_key);
  insert.bind(8, created_at_ms);
  Status status = insert.run();
  if (!status.isOk()) {
    return uniqueViolation(status, idempotencyKeyExists(row.idempotency_key));
  }
  return connection_->lastInsertId();
}

Status SqliteWriter::appendRecord(const AuditInsert& insert, int64_t now_ms, int64_t message_id) {
  const AuditRecord record = chain_.extend(insert, now_ms, message_id);
  SqliteStatement& statement = *statements_.insert_audit;
  SqliteStatement::Reset reset(statement);
  statement.bind(1, record.seq);
  statement.bind(2, record.at_ms);
  statement.bindText(3, record.action);
  statement.bindText(4, record.actor);
  statement.bindText(5, record.ticket_id);
  statement.bind(6, record.message_id);
  statement.bind(7, record.outbox_id);
  statement.bindText(8, record.target);
  statement.bindText(9, record.detail);
  statement.bindText(10, record.prev_hash);
  statement.bindText(11, record.hash);
  statement.bindText(12, record.algorithm);
  return statement.run();
}

Status SqliteWriter::putState(const std::string& scope, const std::string& key,
                              const std::string& value, int64_t now_ms) {
  SqliteStatement& statement = *statements_.put_state;
  SqliteStatement::Reset reset(statement);
  statement.bindText(1, scope);
  statement.bindText(2, key);
  statement.bindBlob(3, value);
  statement.bind(4, now_ms);
  return statement.run();
}

Status SqliteWriter::appendAudit(std::span<const AuditInsert> records) {
  if (records.empty()) {
    return Status::ok();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  return transact([&]() -> Status {
    for (const AuditInsert& insert : records) {
      HOTLINE_RETURN_IF_ERROR(appendRecord(insert, now_ms));
    }
    return Status::ok();
  });
}

Result<std::string> SqliteWriter::pragma(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  return connection_->pragma(name);
}

} // namespace hotline::store
