#pragma once
// The one error model of hotline-gateway (core, SDK and connectors alike): a Status says
// whether an operation worked and, if not, what failed, where and why. Result<T> carries a
// value or the Status that explains its absence. Exceptions stay inside the call site that
// raised them (a POCO or standard-library call) and are converted at once.
//
// Header-only and dependency-free so that out-of-tree connectors can use it without linking
// anything from the gateway.

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hotline {

enum class StatusCode {
  Ok = 0,
  InvalidArgument,    // the input is malformed or violates a rule (HTTP 400)
  NotFound,           // the thing referred to does not exist (404)
  Conflict,           // legal input, but not in the current state, e.g. lifecycle (409)
  AlreadyExists,      // a duplicate where one is not allowed
  PermissionDenied,   // authenticated but not allowed (403)
  Unauthenticated,    // credentials missing or wrong (401)
  PayloadTooLarge,    // a size limit was exceeded (413)
  FailedPrecondition, // the system is not in a state to do this (e.g. not configured)
  Unavailable,        // a peer or resource is temporarily unavailable; retrying may work
  DeadlineExceeded,   // a timeout
  ResourceExhausted,  // quota, disk, rate limit
  Unimplemented,      // the operation is not supported here
  Internal,           // a broken invariant or an unexpected failure
};

// Stable lower_snake_case name of a code, used in JSON error bodies and logs.
constexpr std::string_view statusCodeName(StatusCode code) {
  switch (code) {
  case StatusCode::Ok:
    return "ok";
  case StatusCode::InvalidArgument:
    return "invalid_argument";
  case StatusCode::NotFound:
    return "not_found";
  case StatusCode::Conflict:
    return "conflict";
  case StatusCode::AlreadyExists:
    return "already_exists";
  case StatusCode::PermissionDenied:
    return "permission_denied";
  case StatusCode::Unauthenticated:
    return "unauthenticated";
  case StatusCode::PayloadTooLarge:
    return "payload_too_large";
  case StatusCode::FailedPrecondition:
    return "failed_precondition";
  case StatusCode::Unavailable:
    return "unavailable";
  case StatusCode::DeadlineExceeded:
    return "deadline_exceeded";
  case StatusCode::ResourceExhausted:
    return "resource_exhausted";
  case StatusCode::Unimplemented:
    return "unimplemented";
  case StatusCode::Internal:
    return "internal";
  }
  return "unknown";
}

// The HTTP status an error maps to when it is answered to a peer.
constexpr int httpStatusFor(StatusCode code) {
  switch (code) {
  case StatusCode::Ok:
    return 200;
  case StatusCode::InvalidArgument:
    return 400;
  case StatusCode::NotFound:
    return 404;
  case StatusCode::Conflict:
  case StatusCode::AlreadyExists:
    return 409;
  case StatusCode::PermissionDenied:
    return 403;
  case StatusCode::Unauthenticated:
    return 401;
  case StatusCode::PayloadTooLarge:
    return 413;
  case StatusCode::FailedPrecondition:
    return 412;
  case StatusCode::Unavailable:
    return 503;
  case StatusCode::DeadlineExceeded:
    return 504;
  case StatusCode::ResourceExhausted:
    return 429;
  case StatusCode::Unimplemented:
    return 501;
  case StatusCode::Internal:
    return 500;
  }
  return 500;
}

class [[nodiscard]] Status {
public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return Status(); }

  bool isOk() const { return code_ == StatusCode::Ok; }
  explicit operator bool() const { return isOk(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "conflict: result_submitted requires status signed" — for logs and CLI output.
  std::string toString() const {
    if (isOk()) {
      return "ok";
    }
    return std::string(statusCodeName(code_)) + ": " + message_;
  }

  // Prefixes the message with where the error happened, keeping the code:
  // Status(...).withContext("config/gateway.json") -> "config/gateway.json: <message>".
  Status withContext(std::string_view where) const {
    if (isOk()) {
      return *this;
    }
    return Status(code_, std::string(where) + ": " + message_);
  }

private:
  StatusCode code_ = StatusCode::Ok;
  std::string message_;
};

inline Status invalidArgument(std::string message) {
  return Status(StatusCode::InvalidArgument, std::move(message));
}
inline Status notFound(std::string message) {
  return Status(StatusCode::NotFound, std::move(message));
}
inline Status conflict(std::string message) {
  return Status(StatusCode::Conflict, std::move(message));
}
inline Status internalError(std::string message) {
  return Status(StatusCode::Internal, std::move(message));
}
inline Status unavailable(std::string message) {
  return Status(StatusCode::Unavailable, std::move(message));
}
inline Status failedPrecondition(std::string message) {
  return Status(StatusCode::FailedPrecondition, std::move(message));
}

// A value or the Status explaining why there is none. A Result built from an ok Status is a
// programming error (asserted): use the value constructor instead.
template <typename T>
class [[nodiscard]] Result {
public:
  Result(T value) : value_(std::move(value)) {}
  Result(Status status) : status_(std::move(status)) { assert(!status_.isOk()); }

  bool isOk() const { return value_.has_value(); }
  explicit operator bool() const { return isOk(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(isOk());
    return *value_;
  }
  const T& value() const& {
    assert(isOk());
    return *value_;
  }
  T&& value() && {
    assert(isOk());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

private:
  std::optional<T> value_;
  Status status_;
};

} // namespace hotline

// Returns early from the enclosing function when `expr` yields a non-ok Status.
#define HOTLINE_RETURN_IF_ERROR(expr)                                                              \
  do {                                                                                             \
    ::hotline::Status hotline_status_ = (expr);                                                    \
    if (!hotline_status_.isOk()) {                                                                 \
      return hotline_status_;                                                                      \
    }                                                                                              \
  } while (false)
