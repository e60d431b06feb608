#include "simulators/department/src/task_puller.h"

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <iostream>

#include "simulators/department/src/task_payload.h"

namespace hotline::sim::department {
namespace {

constexpr int kPageSize = 100;

std::string textOf(const rapidjson::Value& object, const char* name) {
  if (!object.HasMember(name)) {
    return {};
  }
  const rapidjson::Value& value = object[name];
  if (value.IsString()) {
    return std::string(value.GetString(), value.GetStringLength());
  }
  return value.IsInt64() ? std::to_string(value.GetInt64()) : std::string();
}

} // namespace

void TaskPuller::scheduleNext(std::chrono::milliseconds delay) {
  scheduler_.schedule(delay, [this] {
    poll();
    scheduleNext(interval_);
  });
}

void TaskPuller::poll() {
  // since_ is a number or a token the gateway gave us; it is sent back as given.
  const std::string suffix =
      "/dept/v1/tasks?status=new&since=" + since_ + "&limit=" + std::to_string(kPageSize);
  GatewayReply reply = gateway_.call("GET", suffix, "", "");
  // An unverified page is not acted on: anyone could have answered it.
  const bool ok = reply.error.empty() && takePage(reply.body);
  recorder_.countPull(!ok);
  if (!reply.error.empty()) {
    std::cerr << "department simulator: pull failed: " << reply.error << "\n";
  }
}

bool TaskPuller::takePage(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  const rapidjson::Value* tasks = rapidjson::Pointer("/data/tasks").Get(doc);
  if (doc.HasParseError() || tasks == nullptr || !tasks->IsArray()) {
    std::cerr << "department simulator: pull page without /data/tasks\n";
    return false;
  }
  for (const rapidjson::Value& task : tasks->GetArray()) {
    if (!task.IsObject()) {
      continue;
    }
    ArrivedTask arrived;
    arrived.ticket_id = textOf(task, "ticket_id");
    arrived.kind = textOf(task, "kind") == "ticket" ? "ticket" : "action";
    arrived.verified = true; // the page's signature held
    arrived.status = 200;
    arrived.source = "pull";
    Result<std::string> number =
        hotlineNumberOf(textOf(task, "body"), textOf(task, "content_type"));
    arrived.hotline_number = number ? *number : recorder_.hotlineNumberOf(arrived.ticket_id);
    recorder_.caseNumberFor(arrived.ticket_id);
    const bool runs = arrived.kind == "ticket" && !arrived.hotline_number.empty();
    const std::string ticket_no = arrived.hotline_number;
    recorder_.addTask(std::move(arrived));
    if (runs) {
      runner_.startFor(ticket_no);
    }
  }
  if (const rapidjson::Value* next = rapidjson::Pointer("/data/next").Get(doc)) {
    const std::string text = next->IsString()  ? next->GetString()
                             : next->IsInt64() ? std::to_string(next->GetInt64())
                                               : since_;
    since_ = text.empty() ? since_ : text;
  }
  return true;
}

} // namespace hotline::sim::department
