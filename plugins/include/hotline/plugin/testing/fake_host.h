#pragma once
// A host for connectors' unit tests: the C host table backed by maps, recording what the
// connector did (routes, submits, logs, audits, links, state), and a way to call its routes
// with a signed request. Header-only; link hotline_support (for the signing of calls). The
// gateway's real host is exercised by end-to-end tests.
//
// Thread-safe where a connector's own threads (pollers) may reach it: submit, log, state,
// audit and link lock one mutex. Read the recorded vectors once those threads are stopped.

#include "hotline/plugin/sdk.h"
#include "hotline/support/request_signing.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

struct hl_http_response {
  int status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

namespace hotline::plugin::testing {

struct Call {
  hl_http_response response;
  std::string nonce; // the request's, which the signed reply must echo
  std::string header(std::string_view name) const {
    for (const auto& [key, value] : response.headers) {
      if (key == name) {
        return value;
      }
    }
    return "";
  }
};

// What submit answers: an error code (HL_OK = accepted) with its text, or the host's answer.
struct SubmitAnswer {
  uint32_t code = HL_OK;
  std::string error;
  int http_status = 201;
  bool duplicate = false;
  std::string ticket_id = "T-20261128-0001";
  std::string body = R"({"ticket_id":"T-20261128-0001","status":"signed","duplicate":false})";
};

class FakeHost {
public:
  FakeHost() {
    api.struct_size = sizeof(hl_host_api);
    api.ctx = reinterpret_cast<hl_host_ctx*>(this);
    api.route = &route;
    api.respond = [](hl_http_response* r, int32_t status, const char* type, const char* body,
                     size_t size) {
      r->status = status;
      r->content_type = type;
      r->body.assign(body, size);
    };
    api.add_header = [](hl_http_response* r, const char* name, const char* value) {
      r->headers.emplace_back(name, value);
    };
    api.submit = &submit;
    api.log = [](hl_host_ctx* ctx, uint32_t, const char* message, const hl_kv*, size_t) {
      std::lock_guard<std::mutex> lock(self(ctx)->mutex);
      self(ctx)->logs.emplace_back(message);
    };
    api.state_get = &stateGet;
    api.state_put = [](hl_host_ctx* ctx, const char* key, const char* value, size_t size) {
      std::lock_guard<std::mutex> lock(self(ctx)->mutex);
      self(ctx)->state[key] = std::string(value, size);
      return static_cast<uint32_t>(HL_OK);
    };
    api.audit = [](hl_host_ctx* ctx, const char* action, const char* ticket, const char* detail) {
      std::lock_guard<std::mutex> lock(self(ctx)->mutex);
      self(ctx)->audits.push_back(std::string(action) + "|" + ticket + "|" + detail);
      return static_cast<uint32_t>(HL_OK);
    };
    api.link = [](hl_host_ctx* ctx, const char* ticket, const char* system, const char* number,
                  hl_error*) {
      std::lock_guard<std::mutex> lock(self(ctx)->mutex);
      self(ctx)->links.push_back(std::string(ticket) + "|" + system + "|" + number);
      return static_cast<uint32_t>(HL_OK);
    };
  }

  // Calls the route registered for `method pattern` as a peer would, signed with `key` unless
  // `sign` is false; `target` is the request target under the instance.
  Call call(const std::string& method, const std::string& pattern, const std::string& target,
            const std::string& body, const support::SigningKey& key, bool sign = true,
            std::vector<std::pair<std::string, std::string>> extra = {},
            std::vector<std::pair<std::string, std::string>> params = {}) {
    std::vector<std::pair<std::string, std::string>> headers = std::move(extra);
    Call call;
    if (sign) {
      auto signature = support::signRequest(key, method, target, body);
      call.nonce = signature->nonce;
      for (auto& header : signature->toHeaderList()) {
        headers.push_back(std::move(header));
      }
    }
    std::vector<hl_kv> header_kv = toKv(headers);
    std::vector<hl_kv> param_kv = toKv(params);
    std::string path = target.substr(0, target.find('?'));
    std::string query =
        target.find('?') == std::string::npos ? "" : target.substr(target.find('?') + 1);
    hl_http_request request{};
    request.struct_size = sizeof(hl_http_request);
    request.method = abi::borrow(method);
    request.path = abi::borrow(path);
    request.query = abi::borrow(query);
    request.headers = header_kv.data();
    request.header_count = header_kv.size();
    request.path_params = param_kv.data();
    request.path_param_count = param_kv.size();
    request.body = abi::borrow(body);
    request.remote = abi::borrow("10.9.8.7");
    request.target = abi::borrow(target);
    auto& [fn, user] = routes.at(method + " " + pattern);
    fn(user, &request, &call.response);
    return call;
  }

