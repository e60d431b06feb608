// The floor of an append-only journal (tests/bench/RESULTS.md, "What 20,000/s would take"):
// what it costs to make a batch of messages durable by appending their bytes to one file
// and syncing it, with none of a B-tree's page writes. No journal exists in the gateway; this
// measures the disk and kernel path such a design would pay, to compare with
// bench_store's BM_CommitInbound at the same batch sizes.
//
//   build/bin/bench_journal_floor --benchmark_min_time=2
//
// A message is 4 KiB: the ~1.5 KB body, the ~1.7 KB outbox row and three audit records.

#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace {

namespace fs = std::filesystem;

constexpr size_t kMessageBytes = 4096;
// Start a new file now and then, as a journal would after its records were indexed: a file
// that only grows would measure ext4's block allocation for gigabytes.
constexpr off_t kRotateBytes = off_t{256} << 20;

void BM_AppendAndSync(benchmark::State& state) {
  const auto batch = static_cast<size_t>(state.range(0));
  std::random_device random;
  const fs::path path =
      fs::temp_directory_path() / ("hotline-journal-bench-" + std::to_string(random()));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    state.SkipWithError("cannot create the journal file in the temp directory");
    return;
  }
  std::string buffer(batch * kMessageBytes, 'j');
  off_t written = 0;
  for (auto _ : state) {
    if (written >= kRotateBytes) {
      state.PauseTiming();
      ::ftruncate(fd, 0);
      ::lseek(fd, 0, SEEK_SET);
      written = 0;
      state.ResumeTiming();
    }
    if (::write(fd, buffer.data(), buffer.size()) != static_cast<ssize_t>(buffer.size()) ||
        ::fdatasync(fd) != 0) {
      state.SkipWithError("write or fdatasync failed");
      break;
    }
    written += static_cast<off_t>(buffer.size());
  }
  ::close(fd);
  std::error_code ignored;
  fs::remove(path, ignored);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(batch));
  state.counters["batches/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AppendAndSync)->Arg(1)->Arg(16)->Arg(100)->Arg(500)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
