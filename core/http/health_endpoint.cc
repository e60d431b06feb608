#include "core/http/health_endpoint.h"

#include "hotline/support/masking.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <exception>

namespace hotline::http {
namespace {

void writeString(rapidjson::Writer<rapidjson::StringBuffer>& writer, std::string_view text) {
  const std::string safe = support::maskText(text); // valid UTF-8, no stray phone numbers
  writer.String(safe.data(), static_cast<rapidjson::SizeType>(safe.size()));
}

HealthReport probeSafely(const HealthProbe& probe) {
  if (!probe) {
    return {};
  }
  try {
    return probe();
  } catch (const std::exception& e) {
    return {false, {{"health_probe", "error", e.what()}}};
  } catch (...) {
    return {false, {{"health_probe", "error", "the probe threw a non-standard exception"}}};
  }
}

} // namespace

std::string renderHealthReport(const HealthReport& report) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("status");
  writer.String(report.healthy ? "ok" : "unhealthy");
  writer.Key("components");
  writer.StartArray();
  for (const ComponentHealth& component : report.components) {
    writer.StartObject();
    writer.Key("component");
    writeString(writer, component.component);
    writer.Key("state");
    writeString(writer, component.state);
    if (!component.detail.empty()) {
      writer.Key("detail");
      writeString(writer, component.detail);
    }
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Status registerHealthEndpoint(Router& router, HealthProbe probe) {
  auto handler = [probe = std::move(probe)](const HttpRequest&, HttpResponse& response) {
    const HealthReport report = probeSafely(probe);
    response.status = report.healthy ? 200 : 503;
    response.content_type = "application/json";
    response.headers.emplace_back("Cache-Control", "no-store");
    response.body = renderHealthReport(report);
  };
  return router.addRoute("GET", "/healthz", std::move(handler), "core");
}

} // namespace hotline::http
