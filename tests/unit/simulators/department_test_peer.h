#pragma once
// Test peers of the department simulator's process tests: a fake gateway connector (an
// httplib::Server on port 0 that verifies callbacks like the real connector and answers signed),
// a signed push of a task, and `hotline-sim department` started on port 0.

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_verifier.h"
#include "tests/unit/simulators/sim_process.h"

namespace hotline::sim::testing {

inline const support::SigningKey kDepartmentKey{"yc-cgj", "cgj-test-secret-not-real",
                                                support::HmacAlgorithm::Sha256};
inline constexpr const char* kConnectorPath = "/connectors/dept-cgj";

struct ReceivedCallback {
  std::string target;
  std::string content_type;
  std::string body;
  bool verified = false;
};

// Thread-safe: the server's workers record while the test reads.
class FakeGateway {
public:
  FakeGateway();
  ~FakeGateway();

  int port() const { return port_; }
  // "http://127.0.0.1:<port>/connectors/dept-cgj", for --gateway.
  std::string url() const;
  std::vector<ReceivedCallback> callbacks() const;
  // What POST …/dept/v1/callbacks answers (the body is the JSON envelope with this code).
  void setCallbackStatus(int status);
  // The next `count` callbacks are answered `status` (unsigned), the later ones as before.
  void failNextCallbacks(int count, int status);
  // The pull feed: GET …/dept/v1/tasks?…&since=0 returns these tasks' JSON (an array's
  // members), later cursors return none.
  void setPullTasks(std::string tasks_json);
  int pulls() const;

private:
  void onCallback(const httplib::Request& request, httplib::Response& response);
  void onPull(const httplib::Request& request, httplib::Response& response);
  void answerSigned(const httplib::Request& request, httplib::Response& response,
                    const support::VerifiedCaller& caller, int status, const std::string& body);

  support::RequestVerifier verifier_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<ReceivedCallback> callbacks_;
  int callback_status_ = 200;
  int failures_left_ = 0;
  int failure_status_ = 0;
  std::string pull_tasks_;
  int pulls_ = 0;
};

struct PushReply {
  int status = 0;
  std::string body;
  std::string content_type;
  Status reply_signature = internalError("no reply");
};

// A task to push; built as push(body).to(target).forTicket(id)…
struct Push {
  std::string target = "/api/tasks";
  std::string body;
  std::string content_type = "application/json";
  std::string ticket_id = "T-1";
  std::string idempotency_key; // "" = header left out
  support::SigningKey key = kDepartmentKey;

  Push& to(std::string value) { return set(target, std::move(value)); }
  Push& typed(std::string value) { return set(content_type, std::move(value)); }
  Push& forTicket(std::string value) { return set(ticket_id, std::move(value)); }
  Push& withIdempotencyKey(std::string value) { return set(idempotency_key, std::move(value)); }
  Push& signedWith(support::SigningKey value) {
    key = std::move(value);
    return *this;
  }

private:
  Push& set(std::string& field, std::string value) {
    field = std::move(value);
    return *this;
  }
};
inline Push push(std::string body) {
  Push built;
  built.body = std::move(body);
  return built;
}

// Signs and POSTs `push` to the simulator; verifies the reply's signature with the key.
PushReply pushTask(int port, const Push& push);

// The JSON variant of a pushed ticket with this hotline number.
std::string jsonTicket(const std::string& hotline_number);

// `hotline-sim department --port 0 --app-key yc-cgj --secret … <extra>`.
using RunningDepartment = RunningCore; // the process and its port
RunningDepartment startDepartment(const std::vector<std::string>& extra_args = {});

} // namespace hotline::sim::testing
