#pragma once
// Pull mode's task queue, kept in the connector's key-value state (host.stateGet/statePut) so
// that it survives restarts. Keys:
//   task-seq              the last seq given out (decimal)
//   task:<seq>            {"seq":..,"ticket_id":..,"kind":..,"content_type":..,"body":..,"at":..
//                          [,"event_type":..]}
//   ticket:<ticket_id>    [seq, ...] the ticket's tasks, oldest first
//   key:<idempotency key> seq of the task that delivery created (a retried delivery adds none)
//   acted:<ticket_id>     the ticket's last seq when the department last acted on it (a
//                         callback was accepted): its tasks up to there are no longer "new"
// The key-value store is injected (get/put functions) so that this is tested without a host.
//
// Thread-safe: deliver() runs on the host's worker threads and the routes on its HTTP
// threads; one mutex serialises every read-modify-write.

#include "department_codec.h"

#include "hotline/status.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace hotline::connectors::department {

struct Task {
  uint64_t seq = 0;
  std::string ticket_id;
  std::string kind; // "ticket" or "event"
  std::string content_type;
  std::string body; // the mapped body, as the host handed it over
  std::string at;   // ISO-8601 UTC time it was queued
  // For kind "event": the canonical event type (the host's Outbound attr event_type), so that
  // the department can sort tasks without parsing each body. Omitted when empty.
  std::string event_type;
};

struct TaskPage {
  std::vector<Task> tasks;
  uint64_t next = 0; // pass as `since` to continue
};

std::string encodeTask(const Task& task);
Result<Task> decodeTask(std::string_view json);
// `{"tasks":[...],"next":"<seq>"}`, the data of a pull-mode answer.
std::string taskPageData(const TaskPage& page);

class TaskStore {
public:
  // NotFound from get means "never put"; any other error is a storage failure.
  using Get = std::function<Result<std::string>(const std::string& key)>;
  using Put = std::function<Status(const std::string& key, const std::string& value)>;

  // At most this many task keys are read per list() call, so that `status=new` over a long
  // acted-on history cannot hold the lock for long; the page's `next` then says where to go on.
  static constexpr uint64_t kMaxScan = 5000;

  TaskStore(Get get, Put put) : get_(std::move(get)), put_(std::move(put)) {}

  // Queues a task (task.seq is assigned). A second call with the same non-empty idempotency
  // key adds nothing and answers the first task's seq.
  Result<uint64_t> add(Task task, const std::string& idempotency_key);
  // Tasks after query.since in seq order, up to query.limit; only_new skips those whose
  // ticket was acted on after they were queued.
  Result<TaskPage> list(const TaskQuery& query);
  // The ticket's tasks; NotFound when none was ever queued for it.
  Result<std::vector<Task>> forTicket(const std::string& ticket_id);
  // Records that the department acted on the ticket (a callback was accepted).
  Status markActed(const std::string& ticket_id);

private:
  Result<uint64_t> readNumber(const std::string& key, uint64_t absent);
  Result<std::vector<uint64_t>> readSeqs(const std::string& ticket_id);
  Result<Task> readTask(uint64_t seq);

  Get get_;
  Put put_;
  std::mutex mutex_;
};

} // namespace hotline::connectors::department
