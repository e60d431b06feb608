#pragma once
// The submit path's three point look-ups (dedupe key, ticket state, link), prepared once on
// whichever connection owns them. The caller holds that connection's lock.
//
// SqliteWriter owns them, not SqliteReader: the group committer plans and commits on the same
// thread, and SQLite resets a connection's whole page cache whenever another connection has
// written to the WAL, so on the reader these look-ups re-read every page from the file after
// each commit (perf: pread was ~10 % of the committer thread).

#include "core/store/sqlite_connection.h"
#include "core/store/store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hotline::store {

class SqliteLookups {
public:
  static Result<SqliteLookups> prepare(SqliteConnection& connection);

  Result<std::optional<StoredAnswer>> findAnswer(const std::string& dedupe_key);
  Result<std::optional<TicketStateRow>> ticketState(const std::string& ticket_id);
  Result<std::optional<std::string>> resolveLink(const std::string& system,
                                                 const std::string& number);
  Result<std::vector<std::string>> targetsOfTicket(const std::string& ticket_id);
  Result<std::vector<std::string>> sourcesOfTicket(const std::string& ticket_id);
  Result<std::optional<std::string>> latestTicketSnapshot(const std::string& ticket_id);

private:
  // The first column of every row `select` gives for `ticket_id`.
  static Result<std::vector<std::string>> column0Of(SqliteStatement& select,
                                                    const std::string& ticket_id);

  std::unique_ptr<SqliteStatement> find_answer_;
  std::unique_ptr<SqliteStatement> ticket_state_;
  std::unique_ptr<SqliteStatement> resolve_link_;
  std::unique_ptr<SqliteStatement> targets_of_ticket_;
  std::unique_ptr<SqliteStatement> sources_of_ticket_;
  std::unique_ptr<SqliteStatement> latest_snapshot_;
};

} // namespace hotline::store
