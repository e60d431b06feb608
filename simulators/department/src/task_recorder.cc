#include "simulators/department/src/task_recorder.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

namespace hotline::sim::department {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void member(JsonWriter& out, const char* name, const std::string& value) {
  out.Key(name);
  out.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void member(JsonWriter& out, const char* name, uint64_t value) {
  out.Key(name);
  out.Uint64(value);
}

} // namespace

std::optional<StoredAnswer> TaskRecorder::answerFor(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = answers_.find(key);
  if (found == answers_.end()) {
    return std::nullopt;
  }
  ++stats_.duplicates;
  return found->second;
}

void TaskRecorder::rememberAnswer(const std::string& key, StoredAnswer answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  answers_.emplace(key, std::move(answer));
}

std::string TaskRecorder::caseNumberFor(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, fresh] = cases_.emplace(ticket_id, std::string());
  if (fresh) {
    char digits[16];
    std::snprintf(digits, sizeof(digits), "%06llu", static_cast<unsigned long long>(next_case_++));
    entry->second = case_prefix_ + "-" + digits;
  }
  return entry->second;
}

std::string TaskRecorder::caseNumberOfHotlineNumber(const std::string& hotline_number) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = by_number_.find(hotline_number);
  return found == by_number_.end() ? std::string() : found->second;
}

std::string TaskRecorder::hotlineNumberOf(const std::string& ticket_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = numbers_.find(ticket_id);
  return found == numbers_.end() ? std::string() : found->second;
}

void TaskRecorder::addTask(ArrivedTask task) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (task.verified && task.status == 200 && !task.duplicate) {
    ++stats_.received;
    if (!task.hotline_number.empty()) {
      numbers_[task.ticket_id] = task.hotline_number;
      auto known_case = cases_.find(task.ticket_id);
      if (known_case != cases_.end()) {
        by_number_[task.hotline_number] = known_case->second;
      }
    }
  }
  tasks_.push_back(std::move(task));
}

void TaskRecorder::addCallback(SentCallback callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.callbacks_sent;
  if (!callback.error.empty()) {
    ++stats_.callbacks_failed;
  }
  callbacks_.push_back(std::move(callback));
}

void TaskRecorder::countRefusedSignature() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.refused_signature;
}

void TaskRecorder::countRefusedPayload() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.refused_payload;
}

void TaskRecorder::countDown() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.answered_down;
}

void TaskRecorder::countPull(bool failed) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.pulls;
  stats_.pull_failures += failed ? 1 : 0;
}

bool TaskRecorder::down() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return down_;
}

void TaskRecorder::setDown(bool down) {
  std::lock_guard<std::mutex> lock(mutex_);
  down_ = down;
}

void TaskRecorder::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.clear();
  callbacks_.clear();
  answers_.clear();
  cases_.clear();
  numbers_.clear();
  by_number_.clear();
  next_case_ = 1;
  stats_ = {};
  down_ = false;
}

DepartmentStats TaskRecorder::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

std::string TaskRecorder::tasksJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  out.Key("tasks");
  out.StartArray();
  for (const ArrivedTask& task : tasks_) {
    out.StartObject();
    member(out, "ticket_id", task.ticket_id);
    member(out, "hotline_number", task.hotline_number);
    member(out, "kind", task.kind);
    member(out, "idempotency_key", task.idempotency_key);
    out.Key("verified");
    out.Bool(task.verified);
    out.Key("duplicate");
    out.Bool(task.duplicate);
    out.Key("status");
    out.Int(task.status);
    member(out, "source", task.source);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string TaskRecorder::callbacksJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  out.Key("callbacks");
  out.StartArray();
  for (const SentCallback& callback : callbacks_) {
    out.StartObject();
    member(out, "action", callback.action);
    member(out, "msg_id", callback.msg_id);
    member(out, "ticket_no", callback.ticket_no);
    out.Key("status");
    out.Int(callback.status);
    member(out, "reply", callback.reply);
    out.Key("reply_verified");
    out.Bool(callback.reply_verified);
    member(out, "error", callback.error);
    out.Key("attempts");
    out.Int(callback.attempts);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string TaskRecorder::statsJson() const {
  const DepartmentStats now = stats();
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  member(out, "received", now.received);
  member(out, "duplicates", now.duplicates);
  member(out, "refused_signature", now.refused_signature);
  member(out, "refused_payload", now.refused_payload);
  member(out, "answered_down", now.answered_down);
  member(out, "callbacks_sent", now.callbacks_sent);
  member(out, "callbacks_failed", now.callbacks_failed);
  member(out, "pulls", now.pulls);
  member(out, "pull_failures", now.pull_failures);
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace hotline::sim::department
