#pragma once
// The read side of the SQLite store: its own connection (query_only), so that the dispatcher's
// and the admin API's reads never wait behind a commit's fsync; WAL lets it read the last
// committed state while the writer works. The dispatcher's reads are raw prepared
// statements (see sqlite_writer.h for why); admin and trace queries use POCO Data.
//
// Thread safety: every member locks mutex_.

#include "core/store/sqlite_connection.h"
#include "core/store/store.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hotline::store {

class SqliteReader {
public:
  // The schema must exist: open the SqliteWriter (which migrates) first.
  static Result<std::unique_ptr<SqliteReader>> open(const std::string& path);

  // Hot: raw statements (sqlite_reader.cc).
  Result<std::vector<OutboxRow>> loadPending(int64_t after_id, size_t limit);
  Result<std::optional<OutboxRow>> outboxRow(int64_t id);

  // Cold: POCO Data (sqlite_reader_queries.cc).
  Result<std::string> get(const std::string& scope, const std::string& key);
  Result<std::vector<OutboxRow>> listOutbox(OutboxState state, int64_t after_id, size_t limit);
  Result<OutboxCounts> outboxCounts();
  Result<std::vector<AuditRecord>> queryAudit(int64_t after_seq, size_t limit,
                                              const std::string& ticket_id);
  Result<std::vector<MessageRow>> messagesOfTicket(const std::string& ticket_id);
  Result<std::vector<LinkRow>> linksOfTicket(const std::string& ticket_id);
  Result<std::vector<OutboxRow>> outboxOfTicket(const std::string& ticket_id);

private:
  struct Statements {
    std::unique_ptr<SqliteStatement> load_pending;
    std::unique_ptr<SqliteStatement> outbox_row;
  };

  explicit SqliteReader(std::unique_ptr<SqliteConnection> connection)
      : connection_(std::move(connection)) {}
  Status prepareStatements();

  std::mutex mutex_;
  std::unique_ptr<SqliteConnection> connection_;
  Statements statements_; // after connection_: finalized before it closes
};

} // namespace hotline::store
