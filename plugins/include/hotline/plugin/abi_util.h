#pragma once
// Small helpers used on both sides of the C ABI (host and SDK): converting the one error
// model to and from hl_code, copying text into caller-owned buffers, and borrowing strings.
// Header-only; nothing here allocates across the boundary.

#include "hotline/plugin/abi.h"
#include "hotline/status.h"

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace hotline::plugin::abi {

inline uint32_t toCode(StatusCode code) {
  return static_cast<uint32_t>(code);
}

inline StatusCode fromCode(uint32_t code) {
  if (code > static_cast<uint32_t>(StatusCode::Internal)) {
    return StatusCode::Internal;
  }
  return static_cast<StatusCode>(code);
}

inline hl_str borrow(std::string_view text) {
  return hl_str{text.data(), text.size()};
}

inline std::string_view view(hl_str text) {
  return text.data == nullptr ? std::string_view() : std::string_view(text.data, text.size);
}

inline std::string_view view(const char* text) {
  return text == nullptr ? std::string_view() : std::string_view(text);
}

// Copies `text` into the caller's error buffer, truncating at a UTF-8 boundary if needed.
inline void writeError(hl_error* error, std::string_view text) noexcept {
  if (error == nullptr || error->message == nullptr || error->capacity == 0) {
    return;
  }
  size_t size = text.size() < error->capacity - 1 ? text.size() : error->capacity - 1;
  // Never cut a multi-byte sequence in half: back up over continuation bytes.
  while (size > 0 && size < text.size() &&
         (static_cast<unsigned char>(text[size]) & 0xC0u) == 0x80u) {
    --size;
  }
  std::memcpy(error->message, text.data(), size);
  error->message[size] = '\0';
}

// Writes `status` into `error` and returns its code.
inline uint32_t report(const Status& status, hl_error* error) noexcept {
  if (!status.isOk()) {
    writeError(error, status.message());
  }
  return toCode(status.code());
}

// A stack buffer wrapped as an hl_error, for calls that can fail.
template <size_t N = 1024>
struct ErrorBuffer {
  char text[N] = {};
  hl_error error{sizeof(hl_error), text, N};
  hl_error* get() { return &error; }
  std::string message() const { return std::string(text); }
};

// True when a struct announced as `struct_size` bytes holds the member ending at `end`.
constexpr bool holds(uint32_t struct_size, size_t end) {
  return struct_size >= end;
}

} // namespace hotline::plugin::abi

// Offset just past member M of struct T: the minimum struct_size that includes M.
#define HL_END_OF(T, M) (offsetof(T, M) + sizeof(static_cast<T*>(nullptr)->M))
