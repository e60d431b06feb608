// Store throughput (tests/bench/RESULTS.md, "Store"):
//  - BM_CommitInbound: commitInbound batches of pipeline-shaped commits into a real file with
//    synchronous=FULL (every batch reaches the disk), commits/s = items_per_second;
//  - BM_CommitInboundNoFsync: the same with synchronous=NORMAL, to split CPU from fsync;
//  - BM_MessageInsert{PocoData,RawSqlite}: one prepared INSERT re-executed through POCO Data
//    and through the raw sqlite3 API on the same kind of connection: the measurement behind
//    the hot path's choice (core/store/sqlite_writer.h);
//  - BM_AuditChainHash: one audit record's hash, SHA-256 and SM3.
//
//   build-bench/bin/bench_store --benchmark_min_time=2

#include "core/audit/audit_chain.h"
#include "core/store/sqlite_store.h"
#include "tests/bench/bench_dir.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace hotline::store {
namespace {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

using bench::BenchDir;
using bench::digestOf;

// Where a commit's keys land in their indexes decides what a commit costs once the store is
// large: a key at the end of its index dirties the same few pages as the previous commit's,
// a key anywhere dirties a page of its own.
enum class Keys {
  PeerOrdered, // the peer's message ids increase (WeChat MsgId, an SMS vendor's id)
  Digest,      // no peer id: the dedupe key is a digest of the body, so uniformly spread
};

std::string padded(const char* prefix, int64_t n) {
  std::string digits = std::to_string(n);
  return prefix + std::string(digits.size() < 12 ? 12 - digits.size() : 0, '0') + digits;
}

// A commit shaped like the pipeline's: a 600-byte body, 900-byte canonical JSON, one
// ticket-state upsert (a ticket gets three messages), 0-2 links, one outbox row to the core
// platform (its body the canonical JSON) and two audit facts (received, stored). Ticket
// ids are the gateway's time-sortable ids (DESIGN.md §3.1), link numbers the peers' own
// increasing numbers, idempotency keys derived from the dedupe key.
InboundCommit pipelineCommit(int64_t n, Keys keys) {
  const std::string ticket = padded("T", n / 3);
  const std::string peer_id = keys == Keys::PeerOrdered ? std::to_string(23'000'000'000'000'000 + n)
                                                        : digestOf(static_cast<uint64_t>(n));
  InboundCommit commit;
  commit.received_at_ms = 1'700'000'000'000 + n;
  commit.dedupe_key = "wechat/" + peer_id;
  commit.source = "wechat";
  commit.kind = "ticket";
  commit.content_type = "application/json";
  commit.body = std::string(600, 'b');
  commit.canonical = std::string(900, 'c');
  commit.ticket_id = ticket;
  commit.answer_body = R"({"ticket_id":")" + ticket + R"("})";
  commit.ticket_state = TicketStateRow{ticket, "submitted", false, commit.received_at_ms, ""};
  for (int64_t i = 0; i < n % 3; ++i) {
    commit.links.push_back(LinkRow{ticket, "system-" + std::to_string(i), padded("N", n)});
  }
  commit.outbox.push_back(OutboxInsert{"core", ticket, "ticket", "application/json",
                                       commit.canonical, commit.dedupe_key + "#core"});
  AuditInsert received{"received", "wechat", ticket, 0, 0, "", "kind ticket"};
  AuditInsert stored{"stored", "gateway", ticket, 0, 0, "core", "outbox core"};
  commit.audit = {received, stored};
  return commit;
}

struct CommitRun {
  bool synchronous_full = true;
  Keys keys = Keys::PeerOrdered;
  int64_t preload = 0; // commits stored before timing starts
};

std::vector<InboundCommit> nextBatch(int64_t& next, int64_t size, Keys keys) {
  std::vector<InboundCommit> batch;
  batch.reserve(static_cast<size_t>(size));
  for (int64_t i = 0; i < size; ++i) {
    batch.push_back(pipelineCommit(next++, keys));
  }
  return batch;
}

void commitBatches(benchmark::State& state, const CommitRun& run) {
  const auto batch_size = static_cast<int64_t>(state.range(0));
  BenchDir dir("hotline-store-bench-");
  SqliteOptions options;
  options.path = dir.file("gateway.db");
  options.synchronous_full = run.synchronous_full;
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options);
  if (!store.isOk()) {
    state.SkipWithError(store.status().toString().c_str());
    return;
  }
  int64_t next = 0;
  while (next < run.preload) {
    if (!(*store)->commitInbound(nextBatch(next, 500, run.keys)).isOk()) {
      state.SkipWithError("preloading failed");
      return;
    }
  }
  std::vector<InboundCommit> batch;
  for (auto _ : state) {
    state.PauseTiming(); // building the input (and freeing the last) is the caller's cost
    batch = nextBatch(next, batch_size, run.keys);
    state.ResumeTiming();
    Result<std::vector<std::vector<int64_t>>> ids = (*store)->commitInbound(batch);
    if (!ids.isOk()) {
      state.SkipWithError(ids.status().toString().c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  state.counters["batches/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_CommitInbound(benchmark::State& state) {
  commitBatches(state, CommitRun{});
}
BENCHMARK(BM_CommitInbound)->Arg(1)->Arg(10)->Arg(16)->Arg(100)->Arg(200)->Arg(500)->UseRealTime();

void BM_CommitInboundNoFsync(benchmark::State& state) {
  commitBatches(state, CommitRun{false, Keys::PeerOrdered, 0});
}
BENCHMARK(BM_CommitInboundNoFsync)->Arg(100)->Arg(500)->UseRealTime();

void BM_CommitInboundDigestKeys(benchmark::State& state) {
  commitBatches(state, CommitRun{true, Keys::Digest, 0});
}
BENCHMARK(BM_CommitInboundDigestKeys)->Arg(500)->UseRealTime();

// A store already holding a million messages: what a long-running gateway pays.
void BM_CommitInboundAfter1M(benchmark::State& state) {
  commitBatches(state, CommitRun{true, Keys::PeerOrdered, 1'000'000});
}
BENCHMARK(BM_CommitInboundAfter1M)->Arg(500)->UseRealTime()->MinTime(5);

// ---- POCO Data vs raw sqlite3: one message-row INSERT, re-executed -----------------------

constexpr const char* kCreateMessages =
    "CREATE TABLE messages (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, source TEXT "
    "NOT NULL, kind TEXT NOT NULL, content_type TEXT NOT NULL, dedupe_key TEXT NOT NULL UNIQUE, "
    "ticket_id TEXT NOT NULL, body BLOB NOT NULL, canonical TEXT NOT NULL, answer_status "
    "INTEGER NOT NULL, answer_body TEXT NOT NULL)";
constexpr const char* kInsertMessage =
    "INSERT INTO messages (received_at, source, kind, content_type, dedupe_key, ticket_id, body, "
    "canonical, answer_status, answer_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr int kRowsPerTransaction = 200;

std::unique_ptr<Poco::Data::Session> benchSession(const std::string& path) {
  Poco::Data::SQLite::Connector::registerConnector();
  auto session = std::make_unique<Poco::Data::Session>("SQLite", path);
  *session << "PRAGMA journal_mode=WAL", now;
  *session << "PRAGMA synchronous=OFF", now; // the statement's CPU cost, not the disk's
  *session << kCreateMessages, now;
  return session;
}

void BM_MessageInsertPocoData(benchmark::State& state) {
  BenchDir dir("hotline-store-bench-");
  std::unique_ptr<Poco::Data::Session> session = benchSession(dir.file("poco.db"));
  Poco::Int64 received_at = 1'700'000'000'000;
  std::string source = "wechat", kind = "ticket", content_type = "application/json";
  std::string key, ticket = "T1", answer = "{}";
  std::string body(600, 'b'), canonical(900, 'c');
  int status = 201;
  Poco::Data::Statement insert(*session);
  insert << kInsertMessage, use(received_at), use(source), use(kind), use(content_type), use(key),
      use(ticket), use(body), use(canonical), use(status), use(answer);
  int64_t n = 0;
  *session << "BEGIN", now;
  for (auto _ : state) {
    key = "k" + std::to_string(n);
    insert.execute();
    if (++n % kRowsPerTransaction == 0) {
      *session << "COMMIT", now;
      *session << "BEGIN", now;
    }
  }
  *session << "COMMIT", now;
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MessageInsertPocoData);

void BM_MessageInsertRawSqlite(benchmark::State& state) {
  BenchDir dir("hotline-store-bench-");
  std::unique_ptr<Poco::Data::Session> session = benchSession(dir.file("raw.db"));
  sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(*session);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v3(db, kInsertMessage, -1, SQLITE_PREPARE_PERSISTENT, &insert, nullptr);
  const std::string body(600, 'b'), canonical(900, 'c');
  const std::string source = "wechat", kind = "ticket", content_type = "application/json";
  const std::string ticket = "T1", answer = "{}";
  // SQLITE_STATIC (nullptr): every bound string lives until the step, as in SqliteStatement.
  const auto text = [insert](int index, const std::string& value) {
    sqlite3_bind_text(insert, index, value.data(), static_cast<int>(value.size()), nullptr);
  };
  int64_t n = 0;
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  for (auto _ : state) {
    const std::string key = "k" + std::to_string(n);
    sqlite3_bind_int64(insert, 1, 1'700'000'000'000);
    text(2, source);
    text(3, kind);
    text(4, content_type);
    text(5, key);
    text(6, ticket);
    sqlite3_bind_blob(insert, 7, body.data(), static_cast<int>(body.size()), nullptr);
    text(8, canonical);
    sqlite3_bind_int(insert, 9, 201);
    text(10, answer);
    if (sqlite3_step(insert) != SQLITE_DONE) {
      state.SkipWithError(sqlite3_errmsg(db));
      break;
    }
    sqlite3_reset(insert);
    if (++n % kRowsPerTransaction == 0) {
      sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
    }
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_finalize(insert);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MessageInsertRawSqlite);

// ---- the audit chain's hash ---------------------------------------------------------------

void BM_AuditChainHash(benchmark::State& state) {
  const auto algorithm = static_cast<audit::HashAlgorithm>(state.range(0));
  audit::AuditChain chain(algorithm);
  const AuditInsert insert{"stored", "gateway", "T123", 0, 0, "core", "outbox core"};
  for (auto _ : state) {
    benchmark::DoNotOptimize(chain.extend(insert, 1'700'000'000'000, 42));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(audit::hashAlgorithmName(algorithm));
}
BENCHMARK(BM_AuditChainHash)
    ->Arg(static_cast<int>(audit::HashAlgorithm::Sha256))
    ->Arg(static_cast<int>(audit::HashAlgorithm::Sm3));

} // namespace
} // namespace hotline::store

BENCHMARK_MAIN();
