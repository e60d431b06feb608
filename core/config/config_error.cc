#include "core/config/config_error.h"

#include <algorithm>
#include <cassert>
#include <cctype>

namespace hotline::config {
namespace {

bool isDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Length of the run of digits starting at `pos`.
size_t digitRun(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && isDigit(text[end])) {
    ++end;
  }
  return end - pos;
}

// Compares two digit runs as numbers without converting them (they may be long).
int compareNumbers(std::string_view a, std::string_view b) {
  a.remove_prefix(std::min(a.find_first_not_of('0'), a.size()));
  b.remove_prefix(std::min(b.find_first_not_of('0'), b.size()));
  if (a.size() != b.size()) {
    return a.size() < b.size() ? -1 : 1;
  }
  return a.compare(b);
}

} // namespace

std::string joinPath(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) {
    return std::string(key);
  }
  if (key.empty()) {
    return std::string(prefix);
  }
  std::string path(prefix);
  path += '.';
  path += key;
  return path;
}

bool pathLess(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      const size_t run_a = digitRun(a, i);
      const size_t run_b = digitRun(b, j);
      const int order = compareNumbers(a.substr(i, run_a), b.substr(j, run_b));
      if (order != 0) {
        return order < 0;
      }
      i += run_a;
      j += run_b;
      continue;
    }
    if (a[i] != b[j]) {
      // Plain byte order otherwise; '.' and '[' sort before lower-case letters and '_', so
      // "http.port" < "http_x", and a shorter path sorts first: "http" < "http.port".
      return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    }
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

void sortByPath(ConfigErrors& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const ConfigError& a, const ConfigError& b) {
    return pathLess(a.path, b.path);
  });
}

Status toStatus(std::string_view source, ConfigErrors errors) {
  assert(!errors.empty());
  sortByPath(errors);
  std::string message(source);
  message += ": " + std::to_string(errors.size()) + " configuration error";
  message += errors.size() == 1 ? "" : "s";
  for (const ConfigError& error : errors) {
    message += "\n  ";
    message += error.path.empty() ? error.message : error.path + ": " + error.message;
  }
  return invalidArgument(std::move(message));
}

} // namespace hotline::config
