#pragma once
// What a scenario run prints: one line per process start and per step (PASS/FAIL, name,
// milliseconds), the details of a failure indented below it, and a summary.

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace hotline::sim::scenario {

class Report {
public:
  explicit Report(std::ostream& out) : out_(out) {}

  void header(const std::string& name, const std::string& description);
  void line(bool passed, const std::string& label, std::chrono::milliseconds elapsed);
  // Indented below the last line; multi-line text is indented line by line.
  void detail(const std::string& text);
  void summary(const std::string& name, size_t passed, size_t total, const std::string& failed_step,
               int interrupt_signal, std::chrono::milliseconds elapsed);

private:
  std::ostream& out_;
};

} // namespace hotline::sim::scenario
