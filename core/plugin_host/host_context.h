#pragma once
// The host side of one connector instance: the hl_host_api table handed to the plugin and
// the services behind it (router, pipeline, state, log). Every function of the table
// converts the C view into core types, calls the service, and converts back; none lets an
// exception escape into plugin code.

#include "core/http/router.h"
#include "core/pipeline/submitter.h"
#include "core/store/state_store.h"
#include "core/store/store.h"
#include "hotline/plugin/abi.h"

#include <functional>
#include <map>
#include <string>

namespace hotline::plugin_host {

// The services a connector instance reaches through its host handle. References must
// outlive every instance that uses them.
struct HostServices {
  http::Router& router;
  pipeline::Submitter& submitter;
  store::StateStore& state;
  // Where connectors' own audit facts go (the group committer); empty: audit is refused
  // with HL_UNIMPLEMENTED.
  std::function<void(store::AuditInsert)> audit = {};
  // Where connectors' reports of a peer's number for a ticket go (the group committer, which
  // checks and audits them), with the instance as the actor; empty: link is refused with
  // HL_UNIMPLEMENTED.
  std::function<void(store::LinkRow, std::string)> link = {};
  // instance -> the unit codes it serves (connector entry `units`): such an instance may only
  // act on tickets routed to it (pipeline::InboundMessage::scope_units).
  std::map<std::string, std::vector<std::string>> units_by_instance = {};
};

class HostContext {
public:
  HostContext(std::string instance_name, std::string connector_type, HostServices services);
  HostContext(const HostContext&) = delete;
  HostContext& operator=(const HostContext&) = delete;

  const hl_host_api* api() const { return &api_; }
  const std::string& instanceName() const { return instance_name_; }
  // "/connectors/<instance>": every route of the instance lives under it.
  std::string routePrefix() const { return "/connectors/" + instance_name_; }
  // Takes every route of this instance away, waiting for in-flight handler calls.
  void removeRoutes();

private:
  static HostContext* self(hl_host_ctx* ctx) { return reinterpret_cast<HostContext*>(ctx); }

  static uint32_t route(hl_host_ctx* ctx, const char* method, const char* pattern,
                        hl_http_handler_fn fn, void* user, hl_error* error) noexcept;
  static void respond(hl_http_response* response, int32_t status, const char* content_type,
                      const char* body, size_t body_size) noexcept;
  static void addHeader(hl_http_response* response, const char* name, const char* value) noexcept;
  static uint32_t submit(hl_host_ctx* ctx, const hl_inbound* inbound, hl_submit_result* result,
                         hl_error* error) noexcept;
  static void log(hl_host_ctx* ctx, uint32_t level, const char* message, const hl_kv* fields,
                  size_t field_count) noexcept;
  static uint32_t stateGet(hl_host_ctx* ctx, const char* key, char* out, size_t capacity,
                           size_t* size) noexcept;
  static uint32_t audit(hl_host_ctx* ctx, const char* action, const char* ticket_id,
                        const char* detail) noexcept;
  static uint32_t statePut(hl_host_ctx* ctx, const char* key, const char* value,
                           size_t size) noexcept;
  static uint32_t link(hl_host_ctx* ctx, const char* ticket_id, const char* system,
                       const char* number, hl_error* error) noexcept;

  std::string instance_name_;
  std::string connector_type_;
  HostServices services_;
  hl_host_api api_{};
};

} // namespace hotline::plugin_host