  hl_host_api api{};
  std::mutex mutex;
  std::map<std::string, std::pair<hl_http_handler_fn, void*>> routes;
  std::map<std::string, std::string> state;
  std::vector<Inbound> submitted;
  std::vector<std::string> logs;
  std::vector<std::string> audits;
  std::vector<std::string> links;
  // What submit answers: these fields, unless on_submit is set (then it decides per message).
  uint32_t submit_code = HL_OK;
  std::string submit_error;
  std::string submit_ticket = "T-20261128-0001";
  std::string submit_body =
      R"({"ticket_id":"T-20261128-0001","status":"signed","duplicate":false})";
  std::function<SubmitAnswer(const Inbound&)> on_submit;

private:
  static FakeHost* self(hl_host_ctx* ctx) { return reinterpret_cast<FakeHost*>(ctx); }

  static std::vector<hl_kv> toKv(const std::vector<std::pair<std::string, std::string>>& items) {
    std::vector<hl_kv> kv;
    for (const auto& [key, value] : items) {
      kv.push_back({abi::borrow(key), abi::borrow(value)});
    }
    return kv;
  }

  static uint32_t route(hl_host_ctx* ctx, const char* method, const char* pattern,
                        hl_http_handler_fn fn, void* user, hl_error*) {
    self(ctx)->routes[std::string(method) + " " + pattern] = {fn, user};
    return HL_OK;
  }

  SubmitAnswer answerFor(const Inbound& inbound) {
    if (on_submit) {
      return on_submit(inbound);
    }
    return {submit_code, submit_error, 201, false, submit_ticket, submit_body};
  }

  static uint32_t submit(hl_host_ctx* ctx, const hl_inbound* in, hl_submit_result* result,
                         hl_error* error) {
    FakeHost* host = self(ctx);
    Inbound inbound{std::string(abi::view(in->kind)),
                    std::string(abi::view(in->content_type)),
                    std::string(abi::view(in->body)),
                    {},
                    std::string(abi::view(in->idempotency_key))};
    for (size_t i = 0; i < in->attr_count; ++i) {
      inbound.attrs.emplace_back(abi::view(in->attrs[i].key), abi::view(in->attrs[i].value));
    }
    std::lock_guard<std::mutex> lock(host->mutex);
    host->submitted.push_back(inbound);
    SubmitAnswer answer = host->answerFor(inbound);
    if (answer.code != HL_OK) {
      abi::writeError(error, answer.error);
      return answer.code;
    }
    result->http_status = answer.http_status;
    result->duplicate = answer.duplicate ? 1 : 0;
    std::strncpy(result->ticket_id, answer.ticket_id.c_str(), sizeof(result->ticket_id) - 1);
    result->body_size = answer.body.size();
    std::memcpy(result->body, answer.body.data(),
                std::min(result->body_capacity, answer.body.size()));
    return HL_OK;
  }

  static uint32_t stateGet(hl_host_ctx* ctx, const char* key, char* out, size_t capacity,
                           size_t* size) {
    std::lock_guard<std::mutex> lock(self(ctx)->mutex);
    auto& state = self(ctx)->state;
    auto it = state.find(key);
    if (it == state.end()) {
      return HL_NOT_FOUND;
    }
    *size = it->second.size();
    if (capacity > it->second.size()) {
      std::memcpy(out, it->second.data(), it->second.size());
    }
    return HL_OK;
  }
};

} // namespace hotline::plugin::testing
