#include "simulators/scenario/src/report.h"

#include <cstdio>
#include <cstring>
#include <sstream>

namespace hotline::sim::scenario {

void Report::header(const std::string& name, const std::string& description) {
  out_ << "scenario " << name << (description.empty() ? "" : ": " + description) << "\n";
}

void Report::line(bool passed, const std::string& label, std::chrono::milliseconds elapsed) {
  char buffer[160];
  std::snprintf(buffer, sizeof(buffer), "  %s  %-56s %7lld ms", passed ? "PASS" : "FAIL",
                label.c_str(), static_cast<long long>(elapsed.count()));
  out_ << buffer << "\n" << std::flush;
}

void Report::detail(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    out_ << "        " << line << "\n";
  }
  out_ << std::flush;
}

void Report::summary(const std::string& name, size_t passed, size_t total,
                     const std::string& failed_step, int interrupt_signal,
                     std::chrono::milliseconds elapsed) {
  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.1f s", static_cast<double>(elapsed.count()) / 1000.0);
  out_ << "scenario " << name << ": ";
  if (interrupt_signal != 0) {
    const char* abbrev = sigabbrev_np(interrupt_signal);
    out_ << "INTERRUPTED by SIG" << (abbrev != nullptr ? abbrev : "?") << ", ";
  } else if (failed_step.empty()) {
    out_ << "PASSED, ";
  } else {
    out_ << "FAILED at " << failed_step << ", ";
  }
  out_ << passed << "/" << total << " steps passed in " << seconds << "\n" << std::flush;
}

} // namespace hotline::sim::scenario
