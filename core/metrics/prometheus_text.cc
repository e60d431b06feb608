#include "core/metrics/prometheus_text.h"

#include <cmath>
#include <cstdio>

namespace hotline::metrics {
namespace {

std::string escapeLabel(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string renderLabels(const Labels& labels) {
  if (labels.empty()) {
    return "";
  }
  std::string out = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    out += (i == 0 ? "" : ",") + labels[i].first + "=\"" + escapeLabel(labels[i].second) + "\"";
  }
  return out + "}";
}

std::string renderValue(double value) {
  if (std::isinf(value)) {
    return value > 0 ? "+Inf" : "-Inf";
  }
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%.9g", value);
  }
  return buffer;
}

} // namespace

void PrometheusText::family(const std::string& name, const std::string& type,
                            const std::string& help) {
  name_ = name;
  text_ += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void PrometheusText::sample(const Labels& labels, double value) {
  sample("", labels, value);
}

void PrometheusText::sample(const std::string& suffix, const Labels& labels, double value) {
  text_ += name_ + suffix + renderLabels(labels) + " " + renderValue(value) + "\n";
}

void PrometheusText::histogram(const Labels& labels, const HistogramSnapshot& snapshot) {
  for (size_t i = 0; i < snapshot.bounds.size(); ++i) {
    Labels with_le = labels;
    with_le.emplace_back("le", renderValue(snapshot.bounds[i]));
    sample("_bucket", with_le, static_cast<double>(snapshot.cumulative[i]));
  }
  Labels inf = labels;
  inf.emplace_back("le", "+Inf");
  sample("_bucket", inf, static_cast<double>(snapshot.count));
  sample("_sum", labels, snapshot.sum);
  sample("_count", labels, static_cast<double>(snapshot.count));
}

} // namespace hotline::metrics
