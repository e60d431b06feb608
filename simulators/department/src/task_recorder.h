#pragma once
// What the simulated department has seen and done: the tasks that arrived, the first answer
// to each Idempotency-Key, the case numbers it gave, the callbacks it sent, and the counters
// of GET /sim/stats. Thread-safe: HTTP workers, the scheduler and the puller share it.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hotline::sim::department {

struct ArrivedTask {
  std::string ticket_id; // X-Hotline-Ticket (or the path's id for an action)
  std::string hotline_number;
  std::string kind; // "ticket" / "action"
  std::string idempotency_key;
  bool verified = false; // the signature held
  bool duplicate = false;
  int status = 0;     // what we answered
  std::string source; // "push" / "pull"
};

struct SentCallback {
  std::string action; // "sign", …
  std::string msg_id;
  std::string ticket_no;
  int status = 0; // the gateway's HTTP status; 0 = no answer
  std::string reply;
  bool reply_verified = false;
  std::string error; // why it failed (empty when it worked)
  int attempts = 1;  // sends of the same msgId (the retries after a failed one)
};

struct StoredAnswer {
  int status = 200;
  std::string body;
  std::string content_type;
};

struct DepartmentStats {
  uint64_t received = 0; // new tasks accepted (pushed or pulled)
  uint64_t duplicates = 0;
  uint64_t refused_signature = 0;
  uint64_t refused_payload = 0;
  uint64_t answered_down = 0;
  uint64_t callbacks_sent = 0;   // every callback sent, whatever the outcome
  uint64_t callbacks_failed = 0; // of those: no answer, not 2xx, or the reply did not verify
  uint64_t pulls = 0;
  uint64_t pull_failures = 0;
};

class TaskRecorder {
public:
  explicit TaskRecorder(std::string case_prefix) : case_prefix_(std::move(case_prefix)) {}

  // The answer first given to `key`, if any (and counts the duplicate).
  std::optional<StoredAnswer> answerFor(const std::string& key);
  // Remembers the first answer to `key` (a later call with the same key keeps the first).
  void rememberAnswer(const std::string& key, StoredAnswer answer);

  // The case number of a gateway ticket, given on first sight: <prefix>-000001, …
  std::string caseNumberFor(const std::string& ticket_id);
  // The case number for a hotline number, or "" when no task carried it.
  std::string caseNumberOfHotlineNumber(const std::string& hotline_number) const;
  // The hotline number last seen with a gateway ticket id, or "".
  std::string hotlineNumberOf(const std::string& ticket_id) const;

  void addTask(ArrivedTask task);
  void addCallback(SentCallback callback);
  void countRefusedSignature();
  void countRefusedPayload();
  void countDown();
  void countPull(bool failed);

  bool down() const;
  void setDown(bool down);

  // Forgets everything and comes back up; the case counter restarts too.
  void reset();

  DepartmentStats stats() const;
  std::string tasksJson() const;
  std::string callbacksJson() const;
  std::string statsJson() const;

private:
  const std::string case_prefix_;
  mutable std::mutex mutex_;
  std::vector<ArrivedTask> tasks_;
  std::vector<SentCallback> callbacks_;
  std::map<std::string, StoredAnswer> answers_;  // Idempotency-Key -> first answer
  std::map<std::string, std::string> cases_;     // gateway ticket id -> case number
  std::map<std::string, std::string> numbers_;   // gateway ticket id -> hotline number
  std::map<std::string, std::string> by_number_; // hotline number -> case number
  uint64_t next_case_ = 1;
  DepartmentStats stats_;
  bool down_ = false;
};

} // namespace hotline::sim::department
