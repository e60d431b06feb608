/* hotline-gateway connector plugin ABI.
 *
 * The one boundary between the gateway (the host) and a connector plugin (a shared library).
 * It is plain C so that a connector built by another compiler, standard library or POCO build
 * than the host's still loads (DESIGN.md §5). Plugin authors normally do not use this header
 * directly: the C++ SDK in hotline/plugin/sdk.h wraps it.
 *
 * Versioning (mosquitto's model):
 *  - The plugin exports exactly one symbol, HL_PLUGIN_ENTRY_SYMBOL ("hotline_plugin_entry").
 *  - The host calls it with the ABI majors it speaks; the plugin answers with a descriptor
 *    for the highest major both speak, or with the major it speaks if there is none, in
 *    which case the host refuses it with an error naming the file and both versions.
 *  - Whatever a future major changes, a descriptor always begins with struct_size,
 *    abi_major and abi_minor, in that order, so that any host can read which major a
 *    plugin speaks before trusting anything else.
 *  - Within a major, structs only ever grow at the end. Every struct that crosses starts with
 *    `struct_size`; a reader uses only the members that fit inside the size it was given, and
 *    refuses a struct too short to hold the members that major requires.
 *
 * Ownership is stated on every pointer. "host, valid during the call" means the plugin must
 * copy what it wants to keep.
 *
 * Threads: unless noted, host functions may be called from any plugin thread, and plugin
 * functions may be called from any host thread (the SDK documents which are serialised).
 */
#ifndef HOTLINE_PLUGIN_ABI_H
#define HOTLINE_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HL_ABI_MAJOR 1u
#define HL_ABI_MINOR 2u
#define HL_PLUGIN_ENTRY_SYMBOL "hotline_plugin_entry"

#if defined(__GNUC__)
#define HL_EXPORT __attribute__((visibility("default")))
#else
#define HL_EXPORT
#endif

/* Result codes of every ABI call. Values are stable within a major. */
typedef enum hl_code {
  HL_OK = 0,
  HL_INVALID_ARGUMENT = 1,
  HL_NOT_FOUND = 2,
  HL_CONFLICT = 3,
  HL_ALREADY_EXISTS = 4,
  HL_PERMISSION_DENIED = 5,
  HL_UNAUTHENTICATED = 6,
  HL_PAYLOAD_TOO_LARGE = 7,
  HL_FAILED_PRECONDITION = 8,
  HL_UNAVAILABLE = 9,
  HL_DEADLINE_EXCEEDED = 10,
  HL_RESOURCE_EXHAUSTED = 11,
  HL_UNIMPLEMENTED = 12,
  HL_INTERNAL = 13
} hl_code;

/* An error text travels in a caller-owned buffer so that no allocation crosses the edge.
 * OWNERSHIP: caller; the callee writes at most `capacity` bytes including the NUL. */
typedef struct hl_error {
  uint32_t struct_size;
  char* message;
  size_t capacity;
} hl_error;

/* A borrowed string; not NUL-terminated. OWNERSHIP: stated where used. */
typedef struct hl_str {
  const char* data;
  size_t size;
} hl_str;

typedef struct hl_kv {
  hl_str key;
  hl_str value;
} hl_kv;

/* ---- configuration table (declared by the plugin, validated by the host) -------------- */

typedef enum hl_config_type {
  HL_CONFIG_STRING = 0,
  HL_CONFIG_INTEGER = 1,
  HL_CONFIG_NUMBER = 2,
  HL_CONFIG_BOOLEAN = 3,
  HL_CONFIG_SECRET = 4, /* "env:NAME" or "file:PATH", resolved by the host */
  HL_CONFIG_STRING_LIST = 5,
  HL_CONFIG_ENUM = 6
} hl_config_type;

/* One key of a connector's config table. OWNERSHIP: plugin, static (lives as long as the
 * library is loaded). Arrays of these are strided by hl_plugin_descriptor.config_key_size. */
typedef struct hl_config_key {
  uint32_t struct_size;
  const char* key;           /* dotted for nested objects: "auth.app_key" */
  uint32_t type;             /* hl_config_type */
  const char* default_value; /* textual default, NULL = none */
  int32_t has_min;
  double min;
  int32_t has_max;
  double max;
  int32_t required;
  const char* doc;
  const char* allowed; /* HL_CONFIG_ENUM: values separated by '|', else NULL */
} hl_config_key;

