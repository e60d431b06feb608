#include "core/store/sqlite_lookups.h"

namespace hotline::store {
namespace {

constexpr const char* kFindAnswer =
    "SELECT id, answer_status, ticket_id, answer_body FROM messages WHERE dedupe_key = ?1";
constexpr const char* kTicketState = "SELECT ticket_id, status, extension_pending, updated_at, "
                                     "holders FROM tickets WHERE ticket_id = ?1";
constexpr const char* kResolveLink =
    "SELECT ticket_id FROM links WHERE system = ?1 AND number = ?2";
constexpr const char* kTargetsOfTicket =
    "SELECT DISTINCT target FROM outbox WHERE ticket_id = ?1 ORDER BY target";
constexpr const char* kSourcesOfTicket =
    "SELECT DISTINCT source FROM messages WHERE ticket_id = ?1 ORDER BY source";
constexpr const char* kLatestSnapshot =
    "SELECT body FROM outbox WHERE ticket_id = ?1 AND kind = 'ticket' ORDER BY id DESC LIMIT 1";

} // namespace

Result<SqliteLookups> SqliteLookups::prepare(SqliteConnection& connection) {
  SqliteLookups lookups;
  struct Entry {
    std::unique_ptr<SqliteStatement>& slot;
    const char* sql;
  };
  for (const Entry& entry :
       {Entry{lookups.find_answer_, kFindAnswer}, Entry{lookups.ticket_state_, kTicketState},
        Entry{lookups.resolve_link_, kResolveLink},
        Entry{lookups.targets_of_ticket_, kTargetsOfTicket},
        Entry{lookups.sources_of_ticket_, kSourcesOfTicket},
        Entry{lookups.latest_snapshot_, kLatestSnapshot}}) {
    Result<std::unique_ptr<SqliteStatement>> statement = connection.prepare(entry.sql);
    if (!statement.isOk()) {
      return statement.status();
    }
    entry.slot = std::move(statement).value();
  }
  return lookups;
}

Result<std::optional<StoredAnswer>> SqliteLookups::findAnswer(const std::string& dedupe_key) {
  SqliteStatement& select = *find_answer_;
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

Result<std::optional<TicketStateRow>> SqliteLookups::ticketState(const std::string& ticket_id) {
  SqliteStatement& select = *ticket_state_;
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
                                                      select.columnInt64(3), select.columnText(4)});
}

Result<std::optional<std::string>> SqliteLookups::resolveLink(const std::string& system,
                                                              const std::string& number) {
  SqliteStatement& select = *resolve_link_;
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

Result<std::vector<std::string>> SqliteLookups::targetsOfTicket(const std::string& ticket_id) {
  return column0Of(*targets_of_ticket_, ticket_id);
}

Result<std::vector<std::string>> SqliteLookups::sourcesOfTicket(const std::string& ticket_id) {
  return column0Of(*sources_of_ticket_, ticket_id);
}

Result<std::optional<std::string>>
SqliteLookups::latestTicketSnapshot(const std::string& ticket_id) {
  Result<std::vector<std::string>> bodies = column0Of(*latest_snapshot_, ticket_id);
  if (!bodies) {
    return bodies.status();
  }
  if (bodies->empty()) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(std::move(bodies->front()));
}

Result<std::vector<std::string>> SqliteLookups::column0Of(SqliteStatement& select,
                                                          const std::string& ticket_id) {
  SqliteStatement::Reset reset(select);
  select.bindText(1, ticket_id);
  std::vector<std::string> values;
  for (;;) {
    Result<bool> found = select.step();
    if (!found.isOk()) {
      return found.status();
    }
    if (!*found) {
      return values;
    }
    values.push_back(select.columnText(0));
  }
}

} // namespace hotline::store
