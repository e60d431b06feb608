// A batch's answers are published with one wake-up per AnswerGroup (submit_answer.h): each
// waiter gets its own answer, an answer set before the wait is returned at once, and a
// waiter whose answer is not yet set sleeps on through a wake-up meant for others.
#include "core/pipeline/submit_answer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <vector>

namespace hotline::pipeline {
namespace {

using namespace std::chrono_literals;

SubmitOutcome outcome(const std::string& ticket_id) {
  return SubmitOutcome{201, false, ticket_id, "{}"};
}

TEST(SubmitAnswerTest, AnAnswerSetBeforeTheWaitIsReturnedAtOnce) {
  auto answer = std::make_shared<PendingAnswer>(std::make_shared<AnswerGroup>());
  answer->set(unavailable("the gateway is shutting down; retry later"));
  Result<SubmitOutcome> got = SubmitAnswer(answer).get(); // no wake-up ever comes
  ASSERT_FALSE(got.isOk());
  EXPECT_EQ(got.status().code(), StatusCode::Unavailable);
}

TEST(SubmitAnswerTest, EveryWaiterOfAGroupGetsItsOwnAnswerFromOneWakeUp) {
  auto group = std::make_shared<AnswerGroup>();
  std::vector<std::shared_ptr<PendingAnswer>> answers;
  std::vector<std::future<Result<SubmitOutcome>>> waiters;
  for (int i = 0; i < 8; ++i) {
    answers.push_back(std::make_shared<PendingAnswer>(group));
    waiters.push_back(std::async(std::launch::async,
                                 [answer = answers.back()] { return SubmitAnswer(answer).get(); }));
  }
  for (int i = 0; i < 8; ++i) {
    answers[static_cast<size_t>(i)]->set(outcome("T" + std::to_string(i)));
  }
  group->wakeAll();
  for (int i = 0; i < 8; ++i) {
    Result<SubmitOutcome> got = waiters[static_cast<size_t>(i)].get();
    ASSERT_TRUE(got.isOk());
    EXPECT_EQ(got->ticket_id, "T" + std::to_string(i));
  }
}

TEST(SubmitAnswerTest, AWaiterWithoutItsAnswerSleepsOnThroughAWakeUp) {
  auto group = std::make_shared<AnswerGroup>();
  auto answered = std::make_shared<PendingAnswer>(group);
  auto later = std::make_shared<PendingAnswer>(group); // queued beyond the batch
  std::future<Result<SubmitOutcome>> first =
      std::async(std::launch::async, [&] { return SubmitAnswer(answered).get(); });
  std::future<Result<SubmitOutcome>> second =
      std::async(std::launch::async, [&] { return SubmitAnswer(later).get(); });
  answered->set(outcome("T1"));
  group->wakeAll();
  EXPECT_EQ(first.get()->ticket_id, "T1");
  EXPECT_EQ(second.wait_for(50ms), std::future_status::timeout);
  later->set(outcome("T2"));
  group->wakeAll();
  EXPECT_EQ(second.get()->ticket_id, "T2");
}

} // namespace
} // namespace hotline::pipeline