/* The validated, default-filled, secret-resolved config of one instance.
 * OWNERSHIP: host, valid during create(); lists arrive as JSON array text. */
typedef struct hl_config {
  uint32_t struct_size;
  const hl_kv* entries;
  size_t count;
  hl_str instance_name;
} hl_config;

/* ---- HTTP endpoints a connector registers through the host's router ------------------- */

typedef struct hl_http_request {
  uint32_t struct_size;
  hl_str method;
  hl_str path; /* the full path, "/connectors/<instance>/..." */
  hl_str query;
  const hl_kv* headers;
  size_t header_count;
  const hl_kv* path_params; /* values of "{name}" segments */
  size_t path_param_count;
  hl_str body;
  hl_str remote;
  /* ABI 1.1: the request target exactly as sent (path and query, nothing decoded), what
     request signatures cover. Read it only when struct_size says it is there. */
  hl_str target;
} /* OWNERSHIP: host, valid during the handler call */ hl_http_request;

/* Opaque response under construction; filled only through hl_host_api functions. */
typedef struct hl_http_response hl_http_response;

/* OWNERSHIP of `user`: plugin; it must stay valid until the instance is destroyed. */
typedef void (*hl_http_handler_fn)(void* user, const hl_http_request* request,
                                   hl_http_response* response);

/* ---- submitting an inbound message -------------------------------------------------- */

typedef struct hl_inbound {
  uint32_t struct_size;
  hl_str kind;         /* "ticket", "event", "knowledge", ... selects the mapping */
  hl_str content_type; /* "application/json", "application/xml", "text/csv" */
  hl_str body;         /* the peer's payload as received */
  const hl_kv* attrs;  /* protocol facts the mapping may use (peer number, app key) */
  size_t attr_count;
  hl_str idempotency_key; /* the peer's message id; empty = host uses a body digest */
} /* OWNERSHIP: plugin, valid during hl_host_api.submit */ hl_inbound;

typedef struct hl_submit_result {
  uint32_t struct_size;
  int32_t http_status; /* what to answer the peer: 200/201, 400, 404, 409, 503 ... */
  int32_t duplicate;   /* 1 when this message had been accepted before */
  char ticket_id[64];  /* NUL-terminated; empty when none */
  char* body;          /* OWNERSHIP: caller buffer for the JSON answer (may be NULL) */
  size_t body_capacity;
  size_t body_size; /* bytes the full answer needs (may exceed capacity) */
} hl_submit_result;

/* ---- downlink delivery --------------------------------------------------------------- */

typedef struct hl_outbound {
  uint32_t struct_size;
  hl_str ticket_id;
  hl_str kind;
  hl_str content_type;
  hl_str body; /* already mapped to the peer's format */
  const hl_kv* attrs;
  size_t attr_count;
  hl_str idempotency_key;
  uint32_t attempt; /* 1 for the first try */
} /* OWNERSHIP: host, valid during deliver() */ hl_outbound;

typedef enum hl_delivery_kind {
  HL_DELIVERY_OK = 0,
  HL_DELIVERY_RETRY = 1,    /* transient: try again (after retry_after_ms if > 0) */
  HL_DELIVERY_PERMANENT = 2 /* will never work: dead-letter with the reason */
} hl_delivery_kind;

typedef struct hl_delivery_result {
  uint32_t struct_size;
  uint32_t kind; /* hl_delivery_kind */
  uint32_t retry_after_ms;
  hl_error reason; /* buffer provided by the host */
} hl_delivery_result;

typedef enum hl_health_state { HL_HEALTHY = 0, HL_DEGRADED = 1, HL_DOWN = 2 } hl_health_state;

typedef enum hl_log_level {
  HL_LOG_TRACE = 0,
  HL_LOG_DEBUG = 1,
  HL_LOG_INFO = 2,
  HL_LOG_WARN = 3,
  HL_LOG_ERROR = 4
} hl_log_level;

/* ---- what the host offers a plugin instance ------------------------------------------ */

typedef struct hl_host_ctx hl_host_ctx; /* opaque, one per instance */

