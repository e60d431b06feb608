#include "core/app/admin_commands.h"

#include "core/app/admin_client.h"
#include "core/audit/audit_verifier.h"
#include "core/store/sqlite_store.h"

#include <Poco/URI.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <ostream>

namespace hotline::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

std::string option(const std::vector<std::string>& args, const std::string& name) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) {
      return args[i + 1];
    }
  }
  return "";
}

std::string encoded(const std::string& value) {
  std::string out;
  Poco::URI::encode(value, "&=?#/+", out);
  return out;
}

// "?after=..&limit=.." from the options that are present.
std::string pageQuery(const std::vector<std::string>& args) {
  std::string query;
  for (const char* name : {"after", "limit", "ticket", "target"}) {
    std::string value = option(args, std::string("--") + name);
    if (!value.empty()) {
      query += (query.empty() ? "?" : "&") + std::string(name) + "=" + encoded(value);
    }
  }
  return query;
}

// Calls the admin API and prints the answer; 0 for 2xx.
int call(const std::vector<std::string>& args, const std::string& method, const std::string& path,
         const std::string& body, std::ostream& out, std::ostream& err) {
  Result<AdminEndpoint> endpoint = resolveAdminEndpoint(args);
  if (!endpoint) {
    err << endpoint.status().message() << "\n";
    return kExitUsage;
  }
  Result<AdminReply> reply = callAdmin(*endpoint, method, path, body);
  if (!reply) {
    err << reply.status().message() << "\n";
    return kExitFailure;
  }
  bool ok = reply->status >= 200 && reply->status < 300;
  (ok ? out : err) << prettyJson(reply->body);
  return ok ? kExitOk : kExitFailure;
}

std::string reasonBody(const std::string& reason) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("reason");
  writer.String(reason.empty() ? "discarded by an operator" : reason.c_str());
  writer.EndObject();
  return buffer.GetString();
}

bool positional(const std::vector<std::string>& args, size_t index, std::string& value) {
  if (args.size() <= index || args[index].rfind("--", 0) == 0) {
    return false;
  }
  value = args[index];
  return true;
}

int verifyDatabase(const std::string& path, std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<store::SqliteStore>> opened =
      store::SqliteStore::open(store::SqliteOptions{path});
  if (!opened) {
    err << opened.status().message() << "\n";
    return kExitFailure;
  }
  audit::AuditVerification result = audit::verifyAuditChain(**opened);
  if (result.ok) {
    out << "audit chain ok: " << result.checked << " records verified in " << path << "\n";
    return kExitOk;
  }
  err << "audit chain BROKEN in " << path << ": " << result.problem_count << " problem(s) in "
      << result.checked << " records\n";
  for (const auto& problem : result.problems) {
    err << "  " << problem << "\n";
  }
  return kExitFailure;
}

bool hasFlag(const std::vector<std::string>& args, const std::string& flag) {
  return std::find(args.begin(), args.end(), flag) != args.end();
}

// dlq replay --target T | --all [--limit N]: POST /admin/v1/dlq/replay.
int replayInBulk(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const std::string target = option(args, "--target");
  const bool all = hasFlag(args, "--all");
  if (target.empty() == !all) {
    err << "dlq replay: give a dead letter's ID, --target NAME (its dead letters) or --all\n";
    return kExitUsage;
  }
  std::string query = all ? "?all=true" : "?target=" + encoded(target);
  const std::string limit = option(args, "--limit");
  if (!limit.empty()) {
    query += "&limit=" + encoded(limit);
  }
  return call(args, "POST", "/admin/v1/dlq/replay" + query, "", out, err);
}

} // namespace

int runDlqCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string verb, id;
  if (!positional(args, 1, verb)) {
    err << "dlq: expected list, show ID, replay ID or discard ID\n";
    return kExitUsage;
  }
  if (verb == "list") {
    return call(args, "GET", "/admin/v1/dlq" + pageQuery(args), "", out, err);
  }
  if (verb == "replay" && !positional(args, 2, id)) {
    return replayInBulk(args, out, err);
  }
  if (!positional(args, 2, id)) {
    err << "dlq " << verb << ": missing the dead letter's ID\n";
    return kExitUsage;
  }
  if (verb == "show") {
    return call(args, "GET", "/admin/v1/dlq/" + encoded(id), "", out, err);
  }
  if (verb == "replay") {
    return call(args, "POST", "/admin/v1/dlq/" + encoded(id) + "/replay", "", out, err);
  }
  if (verb == "discard") {
    std::string body = reasonBody(option(args, "--reason"));
    return call(args, "POST", "/admin/v1/dlq/" + encoded(id) + "/discard", body, out, err);
  }
  err << "dlq: unknown verb \"" << verb << "\"\n";
  return kExitUsage;
}

int runAuditCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string verb;
  if (!positional(args, 1, verb)) {
    err << "audit: expected list or verify\n";
    return kExitUsage;
  }
  if (verb == "list") {
    return call(args, "GET", "/admin/v1/audit" + pageQuery(args), "", out, err);
  }
  if (verb == "verify") {
    std::string db = option(args, "--db");
    if (!db.empty()) {
      return verifyDatabase(db, out, err);
    }
    return call(args, "GET", "/admin/v1/audit/verify", "", out, err);
  }
  err << "audit: unknown verb \"" << verb << "\"\n";
  return kExitUsage;
}

int runTraceCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string ticket;
  if (!positional(args, 1, ticket)) {
    err << "trace: missing TICKET_ID\n";
    return kExitUsage;
  }
  return call(args, "GET", "/admin/v1/tickets/" + encoded(ticket) + "/trace", "", out, err);
}

} // namespace hotline::app
