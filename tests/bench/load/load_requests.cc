#include "load_requests.h"

#include "hotline/support/request_signing.h"
#include "hotline/support/signature.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace hotline::bench {
namespace {

constexpr std::string_view kPipelineFiller =
    "虞城县城关镇某小区自十一月起室内温度长期低于十六度，居民多次反映。";
constexpr std::string_view kProgressFiller =
    "已派执法队员到现场勘查，正在协调供热公司排查管网压力并逐户测温，预计三日内处理完毕。";

// Appends `filler` and then dots until head + tail reach `size` bytes.
std::string padded(std::string head, const std::string& tail, std::string_view filler,
                   size_t size) {
  while (head.size() + tail.size() + filler.size() <= size) {
    head += filler;
  }
  while (head.size() + tail.size() < size) {
    head += '.';
  }
  return head + tail;
}

// The time at +08:00, `offset_s` from now: ISO 8601 with the zone, or yyyy-MM-dd HH:mm:ss.
std::string beijingTime(long offset_s, bool iso) {
  std::time_t at = std::time(nullptr) + 8 * 3600 + offset_s;
  std::tm parts{};
  ::gmtime_r(&at, &parts);
  char text[40];
  size_t n = 0;
  if (iso) {
    n = std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S+08:00", &parts);
  } else {
    n = std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", &parts);
  }
  return std::string(text, n);
}

std::string pipelineTicket(const Options& options, int connection, uint64_t n) {
  std::string number =
      "B-" + options.run_id + "-" + std::to_string(connection) + "-" + std::to_string(n);
  std::string head = R"({"refs":[{"system":"dept-bench","number":")" + number +
                     R"("}],"region":{"county":"411425","city":"411400","province":"410000"},)"
                     R"("requester":{"name":"王五","phone":"13700001234"},"channel":"department",)"
                     R"("title":"小区供暖温度不达标","content":")";
  std::string tail = R"(","category":{"type":"complaint","topic_code":"HEAT-01"},)"
                     R"("urgency":"normal","status":"submitted",)"
                     R"("created_at":"2026-11-28T09:30:00+08:00"})";
  return padded(head, tail, kPipelineFiller, options.body_bytes);
}

std::string ticketNumber(const Options& options, uint64_t index) {
  return options.ticket_prefix + std::to_string(index % options.tickets);
}

// A callback as mappings/department/event.json reads it; sign-ins (01) carry no content.
std::string departmentCallback(const Options& options, uint64_t index, const std::string& msg_id) {
  std::string head =
      R"({"msgId":")" + msg_id + R"(","ticketNo":")" + ticketNumber(options, index) +
      R"(","actionCode":")" + options.action_code + R"(","actionTime":")" + beijingTime(0, false) +
      R"(","handler":"值班员","handlerTel":"13900000004","unitCode":")" + options.unit_code + "\"";
  if (options.action_code == "01") {
    return head + "}";
  }
  return padded(head + R"(,"content":")", "\"}", kProgressFiller, options.body_bytes);
}

// The core platform's assignment of ticket `index` to the unit (a canonical ticket).
std::string assignedTicket(const Options& options, uint64_t index) {
  std::string head = R"({"refs":[{"system":"yucheng-12345","number":")" +
                     ticketNumber(options, index) +
                     R"("}],"region":{"province":"410000","city":"411400","county":"411425"},)"
                     R"("requester":{"name":"王五","phone":"13800000001"},"channel":"phone",)"
                     R"("title":"小区供暖温度不达标","content":")";
  std::string tail = R"(","category":{"type":"complaint"},"urgency":"normal",)"
                     R"("status":"assigned","created_at":")" +
                     beijingTime(-7200, true) + R"(","assignments":[{"seq":1,"at":")" +
                     beijingTime(-3600, true) + R"(","deadline":")" + beijingTime(5 * 86400, true) +
                     R"(","lead_unit":{"code":")" + options.unit_code +
                     R"(","name":"县城市管理局"}}]})";
  return padded(head, tail, kPipelineFiller, options.body_bytes);
}

std::string request(const Options& options, const std::string& extra_headers,
                    const std::string& body) {
  return "POST " + options.path +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace

std::string buildRequest(const Options& options, int connection, uint64_t n, uint64_t index) {
  switch (options.mode()) {
  case LoadMode::Pipeline: {
    std::string body = pipelineTicket(options, connection, n);
    std::string headers = "X-Request-Id: bench-" + options.run_id + "-" +
                          std::to_string(connection) + "-" + std::to_string(n) + "\r\n";
    if (!options.secret.empty()) {
      headers += "X-Signature: " +
                 support::hmacHex(support::HmacAlgorithm::Sha256, options.secret, body).value() +
                 "\r\n";
    }
    return request(options, headers, body);
  }
  case LoadMode::Department: {
    const std::string msg_id = "BENCH-" + options.run_id + "-" + std::to_string(index);
    std::string body = departmentCallback(options, index, msg_id);
    const support::SigningKey key{options.app_key, options.dept_secret,
                                  support::HmacAlgorithm::Sha256};
    Result<support::SignatureHeaders> signature =
        support::signRequest(key, "POST", options.path, body);
    if (!signature) {
      std::fprintf(stderr, "ingest_load: cannot sign: %s\n", signature.status().message().c_str());
      std::exit(2);
    }
    std::string headers = "X-Request-Id: " + msg_id + "\r\n";
    for (const auto& [name, value] : signature->toHeaderList()) {
      headers += name + ": " + value + "\r\n";
    }
    return request(options, headers, body);
  }
  case LoadMode::Assign: {
    std::string headers = "Authorization: Bearer " + options.core_token +
                          "\r\nIdempotency-Key: bench-assign-" + options.run_id + "-" +
                          std::to_string(index) + "\r\n";
    return request(options, headers, assignedTicket(options, index));
  }
  }
  return {};
}

size_t bodySize(const Options& options) {
  switch (options.mode()) {
  case LoadMode::Pipeline:
    return pipelineTicket(options, 0, 0).size();
  case LoadMode::Department:
    return departmentCallback(options, 0, "BENCH-" + options.run_id + "-0").size();
  case LoadMode::Assign:
    return assignedTicket(options, 0).size();
  }
  return 0;
}

} // namespace hotline::bench
