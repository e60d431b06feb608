// Plans are immutable: many threads may run one plan at once and each gets exactly what a
// lone run gives. (No timing: the threads start together and the results are compared.)
#include "tests/unit/mapping/mapping_test_support.h"

#include <atomic>
#include <thread>
#include <vector>

namespace hotline::mapping::mapping_tests {
namespace {

TEST(MappingConcurrency, ManyThreadsRunOnePlanAndAgreeWithASingleRun) {
  auto plan = compileOk(inboundJson(R"J([
    {"to": "/title", "from": "/t", "transforms": ["trim", {"regex": {"pattern": "(\\S+)"}}]},
    {"to": "/created_at", "from": "/at", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss"]}}]},
    {"to": "/category/type", "from": "/c", "transforms": [{"code": {"table": "category_types", "fallback": "other"}}]},
    {"to": "/assignments", "each": "/f", "fields": [{"to": "seq", "from": "/n", "transforms": ["number"]}]}])J"));
  ASSERT_NE(plan, nullptr);
  constexpr int kThreads = 8;
  constexpr int kRunsPerThread = 200;
  std::vector<std::string> inputs;
  std::vector<std::string> expected;
  for (int i = 0; i < kThreads; ++i) {
    inputs.push_back(R"({"t": " 标题)" + std::to_string(i) + R"( ", "at": "2024-04-1)" +
                     std::to_string(i % 10) + R"( 09:30:00", "c": "投诉", "f": [{"n": )" +
                     std::to_string(i + 1) + "}]}");
    expected.push_back(runOk(*plan, inputs.back()));
  }
  std::atomic<int> mismatches{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) {
        std::this_thread::yield();
      }
      for (int run = 0; run < kRunsPerThread; ++run) {
        Result<RunOutput> output = plan->run(inputs[static_cast<size_t>(i)], run % 2 == 0);
        if (!output.isOk() || output->document != expected[static_cast<size_t>(i)]) {
          mismatches.fetch_add(1);
        }
      }
    });
  }
  go.store(true);
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(expected[3], R"({"title":"标题3","category":{"type":"complaint"},)"
                         R"("created_at":"2024-04-13T09:30:00+08:00","assignments":[{"seq":4}]})");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
