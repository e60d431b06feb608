// What the pipeline's store work costs per message at the committer's batch size, and what
// the same work would cost in the large transactions of an indexer behind a journal
// (tests/bench/RESULTS.md, "What 20,000/s would take"). Each batch is shaped like the
// pipeline benchmark's: n signed 1.5 KB tickets (digest dedupe keys, one peer link each,
// a 1.7 KB canonical outbox row, received + stored audit facts) plus the delivery outcomes
// of the previous batch's rows (row update + delivered audit fact), as the group committer
// writes them.
//
//   build/bin/bench_store_mix --benchmark_min_time=3
//
// Compare the CPU column per item: the committer's transactions are SqliteStore::commitBatch
// with synchronous=FULL at 16-32 messages; an indexer's would be synchronous=NORMAL (the
// journal holds durability) at hundreds to thousands.

#include "core/store/sqlite_store.h"
#include "tests/bench/bench_dir.h"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace hotline::store {
namespace {

using bench::BenchDir;
using bench::digestOf;

// The gateway's ids sort by time: zero-padded sequence numbers stand in for them.
std::string sortable(const char* prefix, uint64_t n) {
  std::string digits = std::to_string(n);
  return prefix + std::string(digits.size() < 16 ? 16 - digits.size() : 0, '0') + digits;
}

InboundCommit benchTicket(uint64_t n, bool bodies) {
  const std::string ticket = sortable("T", n);
  InboundCommit commit;
  commit.received_at_ms = 1'700'000'000'000 + static_cast<int64_t>(n);
  // 64 hex digits, as a SHA-256 is.
  commit.dedupe_key =
      "bench\nsha256:" + digestOf(n) + digestOf(~n) + digestOf(3 * n + 1) + digestOf(7 * n + 5);
  commit.source = "bench";
  commit.kind = "ticket";
  commit.content_type = "application/json";
  commit.body = std::string(bodies ? 1536 : 0, 'b');
  commit.ticket_id = ticket;
  commit.answer_body = R"({"ticket_id":")" + ticket + R"(","status":"accepted"})";
  commit.ticket_state = TicketStateRow{ticket, "submitted", false, commit.received_at_ms, ""};
  // 32 connections number their tickets each in its own sequence, interleaved.
  commit.links.push_back(LinkRow{ticket, "dept-bench",
                                 "B-run-" + std::to_string(n % 32) + "-" + std::to_string(n / 32)});
  commit.outbox.push_back(OutboxInsert{"core", ticket, "ticket", "application/json",
                                       std::string(bodies ? 1700 : 0, 'c'), sortable("hl-", n)});
  commit.audit = {AuditInsert{"received", "bench", ticket, 0, 0, "", "kind=ticket"},
                  AuditInsert{"stored", "gateway", ticket, 0, 0, "core", "outbox rows: 1"}};
  return commit;
}

struct MixRun {
  bool synchronous_full = true;
  // Without them: what the rows' structure costs (keys, indexes, audit), apart from payload.
  bool bodies = true;
  uint64_t preload = 50'000; // messages stored (and delivered) before timing starts
};

class MixStore {
public:
  explicit MixStore(const MixRun& run) : bodies_(run.bodies) {
    SqliteOptions options;
    options.path = dir_.file("gateway.db");
    options.synchronous_full = run.synchronous_full;
    Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::open(options);
    if (opened.isOk()) {
      store_ = std::move(opened).value();
    } else {
      error_ = opened.status().toString();
    }
  }
  const std::string& error() const { return error_; }

  // Writes `size` new tickets and the delivery outcomes of the previous batch's rows.
  Status writeBatch(size_t size) {
    std::vector<InboundCommit> inbound;
    inbound.reserve(size);
    for (size_t i = 0; i < size; ++i) {
      inbound.push_back(benchTicket(next_++, bodies_));
    }
    std::vector<DeliveryRecord> deliveries;
    for (int64_t id : delivered_next_) {
      DeliveryRecord record;
      record.outbox_id = id;
      record.kind = DeliveryRecord::Kind::Delivered;
      record.at_ms = 1'700'000'000'000;
      record.http_status = 201;
      deliveries.push_back(record);
    }
    Result<WriteBatchResult> written = store_->commitBatch(WriteBatch{inbound, {}, deliveries});
    if (!written.isOk()) {
      return written.status();
    }
    delivered_next_.clear();
    for (const std::vector<int64_t>& ids : written->outbox_ids) {
      delivered_next_.insert(delivered_next_.end(), ids.begin(), ids.end());
    }
    return Status::ok();
  }

  Store& store() { return *store_; }

private:
  BenchDir dir_{"hotline-store-mix-"};
  bool bodies_;
  std::unique_ptr<SqliteStore> store_;
  std::string error_;
  uint64_t next_ = 0;
  std::vector<int64_t> delivered_next_;
};

void writeMix(benchmark::State& state, const MixRun& run) {
  const auto batch_size = static_cast<size_t>(state.range(0));
  MixStore store(run);
  if (!store.error().empty()) {
    state.SkipWithError(store.error().c_str());
    return;
  }
  for (uint64_t done = 0; done < run.preload; done += 500) {
    if (!store.writeBatch(500).isOk()) {
      state.SkipWithError("preloading failed");
      return;
    }
  }
  for (auto _ : state) {
    Status written = store.writeBatch(batch_size);
    if (!written.isOk()) {
      state.SkipWithError(written.toString().c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(batch_size));
}

// The group committer today: every batch durable before its submits are answered.
void BM_MixCommitterFull(benchmark::State& state) {
  writeMix(state, MixRun{true, true});
}
BENCHMARK(BM_MixCommitterFull)->Arg(16)->Arg(32);

void BM_MixCommitterFullNoBodies(benchmark::State& state) {
  writeMix(state, MixRun{true, false});
}
BENCHMARK(BM_MixCommitterFullNoBodies)->Arg(16);

// An indexer behind a journal: the journal holds durability, SQLite syncs at checkpoints.
void BM_MixIndexerNormal(benchmark::State& state) {
  writeMix(state, MixRun{false, true});
}
BENCHMARK(BM_MixIndexerNormal)->Arg(16)->Arg(500)->Arg(2000);

void BM_MixIndexerNormalNoBodies(benchmark::State& state) {
  writeMix(state, MixRun{false, false});
}
BENCHMARK(BM_MixIndexerNormalNoBodies)->Arg(2000);

// Payload retention (store.keep_payloads_days): one purgePayloads() call of n rows per table
// over a store of 50,000 delivered messages, as PayloadRetention makes them. Each call holds
// the store's one writer for its time; the committer's batches wait behind it.
void BM_PurgePayloads(benchmark::State& state) {
  MixStore store(MixRun{true, true});
  if (!store.error().empty()) {
    state.SkipWithError(store.error().c_str());
    return;
  }
  for (uint64_t done = 0; done < 50'000; done += 500) {
    if (!store.writeBatch(500).isOk()) {
      state.SkipWithError("preloading failed");
      return;
    }
  }
  const PurgeRequest request{4'000'000'000'000, static_cast<size_t>(state.range(0)), "retention"};
  for (auto _ : state) {
    Result<PurgeResult> purged = store.store().purgePayloads(request);
    if (!purged.isOk() || purged->messages != request.limit) {
      state.SkipWithError("a call did not empty `limit` messages");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(request.limit));
}
BENCHMARK(BM_PurgePayloads)->Arg(100)->Arg(500)->Iterations(90)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace hotline::store

BENCHMARK_MAIN();
