// Pull mode's task queue over an in-memory key-value store (the host's state in production).

#include "task_store.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>

namespace hotline::connectors::department {
namespace {

class TaskStoreTest : public ::testing::Test {
protected:
  TaskStoreTest()
      : store(
            [this](const std::string& key) -> Result<std::string> {
              std::lock_guard<std::mutex> lock(mutex);
              auto it = state.find(key);
              if (it == state.end()) {
                return notFound(key + " is not set");
              }
              return it->second;
            },
            [this](const std::string& key, const std::string& value) {
              std::lock_guard<std::mutex> lock(mutex);
              state[key] = value;
              return Status::ok();
            }) {}

  uint64_t add(const std::string& ticket, const std::string& key,
               const std::string& kind = "ticket") {
    Result<uint64_t> seq = store.add(Task{0, ticket, kind, "application/json",
                                          "{\"t\":\"" + ticket + "\"}", "2026-11-28T02:00:00Z", ""},
                                     key);
    EXPECT_TRUE(seq.isOk()) << seq.status().toString();
    return seq ? *seq : 0;
  }

  std::vector<uint64_t> seqsOf(const TaskQuery& query, uint64_t* next = nullptr) {
    Result<TaskPage> page = store.list(query);
    EXPECT_TRUE(page.isOk()) << page.status().toString();
    std::vector<uint64_t> seqs;
    for (const Task& task : page->tasks) {
      seqs.push_back(task.seq);
    }
    if (next != nullptr) {
      *next = page->next;
    }
    return seqs;
  }

  std::mutex mutex;
  std::map<std::string, std::string> state;
  TaskStore store;
};

TEST_F(TaskStoreTest, TasksGetIncreasingSeqsAndAreStoredAsDocumented) {
  EXPECT_EQ(add("T-1", "k1"), 1u);
  EXPECT_EQ(add("T-2", "k2"), 2u);
  EXPECT_EQ(state["task-seq"], "2");
  EXPECT_EQ(state["ticket:T-1"], "[1]");
  EXPECT_EQ(state["key:k2"], "2");
  Result<Task> stored = decodeTask(state["task:1"]);
  ASSERT_TRUE(stored.isOk());
  EXPECT_EQ(stored->ticket_id, "T-1");
  EXPECT_EQ(stored->body, R"({"t":"T-1"})");
}

TEST_F(TaskStoreTest, RetriedDeliveryAddsNoSecondTask) {
  EXPECT_EQ(add("T-1", "same-key"), 1u);
  EXPECT_EQ(add("T-1", "same-key"), 1u);
  EXPECT_EQ(state["task-seq"], "1");
  EXPECT_EQ(state["ticket:T-1"], "[1]");
}

TEST_F(TaskStoreTest, PagesWithSinceLimitAndNext) {
  for (int i = 1; i <= 5; ++i) {
    add("T-" + std::to_string(i), "k" + std::to_string(i));
  }
  uint64_t next = 0;
  EXPECT_EQ(seqsOf({false, 0, 2}, &next), (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(next, 2u);
  EXPECT_EQ(seqsOf({false, next, 2}, &next), (std::vector<uint64_t>{3, 4}));
  EXPECT_EQ(seqsOf({false, next, 2}, &next), (std::vector<uint64_t>{5}));
  EXPECT_EQ(next, 5u);
  EXPECT_TRUE(seqsOf({false, next, 2}, &next).empty());
  EXPECT_EQ(next, 5u); // nothing new: the cursor stays
}

TEST_F(TaskStoreTest, ActedOnTicketsLeaveStatusNewUntilTheirNextTask) {
  add("T-1", "k1");
  add("T-2", "k2");
  add("T-1", "k3", "event");
  ASSERT_TRUE(store.markActed("T-1").isOk());
  uint64_t next = 0;
  EXPECT_EQ(seqsOf({true, 0, 100}, &next), (std::vector<uint64_t>{2}));
  EXPECT_EQ(next, 3u); // the skipped tasks move the cursor too
  EXPECT_EQ(seqsOf({false, 0, 100}), (std::vector<uint64_t>{1, 2, 3}));
  add("T-1", "k4", "event"); // e.g. urged after the department signed
  EXPECT_EQ(seqsOf({true, 0, 100}), (std::vector<uint64_t>{2, 4}));
}

TEST_F(TaskStoreTest, ActingOnAnUnknownTicketIsHarmless) {
  EXPECT_TRUE(store.markActed("T-elsewhere").isOk());
  EXPECT_EQ(state.count("acted:T-elsewhere"), 0u);
}

TEST_F(TaskStoreTest, ForTicketListsItsTasksOrNotFound) {
  add("T-1", "k1");
  add("T-2", "k2");
  add("T-1", "k3", "event");
  Result<std::vector<Task>> tasks = store.forTicket("T-1");
  ASSERT_TRUE(tasks.isOk());
  ASSERT_EQ(tasks->size(), 2u);
  EXPECT_EQ((*tasks)[1].kind, "event");
  EXPECT_EQ(store.forTicket("T-9").status().code(), StatusCode::NotFound);
}

TEST_F(TaskStoreTest, CorruptStateIsAnErrorNamingTheKey) {
  add("T-1", "k1");
  state["task-seq"] = "x";
  Result<TaskPage> page = store.list({});
  ASSERT_FALSE(page.isOk());
  EXPECT_NE(page.status().message().find("task-seq"), std::string::npos);
}

TEST_F(TaskStoreTest, ConcurrentDeliveriesGetDistinctSeqs) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < 25; ++i) {
        add("T-" + std::to_string(t), "k" + std::to_string(t) + "-" + std::to_string(i));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(state["task-seq"], "100");
  EXPECT_EQ(seqsOf({false, 0, 500}).size(), 100u);
}

TEST(TaskPageData, IsTheDocumentedShape) {
  TaskPage page{{Task{1, "T-20261128-0001", "ticket", "application/json",
                      R"({"code":"0","data":{"gdbh":"YC2611280001","sqbt":"路灯不亮"}})",
                      "2026-11-28T02:00:00Z", ""}},
                1};
  EXPECT_EQ(
      taskPageData(page),
      R"({"tasks":[{"seq":1,"ticket_id":"T-20261128-0001","kind":"ticket",)"
      R"("content_type":"application/json","body":"{\"code\":\"0\",\"data\":{\"gdbh\":)"
      R"(\"YC2611280001\",\"sqbt\":\"路灯不亮\"}}","at":"2026-11-28T02:00:00Z"}],"next":"1"})");
}

} // namespace
} // namespace hotline::connectors::department
