#include "core/mapping/run_errors.h"

namespace hotline::mapping {

void RunErrors::add(std::string_view to, std::string_view source, std::string_view quoted_value,
                    std::string_view reason) {
  ++total_;
  if (lines_.size() >= kMaxListed) {
    return;
  }
  std::string line = file_;
  line += ": ";
  line += to;
  line += " from ";
  line += source;
  line += ": ";
  if (!quoted_value.empty()) {
    line += quoted_value;
    line += ' ';
  }
  line += reason;
  lines_.push_back(std::move(line));
}

Status RunErrors::status() const {
  if (total_ == 0) {
    return Status::ok();
  }
  std::string message;
  for (const std::string& line : lines_) {
    message += message.empty() ? "" : "\n";
    message += line;
  }
  if (total_ > lines_.size()) {
    message +=
        "\n" + file_ + ": ... and " + std::to_string(total_ - lines_.size()) + " more problems";
  }
  return invalidArgument(std::move(message));
}

} // namespace hotline::mapping