typedef struct hl_host_api {
  uint32_t struct_size;
  hl_host_ctx* ctx; /* pass back to every call; OWNERSHIP: host, valid until destroy() */

  /* Registers `method` + `pattern` ("/tickets/{no}") under /connectors/<instance>. */
  uint32_t (*route)(hl_host_ctx* ctx, const char* method, const char* pattern,
                    hl_http_handler_fn fn, void* user, hl_error* error);
  /* Answers a request being handled; the host copies everything. */
  void (*respond)(hl_http_response* response, int32_t status, const char* content_type,
                  const char* body, size_t body_size);
  void (*add_header)(hl_http_response* response, const char* name, const char* value);

  /* Hands an inbound message to the pipeline; returns once it is durably stored (or
   * refused). Blocking; call from the thread that will answer the peer. */
  uint32_t (*submit)(hl_host_ctx* ctx, const hl_inbound* inbound, hl_submit_result* result,
                     hl_error* error);

  /* Structured log line, masked by the host. fields: key/value pairs. */
  void (*log)(hl_host_ctx* ctx, uint32_t level, const char* message, const hl_kv* fields,
              size_t field_count);

  /* Connector key-value state (tokens, cursors), namespaced per instance.
   * state_get copies the value into `out` (capacity incl. NUL) and sets *size to the full
   * length; HL_NOT_FOUND when absent. */
  uint32_t (*state_get)(hl_host_ctx* ctx, const char* key, char* out, size_t capacity,
                        size_t* size);
  uint32_t (*state_put)(hl_host_ctx* ctx, const char* key, const char* value, size_t size);

  /* ABI 1.1: an audit fact about something the connector decided on its own (a forged
   * signature refused, a caller reaching outside its scope). `action` is a short verb
   * ("refused_signature"); `ticket_id` may be empty. The host records the instance as the
   * actor, masks personal data in `detail`, and appends it to the hash-chained audit trail
   * with the pipeline's next write. Check struct_size before calling: older hosts lack it. */
  uint32_t (*audit)(hl_host_ctx* ctx, const char* action, const char* ticket_id,
                    const char* detail);

  /* ABI 1.2: records `number` as system `system`'s number for the gateway's ticket
   * `ticket_id` (a peer answered a push with its own case number), so that later messages
   * naming the ticket by that number find it. Written with the pipeline's next batch and
   * audited ("linked"); a number that already names another ticket is refused there and
   * audited ("link_refused"), a link that exists already is left as it is. Returns HL_OK once
   * queued; HL_INVALID_ARGUMENT for an empty or oversized value. Check struct_size first. */
  uint32_t (*link)(hl_host_ctx* ctx, const char* ticket_id, const char* system,
                   const char* number, hl_error* error);
} hl_host_api;

/* ---- what a plugin offers the host --------------------------------------------------- */

typedef struct hl_instance hl_instance; /* opaque plugin object */

typedef struct hl_plugin_descriptor {
  uint32_t struct_size;
  uint32_t abi_major; /* the major this descriptor follows */
  uint32_t abi_minor;
  const char* type;                 /* connector type, e.g. "department" (config "type") */
  const char* version;              /* the connector's own version */
  const char* description;          /* one line */
  const hl_config_key* config_keys; /* OWNERSHIP: plugin, static */
  size_t config_key_count;
  size_t config_key_size; /* sizeof(hl_config_key) as the plugin knows it: the array stride */

  /* Creates and configures an instance. `host` stays valid until destroy(). On failure
   * returns non-HL_OK with `error` filled and *out untouched. */
  uint32_t (*create)(const hl_host_api* host, const hl_config* config, hl_instance** out,
                     hl_error* error);
  uint32_t (*start)(hl_instance* instance, hl_error* error);
  void (*stop)(hl_instance* instance); /* drain; must not fail */
  void (*deliver)(hl_instance* instance, const hl_outbound* outbound, hl_delivery_result* result);
  uint32_t (*health)(hl_instance* instance, hl_error* detail); /* hl_health_state */
  void (*destroy)(hl_instance* instance);
} hl_plugin_descriptor;

/* What the host offers when it calls the entry point. OWNERSHIP: host, valid during the
 * call. */
typedef struct hl_host_offer {
  uint32_t struct_size;
  const uint32_t* abi_majors;
  size_t abi_major_count;
  uint32_t abi_minor; /* the host's minor of its highest major */
} hl_host_offer;

/* The single exported entry point. Returns a descriptor with static storage duration
 * (OWNERSHIP: plugin), never NULL. */
typedef const hl_plugin_descriptor* (*hl_plugin_entry_fn)(const hl_host_offer* offer);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* HOTLINE_PLUGIN_ABI_H */
