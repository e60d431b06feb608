#include "tests/e2e/world.h"

#include "tests/support/raw_sqlite.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>

namespace hotline::testing {
namespace {

int64_t member(const rapidjson::Document& doc, const char* name) {
  return doc.IsObject() && doc.HasMember(name) && doc[name].IsInt64() ? doc[name].GetInt64() : -1;
}

} // namespace

World::World(const WorldOptions& options) : dir_(makeTempDir()) {
  sim_ = std::make_unique<ChildProcess>(HOTLINE_SIM_BIN,
                                        std::vector<std::string>{"core", "--port", "0"});
  std::optional<std::string> address =
      sim_->waitForLine("listening on 127.0.0.1:", std::chrono::seconds(20));
  if (address) {
    sim_port_ = static_cast<uint16_t>(std::stoi(*address));
  }
  gateway_port_ = freeLoopbackPort();
  admin_port_ = freeLoopbackPort();
  db_path_ = dir_ + "/gateway.db";
  config_path_ = dir_ + "/gateway.json";
  std::ofstream(config_path_) << R"({)" << options.extra_sections << R"(
    "http": {"port": )" << gateway_port_
                              << R"(, "threads": 32, "shutdown_grace_ms": 5000},
    "admin": {"port": )" << admin_port_
                              << R"(, "token_file": ")" << dir_ << R"(/admin.token"},
    "store": {"path": ")" << db_path_
                              << R"("},
    "log": {"level": "info"},
    "core_platform": {"base_url": "http://127.0.0.1:)"
                              << sim_port_ << R"(", "timeout_ms": 3000)"
                              << options.core_platform_extra << R"(},
    "delivery": {"backoff_base_ms": 50, "backoff_max_ms": 500, "max_attempts": 50,
                 "breaker_failures": 5, "breaker_cooldown_ms": 200},
    "connectors": [
      {"name": "intake", "type": "example", "config": {"path": "/tickets", "kind": "ticket"}},
      {"name": "actions", "type": "example", "config": {"path": "/events", "kind": "event"}})"
                              << options.extra_connectors << R"(
    ]
  })";
}

World::~World() {
  if (gateway_) {
    gateway_->stop(SIGKILL, std::chrono::seconds(10));
  }
}

void World::startGateway() {
  if (gateway_) {
    previous_logs_ += gateway_->errorOutput();
  }
  gateway_ = std::make_unique<ChildProcess>(
      HOTLINE_GATEWAY_BIN, std::vector<std::string>{"run", "--config", config_path_});
  waitFor([&] { return gatewayHealthy() || !gateway_->running(); }, std::chrono::seconds(30));
  std::ifstream token(dir_ + "/admin.token");
  std::getline(token, token_);
}

int World::stopGateway(int signal) {
  std::optional<int> code = gateway_->stop(signal, std::chrono::seconds(30));
  return code.value_or(-1);
}

void World::signalGateway(int signal) {
  if (gateway_) {
    ::kill(gateway_->pid(), signal);
  }
}

bool World::gatewayHealthy() {
  return httpCall(gateway_port_, "GET", "/healthz").status == 200;
}

std::string World::gatewayLog() const {
  return previous_logs_ + (gateway_ ? gateway_->errorOutput() : "");
}

HttpReply World::postTicket(const std::string& body, const std::string& request_id) {
  return httpCall(gateway_port_, "POST", "/connectors/intake/tickets", body,
                  {{"X-Request-Id", request_id}});
}

HttpReply World::postEvent(const std::string& body, const std::string& request_id) {
  return httpCall(gateway_port_, "POST", "/connectors/actions/events", body,
                  {{"X-Request-Id", request_id}});
}

HttpReply World::admin(const std::string& method, const std::string& path) {
  if (token_.empty()) {
    std::ifstream token(dir_ + "/admin.token");
    std::getline(token, token_);
  }
  return httpCall(admin_port_, method, path, "", {{"Authorization", "Bearer " + token_}});
}

HttpReply World::sim(const std::string& method, const std::string& path, const std::string& body) {
  return httpCall(sim_port_, method, path, body);
}

SimStats World::simStats() {
  rapidjson::Document doc;
  doc.Parse(sim("GET", "/sim/stats").body.c_str());
  return SimStats{member(doc, "received"), member(doc, "accepted"), member(doc, "duplicates"),
                  member(doc, "order_violations"), member(doc, "tickets")};
}

CommandResult World::cli(std::vector<std::string> args) {
  args.insert(args.end(), {"--config", config_path_});
  return runCommand(HOTLINE_GATEWAY_BIN, args);
}

std::string ticketJson(const std::string& number) {
  return R"({"refs":[{"system":"shangqiu-12345","number":")" + number +
         R"("}],"channel":"city","title":"路灯不亮","content":"文化路路灯不亮，请维修",)"
         R"("status":"submitted","requester":{"name":"李四","phone":"13912345678"}})";
}

std::string eventJson(const std::string& number, const std::string& type) {
  return R"({"ticket":{"system":"shangqiu-12345","number":")" + number + R"("},"type":")" + type +
         R"(","at":"2026-11-28T10:00:00+08:00","source":"shangqiu-12345"})";
}

void World::setStoreExtra(const std::string& extra) {
  std::ifstream in(config_path_);
  std::stringstream text;
  text << in.rdbuf();
  std::string config = text.str();
  const std::string path = R"("path": ")" + db_path_ + R"(")";
  const size_t at = config.find(path);
  ASSERT_NE(at, std::string::npos) << "no store path in " << config_path_;
  const size_t end = config.find('}', at);
  config.replace(at, end - at, path + extra);
  std::ofstream(config_path_) << config;
}

void execSql(const std::string& db, const std::string& sql) {
  RawSqlite(db).exec(sql);
}

std::string querySql(const std::string& db, const std::string& sql) {
  return RawSqlite(db).scalar(sql);
}

} // namespace hotline::testing
