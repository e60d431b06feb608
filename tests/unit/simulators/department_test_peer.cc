#include "tests/unit/simulators/department_test_peer.h"

#include <gtest/gtest.h>

namespace hotline::sim::testing {
namespace {

support::HeaderList headerList(const httplib::Headers& headers) {
  support::HeaderList list;
  for (const auto& [name, value] : headers) {
    list.emplace_back(name, value);
  }
  return list;
}

support::KeyLookup departmentKeys() {
  return support::fixedKeys(
      {{kDepartmentKey.app_key,
        support::CallerKey{kDepartmentKey.secret, {kDepartmentKey.algorithm}, {}}}});
}

} // namespace

FakeGateway::FakeGateway() : verifier_(departmentKeys()) {
  server_.Post(std::string(kConnectorPath) + "/dept/v1/callbacks",
               [this](const httplib::Request& request, httplib::Response& response) {
                 onCallback(request, response);
               });
  server_.Get(std::string(kConnectorPath) + "/dept/v1/tasks",
              [this](const httplib::Request& request, httplib::Response& response) {
                onPull(request, response);
              });
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  EXPECT_TRUE(waitFor([this] { return server_.is_running(); }, std::chrono::seconds(5)));
}

FakeGateway::~FakeGateway() {
  server_.stop();
  thread_.join();
}

std::string FakeGateway::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + kConnectorPath;
}

std::vector<ReceivedCallback> FakeGateway::callbacks() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return callbacks_;
}

void FakeGateway::setCallbackStatus(int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  callback_status_ = status;
}

void FakeGateway::failNextCallbacks(int count, int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  failures_left_ = count;
  failure_status_ = status;
}

void FakeGateway::setPullTasks(std::string tasks_json) {
  std::lock_guard<std::mutex> lock(mutex_);
  pull_tasks_ = std::move(tasks_json);
}

int FakeGateway::pulls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pulls_;
}

void FakeGateway::onCallback(const httplib::Request& request, httplib::Response& response) {
  auto caller =
      verifier_.verify(request.method, request.target, headerList(request.headers), request.body);
  ReceivedCallback received{request.target, request.get_header_value("Content-Type"), request.body,
                            caller.isOk()};
  int status = 200;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    callbacks_.push_back(received);
    status = callback_status_;
    if (failures_left_ > 0) {
      --failures_left_;
      response.status = failure_status_; // as a gateway that is down or overloaded answers
      return;
    }
  }
  if (!caller) {
    response.status = 401;
    response.set_content(R"({"code":401,"message":"signature","data":null})", "application/json");
    return;
  }
  const std::string body =
      status == 200
          ? R"({"code":0,"message":"ok","data":{"ticket_id":"T-1","status":"signed","duplicate":false}})"
          : R"({"code":)" + std::to_string(status) +
                R"(,"message":"refused by the test","data":null})";
  answerSigned(request, response, *caller, status, body);
}

void FakeGateway::onPull(const httplib::Request& request, httplib::Response& response) {
  auto caller =
      verifier_.verify(request.method, request.target, headerList(request.headers), request.body);
  if (!caller) {
    response.status = 401;
    return;
  }
  std::string tasks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++pulls_;
    if (request.get_param_value("since") == "0" && request.get_param_value("status") == "new") {
      tasks = pull_tasks_;
    }
  }
  const std::string next = tasks.empty() ? request.get_param_value("since") : "1";
  answerSigned(request, response, *caller, 200,
               R"({"code":0,"message":"ok","data":{"tasks":[)" + tasks + R"(],"next":")" + next +
                   "\"}}");
}

void FakeGateway::answerSigned(const httplib::Request& request, httplib::Response& response,
                               const support::VerifiedCaller& caller, int status,
                               const std::string& body) {
  auto signature = verifier_.signReply(caller, request.target, body);
  ASSERT_TRUE(signature.isOk()) << signature.status().message();
  for (const auto& [name, value] : signature->toHeaderList()) {
    response.set_header(name, value);
  }
  response.status = status;
  response.set_content(body, "application/json");
}

PushReply pushTask(int port, const Push& push) {
  PushReply reply;
  auto signature = support::signRequest(push.key, "POST", push.target, push.body);
  EXPECT_TRUE(signature.isOk()) << signature.status().message();
  if (!signature) {
    return reply;
  }
  httplib::Headers headers;
  for (const auto& [name, value] : signature->toHeaderList()) {
    headers.emplace(name, value);
  }
  headers.emplace("X-Hotline-Ticket", push.ticket_id);
  if (!push.idempotency_key.empty()) {
    headers.emplace("Idempotency-Key", push.idempotency_key);
  }
  httplib::Client client("127.0.0.1", port);
  auto result = client.Post(push.target, headers, push.body, push.content_type.c_str());
  if (!result) {
    return reply;
  }
  reply.status = result->status;
  reply.body = result->body;
  reply.content_type = result->get_header_value("Content-Type");
  auto reply_headers = support::parseSignatureHeaders(headerList(result->headers));
  reply.reply_signature =
      reply_headers ? support::verifyReply(push.key, push.target, signature->nonce, *reply_headers,
                                           result->body, support::systemMillis())
                    : reply_headers.status();
  return reply;
}

std::string jsonTicket(const std::string& hotline_number) {
  return R"({"code":"0","data":{"gdbh":")" + hotline_number +
         R"(","sqbt":"路灯不亮","sqnr":"建设路与光明路交叉口路灯不亮","deadline":"2026-11-30T18:00:00+08:00"}})";
}

RunningDepartment startDepartment(const std::vector<std::string>& extra_args) {
  std::vector<std::string> args{"department",
                                "--port",
                                "0",
                                "--app-key",
                                kDepartmentKey.app_key,
                                "--secret",
                                kDepartmentKey.secret,
                                "--case-prefix",
                                "CGJ-2026"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  RunningDepartment department;
  department.process = std::make_unique<SimProcess>(args);
  auto port = department.process->waitForPort();
  EXPECT_TRUE(port.has_value()) << "hotline-sim department did not start; stderr:\n"
                                << department.process->errorOutput();
  department.port = port.value_or(0);
  return department;
}

} // namespace hotline::sim::testing
