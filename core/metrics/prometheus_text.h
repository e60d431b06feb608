#pragma once
// Builds the Prometheus text exposition format (version 0.0.4): one HELP and TYPE line per
// metric family, then its samples. Label values are escaped (\\, \", \n).

#include "core/metrics/histogram.h"

#include <string>
#include <utility>
#include <vector>

namespace hotline::metrics {

using Labels = std::vector<std::pair<std::string, std::string>>;

class PrometheusText {
public:
  // Starts a family; samples added until the next family() belong to it.
  void family(const std::string& name, const std::string& type, const std::string& help);
  void sample(const Labels& labels, double value);
  void sample(const std::string& suffix, const Labels& labels, double value);
  void histogram(const Labels& labels, const HistogramSnapshot& snapshot);

  const std::string& text() const { return text_; }

private:
  std::string name_;
  std::string text_;
};

} // namespace hotline::metrics
