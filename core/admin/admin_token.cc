#include "core/admin/admin_token.h"

#include "core/model/ticket_id.h"
#include "hotline/support/signature.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace hotline::admin {
namespace {

std::string hex(const std::array<uint8_t, 32>& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (uint8_t byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
  return out;
}

std::string readTrimmed(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string token = text.str();
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) {
    token.pop_back();
  }
  return token;
}

Status writePrivate(const std::string& path, const std::string& token) {
  std::error_code ec;
  std::filesystem::path file(path);
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  // Created with 0600 from the start: the token is never readable by others, not even
  // between open() and a later chmod().
  mode_t previous = ::umask(077);
  std::FILE* out = std::fopen(path.c_str(), "w");
  ::umask(previous);
  if (out == nullptr) {
    return failedPrecondition("admin token file " + path + ": cannot be written");
  }
  std::fputs((token + "\n").c_str(), out);
  std::fclose(out);
  ::chmod(path.c_str(), 0600);
  return Status::ok();
}

} // namespace

Result<std::string> ensureAdminToken(const std::string& configured, const std::string& token_file) {
  if (!configured.empty()) {
    return configured;
  }
  std::error_code ec;
  if (std::filesystem::exists(token_file, ec)) {
    std::string existing = readTrimmed(token_file);
    if (!existing.empty()) {
      return existing;
    }
  }
  std::array<uint8_t, 32> bytes{};
  HOTLINE_RETURN_IF_ERROR(model::systemRandomBytes(bytes));
  std::string token = hex(bytes);
  HOTLINE_RETURN_IF_ERROR(writePrivate(token_file, token));
  return token;
}

bool tokenMatches(std::string_view expected, std::string_view presented) {
  return !expected.empty() && support::constantTimeEquals(expected, presented);
}

std::string_view bearerToken(std::string_view header) {
  constexpr std::string_view kPrefix = "Bearer ";
  if (header.size() <= kPrefix.size() || header.substr(0, kPrefix.size()) != kPrefix) {
    return {};
  }
  return header.substr(kPrefix.size());
}

} // namespace hotline::admin
