// The floor of the store's rows: the leanest SQLite schema that still holds what the issue asks
// the store for (messages with their dedupe keys, ticket state, links, outbox, audit), written
// with the raw sqlite3 API in an indexer's large transactions, bodies left out (a journal would
// hold them). It answers "what is the least SQLite can cost a message?" for the budget in
// RESULTS.md ("the budget, from measured floors"); it is not the gateway's schema.
//
//   build/bin/bench_store_floor --benchmark_min_time=3
//
// Against today's schema (bench_store_mix): integer ids instead of text, 32-byte binary digests
// instead of 80-character keys, WITHOUT ROWID tables where the key is the row, no index the
// hot path does not read, and no CHECK constraints.

#include "tests/bench/bench_dir.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstring>
#include <string>
#include <vector>

namespace hotline::bench {
namespace {

constexpr const char* kSchema = R"(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA cache_size=-49152;
CREATE TABLE message(id INTEGER PRIMARY KEY, dedupe BLOB NOT NULL UNIQUE, ticket INTEGER NOT NULL,
                     journal_offset INTEGER NOT NULL);
CREATE TABLE ticket(id INTEGER PRIMARY KEY, state INTEGER NOT NULL);
CREATE TABLE link(system INTEGER NOT NULL, number TEXT NOT NULL, ticket INTEGER NOT NULL,
                  PRIMARY KEY(system, number)) WITHOUT ROWID;
CREATE TABLE outbox(id INTEGER PRIMARY KEY, message INTEGER NOT NULL, target INTEGER NOT NULL,
                    state INTEGER NOT NULL);
CREATE TABLE audit(seq INTEGER PRIMARY KEY, ticket INTEGER NOT NULL, kind INTEGER NOT NULL,
                   hash BLOB NOT NULL);
CREATE INDEX audit_by_ticket ON audit(ticket, seq);
)";

class LeanStore {
public:
  LeanStore() {
    ok_ = sqlite3_open(dir_.file("floor.db").c_str(), &db_) == SQLITE_OK &&
          sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr) == SQLITE_OK &&
          prepare(message_, "INSERT INTO message(dedupe, ticket, journal_offset) VALUES(?,?,?)") &&
          prepare(ticket_, "INSERT INTO ticket(id, state) VALUES(?, 1)") &&
          prepare(link_, "INSERT INTO link(system, number, ticket) VALUES(7, ?, ?)") &&
          prepare(outbox_, "INSERT INTO outbox(message, target, state) VALUES(?, 1, 0)") &&
          prepare(delivered_, "UPDATE outbox SET state = 2 WHERE id = ?") &&
          prepare(audit_, "INSERT INTO audit(ticket, kind, hash) VALUES(?, ?, ?)");
  }
  ~LeanStore() {
    for (sqlite3_stmt* statement : {message_, ticket_, link_, outbox_, delivered_, audit_}) {
      sqlite3_finalize(statement);
    }
    sqlite3_close(db_);
  }
  LeanStore(const LeanStore&) = delete;
  LeanStore& operator=(const LeanStore&) = delete;
  bool ok() const { return ok_; }

  // `size` new messages and the delivery outcomes of the previous batch, in one transaction.
  bool writeBatch(size_t size) {
    bool ok = sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    for (int64_t outbox_id : delivered_next_) {
      ok = ok && run(delivered_, {outbox_id}) && audit(outbox_id, 3);
    }
    delivered_next_.clear();
    for (size_t i = 0; ok && i < size; ++i) {
      ok = writeMessage(next_++);
    }
    return ok && sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
  }

private:
  bool prepare(sqlite3_stmt*& statement, const char* sql) {
    return sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) ==
           SQLITE_OK;
  }
  // Binds the integers in order, then steps once.
  static bool run(sqlite3_stmt* statement, std::initializer_list<int64_t> values) {
    int index = 1;
    for (int64_t value : values) {
      sqlite3_bind_int64(statement, index++, value);
    }
    const bool done = sqlite3_step(statement) == SQLITE_DONE;
    sqlite3_reset(statement);
    return done;
  }
  bool audit(int64_t ticket, int kind) {
    sqlite3_bind_int64(audit_, 1, ticket);
    sqlite3_bind_int(audit_, 2, kind);
    sqlite3_bind_blob(audit_, 3, hash_, sizeof hash_, SQLITE_STATIC);
    const bool done = sqlite3_step(audit_) == SQLITE_DONE;
    sqlite3_reset(audit_);
    return done;
  }
  bool writeMessage(uint64_t n) {
    const auto ticket = static_cast<int64_t>(n); // time-sortable ids: they grow
    // A body digest lands anywhere in its index, as a peer's case number does in links.
    const std::string digest = digestOf(n) + digestOf(~n);
    sqlite3_bind_blob(message_, 1, digest.data(), static_cast<int>(digest.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_int64(message_, 2, ticket);
    sqlite3_bind_int64(message_, 3, static_cast<int64_t>(n) * 1536);
    bool ok = sqlite3_step(message_) == SQLITE_DONE;
    sqlite3_reset(message_);
    const int64_t message_id = sqlite3_last_insert_rowid(db_);
    ok = ok && run(ticket_, {ticket});
    // 32 connections number their tickets each in its own sequence, as in bench_store_mix.
    const std::string number = "B-run-" + std::to_string(n % 32) + "-" + std::to_string(n / 32);
    sqlite3_bind_text(link_, 1, number.data(), static_cast<int>(number.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(link_, 2, ticket);
    ok = ok && sqlite3_step(link_) == SQLITE_DONE;
    sqlite3_reset(link_);
    ok = ok && run(outbox_, {message_id});
    delivered_next_.push_back(sqlite3_last_insert_rowid(db_));
    return ok && audit(ticket, 1) && audit(ticket, 2); // received, stored
  }

  BenchDir dir_{"hotline-store-floor-"};
  sqlite3* db_ = nullptr;
  bool ok_ = false;
  sqlite3_stmt* message_ = nullptr;
  sqlite3_stmt* ticket_ = nullptr;
  sqlite3_stmt* link_ = nullptr;
  sqlite3_stmt* outbox_ = nullptr;
  sqlite3_stmt* delivered_ = nullptr;
  sqlite3_stmt* audit_ = nullptr;
  unsigned char hash_[32] = {};
  uint64_t next_ = 0;
  std::vector<int64_t> delivered_next_;
};

void BM_LeanSchemaIndexer(benchmark::State& state) {
  const auto batch_size = static_cast<size_t>(state.range(0));
  LeanStore store;
  if (!store.ok()) {
    state.SkipWithError("cannot create the lean schema");
    return;
  }
  for (int done = 0; done < 50'000; done += 500) { // as bench_store_mix: 50,000 stored first
    if (!store.writeBatch(500)) {
      state.SkipWithError("preloading failed");
      return;
    }
  }
  for (auto _ : state) {
    if (!store.writeBatch(batch_size)) {
      state.SkipWithError("a batch failed");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(batch_size));
}
BENCHMARK(BM_LeanSchemaIndexer)->Arg(32)->Arg(500)->Arg(2000);

} // namespace
} // namespace hotline::bench

BENCHMARK_MAIN();
