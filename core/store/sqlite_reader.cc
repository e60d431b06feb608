#include "core/store/sqlite_reader.h"

#include "core/store/sqlite_rows.h"

namespace hotline::store {
namespace {

const std::string kFindAnswer =
    "SELECT id, answer_status, ticket_id, answer_body FROM messages WHERE dedupe_key = ?1";
const std::string kTicketState =
    "SELECT ticket_id, status, extension_pending, updated_at FROM tickets WHERE ticket_id = ?1";
const std::string kResolveLink = "SELECT ticket_id FROM links WHERE system = ?1 AND number = ?2";
const std::string kLoadPending = std::string("SELECT ") + kOutboxColumns +
                                 " FROM outbox WHERE state = 'pending' AND id > ?1 "
                                 "ORDER BY id LIMIT ?2";
const std::string kOutboxRow =
    std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ?1";

} // namespace

Result<std::unique_ptr<SqliteReader>> SqliteReader::open(const std::string& path) {
  Result<std::unique_ptr<SqliteConnection>> connection =
      SqliteConnection::open(path, SqliteConnection::Role::Reader, false);
  if (!connection.isOk()) {
    return connection.status();
  }
  std::unique_ptr<SqliteReader> reader(new SqliteReader(std::move(connection).value()));
  HOTLINE_RETURN_IF_ERROR(reader->prepareStatements());
  return reader;
}

Status SqliteReader::prepareStatements() {
  struct Entry {
    std::unique_ptr<SqliteStatement>& slot;
    const std::string& sql;
  };
  for (const Entry& entry :
       {Entry{statements_.find_answer, kFindAnswer}, Entry{statements_.ticket_state, kTicketState},
        Entry{statements_.resolve_link, kResolveLink},
        Entry{statements_.load_pending, kLoadPending}, Entry{statements_.outbox_row, kOutboxRow}}) {
    Result<std::unique_ptr<SqliteStatement>> statement = connection_->prepare(entry.sql.c_str());
    if (!statement.isOk()) {
      return statement.status();
    }
    entry.slot = std::move(statement).value();
  }
  return Status::ok();
}

Result<std::optional<StoredAnswer>> SqliteReader::findAnswer(const std::string& dedupe_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement& select = *statements_.find_answer;
  SqliteStatement::Reset reset(select);
  select.bindText(1, dedupe_key);
  Result<bool> found = select.step();
  if (!found.isOk()) {
    return found.status();
  }
  if (!*found) {
    return std::optional<StoredAnswer>();
  }
  return std::optional<StoredAnswer>(StoredAnswer{select.columnInt64(0),
                                                  static_cast<int>(select.columnInt64(1)),
                                                  select.columnText(2), select.columnText(3)});
}

Result<std::optional<TicketStateRow>> SqliteReader::ticketState(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement& select = *statements_.ticket_state;
  SqliteStatement::Reset reset(select);
  select.bindText(1, ticket_id);
  Result<bool> found = select.step();
  if (!found.isOk()) {
    return found.status();
  }
  if (!*found) {
    return std::optional<TicketStateRow>();
  }
  return std::optional<TicketStateRow>(TicketStateRow{select.columnText(0), select.columnText(1),
                                                      select.columnInt64(2) != 0,
                                                      select.columnInt64(3)});
}

Result<std::optional<std::string>> SqliteReader::resolveLink(const std::string& system,
                                                             const std::string& number) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement& select = *statements_.resolve_link;
  SqliteStatement::Reset reset(select);
  select.bindText(1, system);
  select.bindText(2, number);
  Result<bool> found = select.step();
  if (!found.isOk()) {
    return found.status();
  }
  if (!*found) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(select.columnText(0));
}

Result<std::vector<OutboxRow>> SqliteReader::loadPending(int64_t after_id, size_t limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement& select = *statements_.load_pending;
  SqliteStatement::Reset reset(select);
  select.bind(1, after_id);
  select.bind(2, sqlLimit(limit));
  std::vector<OutboxRow> rows;
  while (true) {
    Result<bool> row = select.step();
    if (!row.isOk()) {
      return row.status();
    }
    if (!*row) {
      return rows;
    }
    rows.push_back(readOutboxRow(select));
  }
}

Result<std::optional<OutboxRow>> SqliteReader::outboxRow(int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement& select = *statements_.outbox_row;
  SqliteStatement::Reset reset(select);
  select.bind(1, id);
  Result<bool> found = select.step();
  if (!found.isOk()) {
    return found.status();
  }
  if (!*found) {
    return std::optional<OutboxRow>();
  }
  return std::optional<OutboxRow>(readOutboxRow(select));
}

} // namespace hotline::store
