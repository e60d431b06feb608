#include "core/store/sqlite_reader.h"

#include "core/store/sqlite_rows.h"

namespace hotline::store {
namespace {

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
       {Entry{statements_.load_pending, kLoadPending}, Entry{statements_.outbox_row, kOutboxRow}}) {
    Result<std::unique_ptr<SqliteStatement>> statement = connection_->prepare(entry.sql.c_str());
    if (!statement.isOk()) {
      return statement.status();
    }
    entry.slot = std::move(statement).value();
  }
  return Status::ok();
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
