#include "core/mapping/load_errors.h"

namespace hotline::mapping {

void LoadErrors::add(std::string_view where, std::string_view reason) {
  std::string line = file_;
  line += ": ";
  if (!where.empty()) {
    line += where;
    line += ": ";
  }
  line += reason;
  lines_.push_back(std::move(line));
}

Status LoadErrors::status() const {
  if (lines_.empty()) {
    return Status::ok();
  }
  std::string message;
  for (const std::string& line : lines_) {
    message += message.empty() ? "" : "\n";
    message += line;
  }
  return invalidArgument(std::move(message));
}

std::string fieldLocation(std::string_view where, size_t index, std::string_view to) {
  std::string part = "fields[" + std::to_string(index) + "]";
  if (!to.empty()) {
    part += " (to ";
    part += to;
    part += ")";
  }
  return joinLocation(where, part);
}

std::string joinLocation(std::string_view where, std::string_view part) {
  if (where.empty()) {
    return std::string(part);
  }
  std::string out(where);
  out += ": ";
  out += part;
  return out;
}

} // namespace hotline::mapping
