#include "core/config/secret_resolver.h"

#include <cctype>
#include <cstdlib>

#include "core/config/text_file.h"

namespace hotline::config {
namespace {

constexpr std::string_view kEnvPrefix = "env:";
constexpr std::string_view kFilePrefix = "file:";
constexpr size_t kMaxSecretFileBytes = 64 * 1024;

bool isEnvNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isEnvNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool isEnvName(std::string_view name) {
  if (name.empty() || !isEnvNameStart(name.front())) {
    return false;
  }
  for (char c : name) {
    if (!isEnvNameChar(c)) {
      return false;
    }
  }
  return true;
}

void trimOneNewline(std::string& text) {
  if (!text.empty() && text.back() == '\n') {
    text.pop_back();
    if (!text.empty() && text.back() == '\r') {
      text.pop_back();
    }
  }
}

Result<std::string> resolveEnv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) {
    return invalidArgument("environment variable " + name + " is not set");
  }
  if (*value == '\0') {
    return invalidArgument("environment variable " + name + " is empty");
  }
  return std::string(value);
}

Result<std::string> resolveFile(const std::string& path) {
  Result<std::string> contents = readTextFile(path, kMaxSecretFileBytes);
  if (!contents) {
    // readTextFile's message starts with the path; say what the file was for.
    return invalidArgument("secret file " + contents.status().message());
  }
  trimOneNewline(*contents);
  if (contents->empty()) {
    return invalidArgument("secret file " + path + " is empty");
  }
  return contents;
}

} // namespace

std::string SecretReference::text() const {
  return std::string(source == Source::Env ? kEnvPrefix : kFilePrefix) + name;
}

Result<SecretReference> parseSecretReference(std::string_view text) {
  if (text.starts_with(kEnvPrefix)) {
    const std::string_view name = text.substr(kEnvPrefix.size());
    if (!isEnvName(name)) {
      return invalidArgument("env: must be followed by a variable name (letters, digits, _)");
    }
    return SecretReference{SecretReference::Source::Env, std::string(name)};
  }
  if (text.starts_with(kFilePrefix)) {
    const std::string_view path = text.substr(kFilePrefix.size());
    if (path.empty()) {
      return invalidArgument("file: must be followed by a path");
    }
    return SecretReference{SecretReference::Source::File, std::string(path)};
  }
  return invalidArgument("secrets must be given as env:NAME or file:PATH, not inline");
}

Result<std::string> resolveSecret(const SecretReference& reference) {
  if (reference.source == SecretReference::Source::Env) {
    return resolveEnv(reference.name);
  }
  return resolveFile(reference.name);
}

std::string maskedSecret(std::string_view reference_text) {
  return "<secret from " + std::string(reference_text) + ">";
}

} // namespace hotline::config
