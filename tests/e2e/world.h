#pragma once
// A small world for end-to-end tests: the core platform simulator and one gateway, each a
// separate process on loopback, with the gateway's store, admin token and ports of the
// test's own. The gateway can be stopped, killed (-9) and restarted on the same store.

#include "tests/support/child_process.h"
#include "tests/support/http_call.h"

#include <rapidjson/document.h>

#include <memory>
#include <string>

namespace hotline::testing {

struct SimStats {
  int64_t received = 0;
  int64_t accepted = 0;
  int64_t duplicates = 0;
  int64_t order_violations = 0;
  int64_t tickets = 0;
};

struct WorldOptions {
  // More top-level config members, e.g. R"("mappings": {"dir": "..."},)".
  std::string extra_sections;
  // More members of the core_platform section, e.g. R"(, "outbound_token": "file:...")".
  std::string core_platform_extra;
  // More connector instances, each a JSON object preceded by a comma.
  std::string extra_connectors;
};

class World {
public:
  explicit World(const WorldOptions& options = {});
  ~World();

  void startGateway();
  // SIGTERM (clean) or SIGKILL (crash); returns the exit code, or -1 when it did not exit.
  int stopGateway(int signal);
  bool gatewayHealthy();
  // Sends `signal` to the running gateway without waiting (e.g. SIGHUP).
  void signalGateway(int signal);
  const std::string& dir() const { return dir_; }

  uint16_t gatewayPort() const { return gateway_port_; }
  uint16_t simPort() const { return sim_port_; }
  const std::string& dbPath() const { return db_path_; }
  const std::string& configPath() const { return config_path_; }
  std::string gatewayLog() const;

  // POSTs to the example connector (tickets or events); `request_id` is the peer's id.
  HttpReply postTicket(const std::string& body, const std::string& request_id);
  HttpReply postEvent(const std::string& body, const std::string& request_id);
  HttpReply admin(const std::string& method, const std::string& path);
  HttpReply sim(const std::string& method, const std::string& path, const std::string& body = "");
  SimStats simStats();
  // Runs the gateway binary's CLI against this world's config.
  CommandResult cli(std::vector<std::string> args);
  // Rewrites the config's store section: `extra` keys after the path ("" for none), e.g.
  // R"(, "max_size_mb": 1)". Takes effect at the next startGateway().
  void setStoreExtra(const std::string& extra);

private:
  std::string dir_;
  std::string db_path_;
  std::string config_path_;
  std::string token_;
  uint16_t gateway_port_ = 0;
  uint16_t admin_port_ = 0;
  uint16_t sim_port_ = 0;
  std::unique_ptr<ChildProcess> sim_;
  std::unique_ptr<ChildProcess> gateway_;
  std::string previous_logs_;
};

// Runs `sql` on the database file `db` with the raw SQLite API, as an operator's sqlite3 shell
// (or an attacker with file access) would; the gateway should not be running.
void execSql(const std::string& db, const std::string& sql);
// The first column of the first row of `sql` on `db`, as text ("" when there is none).
std::string querySql(const std::string& db, const std::string& sql);

// A canonical ticket whose city number is `number` (so events can name it by number).
std::string ticketJson(const std::string& number);
// A canonical event of `type` for the ticket with that city number.
std::string eventJson(const std::string& number, const std::string& type);

} // namespace hotline::testing
