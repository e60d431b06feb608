#include "task_store.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>

namespace hotline::connectors::department {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void member(Writer& writer, const char* key, const std::string& value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void writeTask(Writer& writer, const Task& task) {
  writer.StartObject();
  writer.Key("seq");
  writer.Uint64(task.seq);
  member(writer, "ticket_id", task.ticket_id);
  member(writer, "kind", task.kind);
  member(writer, "content_type", task.content_type);
  member(writer, "body", task.body);
  member(writer, "at", task.at);
  if (!task.event_type.empty()) {
    member(writer, "event_type", task.event_type);
  }
  writer.EndObject();
}

std::string textMember(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsString()
             ? std::string(it->value.GetString(), it->value.GetStringLength())
             : std::string();
}

bool isNotFound(const Status& status) {
  return status.code() == StatusCode::NotFound;
}

} // namespace

std::string encodeTask(const Task& task) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writeTask(writer, task);
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<Task> decodeTask(std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject() || !document.HasMember("seq") ||
      !document["seq"].IsUint64()) {
    return internalError("stored task is not a task object with a seq");
  }
  Task task;
  task.seq = document["seq"].GetUint64();
  task.ticket_id = textMember(document, "ticket_id");
  task.kind = textMember(document, "kind");
  task.content_type = textMember(document, "content_type");
  task.body = textMember(document, "body");
  task.at = textMember(document, "at");
  task.event_type = textMember(document, "event_type");
  return task;
}

std::string taskPageData(const TaskPage& page) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writer.Key("tasks");
  writer.StartArray();
  for (const Task& task : page.tasks) {
    writeTask(writer, task);
  }
  writer.EndArray();
  member(writer, "next", std::to_string(page.next));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<uint64_t> TaskStore::readNumber(const std::string& key, uint64_t absent) {
  Result<std::string> text = get_(key);
  if (!text) {
    return isNotFound(text.status()) ? Result<uint64_t>(absent) : Result<uint64_t>(text.status());
  }
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    return internalError("state key \"" + key + "\" is not a number");
  }
  return value;
}

Result<std::vector<uint64_t>> TaskStore::readSeqs(const std::string& ticket_id) {
  const std::string key = "ticket:" + ticket_id;
  Result<std::string> text = get_(key);
  if (!text) {
    return text.status();
  }
  rapidjson::Document document;
  document.Parse(text->data(), text->size());
  if (document.HasParseError() || !document.IsArray()) {
    return internalError("state key \"" + key + "\" is not a list of seqs");
  }
  std::vector<uint64_t> seqs;
  for (const auto& seq : document.GetArray()) {
    if (seq.IsUint64()) {
      seqs.push_back(seq.GetUint64());
    }
  }
  return seqs;
}

Result<Task> TaskStore::readTask(uint64_t seq) {
  Result<std::string> text = get_("task:" + std::to_string(seq));
  if (!text) {
    return text.status();
  }
  return decodeTask(*text);
}

Result<uint64_t> TaskStore::add(Task task, const std::string& idempotency_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key_entry = "key:" + idempotency_key;
  if (!idempotency_key.empty()) {
    Result<uint64_t> earlier = readNumber(key_entry, 0);
    if (!earlier || *earlier != 0) {
      return earlier;
    }
  }
  Result<uint64_t> last = readNumber("task-seq", 0);
  if (!last) {
    return last;
  }
  task.seq = *last + 1;
  Result<std::vector<uint64_t>> seqs = readSeqs(task.ticket_id);
  if (!seqs && !isNotFound(seqs.status())) {
    return seqs.status();
  }
  std::vector<uint64_t> list = seqs ? *seqs : std::vector<uint64_t>{};
  // A crash after some of these writes leaves task-seq unchanged, so the retried delivery
  // rewrites the same seq: the list must not hold it twice.
  if (std::find(list.begin(), list.end(), task.seq) == list.end()) {
    list.push_back(task.seq);
  }
  std::string list_json = "[";
  for (size_t i = 0; i < list.size(); ++i) {
    list_json += (i == 0 ? "" : ",") + std::to_string(list[i]);
  }
  list_json += "]";
  const std::string seq_text = std::to_string(task.seq);
  // task-seq last: until it moves, the task is invisible to list().
  HOTLINE_RETURN_IF_ERROR(put_("task:" + seq_text, encodeTask(task)));
  HOTLINE_RETURN_IF_ERROR(put_("ticket:" + task.ticket_id, list_json));
  if (!idempotency_key.empty()) {
    HOTLINE_RETURN_IF_ERROR(put_(key_entry, seq_text));
  }
  HOTLINE_RETURN_IF_ERROR(put_("task-seq", seq_text));
  return task.seq;
}

Result<TaskPage> TaskStore::list(const TaskQuery& query) {
  std::lock_guard<std::mutex> lock(mutex_);
  Result<uint64_t> last = readNumber("task-seq", 0);
  if (!last) {
    return last.status();
  }
  TaskPage page;
  page.next = query.since;
  const uint64_t scan_end = std::min(*last, query.since + kMaxScan);
  for (uint64_t seq = query.since + 1; seq <= scan_end && page.tasks.size() < query.limit; ++seq) {
    Result<Task> task = readTask(seq);
    if (!task) {
      return task.status().withContext("task " + std::to_string(seq));
    }
    page.next = seq;
    if (query.only_new) {
      Result<uint64_t> acted = readNumber("acted:" + task->ticket_id, 0);
      if (!acted) {
        return acted.status();
      }
      if (task->seq <= *acted) {
        continue;
      }
    }
    page.tasks.push_back(std::move(*task));
  }
  return page;
}

Result<std::vector<Task>> TaskStore::forTicket(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Result<std::vector<uint64_t>> seqs = readSeqs(ticket_id);
  if (!seqs) {
    return seqs.status();
  }
  std::vector<Task> tasks;
  for (uint64_t seq : *seqs) {
    Result<Task> task = readTask(seq);
    if (!task) {
      return task.status().withContext("task " + std::to_string(seq));
    }
    tasks.push_back(std::move(*task));
  }
  return tasks;
}

Status TaskStore::markActed(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Result<std::vector<uint64_t>> seqs = readSeqs(ticket_id);
  if (!seqs) {
    // A ticket never queued here (push mode, or pushed before pull mode): nothing to hide.
    return isNotFound(seqs.status()) ? Status::ok() : seqs.status();
  }
  uint64_t newest = seqs->empty() ? 0 : *std::max_element(seqs->begin(), seqs->end());
  return put_("acted:" + ticket_id, std::to_string(newest));
}

} // namespace hotline::connectors::department
