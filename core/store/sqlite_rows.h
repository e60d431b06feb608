#pragma once
// How store records are read back from SQLite rows, once for each way of reading:
//  - readOutboxRow() for the raw prepared statements of the hot path;
//  - Poco::Data::TypeHandler specialisations for the POCO Data queries of the cold path
//    (`session << "SELECT ...", into(rows), now`).
// Every text column is extracted as a BLOB: POCO's std::string extractor stops at the first
// NUL byte, a body or a token may contain one, and the audit hash needs the exact bytes.

#include "core/store/sqlite_statement.h"
#include "core/store/store.h"

#include <Poco/Data/AbstractExtractor.h>
#include <Poco/Data/AbstractPreparator.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/TypeHandler.h>

#include <cstddef>
#include <string>

namespace hotline::store {

// The columns readOutboxRow() and TypeHandler<OutboxRow> expect, in this order.
inline constexpr const char* kOutboxColumns =
    "id, target, ticket_id, kind, content_type, body, idempotency_key, state, attempts, "
    "next_attempt_at, created_at, finished_at, last_error, purged_at";
inline constexpr const char* kAuditColumns = "seq, at, action, actor, ticket_id, message_id, "
                                             "outbox_id, target, detail, prev_hash, hash, "
                                             "algorithm";
inline constexpr const char* kMessageColumns =
    "id, received_at, source, kind, content_type, ticket_id, answer_status, purged_at";
inline constexpr const char* kLinkColumns = "ticket_id, system, number";

// A LIMIT value: SQL's is a signed 64-bit integer.
int64_t sqlLimit(size_t limit);

OutboxRow readOutboxRow(const SqliteStatement& statement);
// An unknown state name reads as Pending; the table's CHECK constraint rules it out.
OutboxState outboxStateFromColumn(const std::string& name);

// Column-at-a-time helpers for the TypeHandlers below.
class PocoColumns {
public:
  PocoColumns(std::size_t pos, Poco::Data::AbstractExtractor::Ptr extractor)
      : pos_(pos), extractor_(std::move(extractor)) {}
  std::string text();
  int64_t integer();

  static void prepare(std::size_t pos, std::size_t count, const char* kinds,
                      Poco::Data::AbstractPreparator::Ptr preparator);

private:
  std::size_t pos_;
  Poco::Data::AbstractExtractor::Ptr extractor_;
};

} // namespace hotline::store

namespace Poco::Data {

// `kinds` spells each row's columns: 'i' an integer, 't' text or a blob.
#define HOTLINE_ROW_TYPE_HANDLER(Row, kinds)                                                       \
  template <>                                                                                      \
  class TypeHandler<Row> {                                                                         \
  public:                                                                                          \
    static std::size_t size() { return sizeof(kinds) - 1; }                                        \
    static void prepare(std::size_t pos, const Row&, AbstractPreparator::Ptr preparator) {         \
      hotline::store::PocoColumns::prepare(pos, size(), kinds, preparator);                        \
    }                                                                                              \
    static void extract(std::size_t pos, Row& row, const Row&, AbstractExtractor::Ptr extractor);  \
  };

HOTLINE_ROW_TYPE_HANDLER(hotline::store::OutboxRow, "itttttttiiiiti")
HOTLINE_ROW_TYPE_HANDLER(hotline::store::AuditRecord, "iitttiittttt")
HOTLINE_ROW_TYPE_HANDLER(hotline::store::MessageRow, "iittttii")
HOTLINE_ROW_TYPE_HANDLER(hotline::store::LinkRow, "ttt")

#undef HOTLINE_ROW_TYPE_HANDLER

} // namespace Poco::Data
