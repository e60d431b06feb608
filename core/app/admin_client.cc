#include "core/app/admin_client.h"

#include "core/app/plugin_locations.h"
#include "core/config/gateway_config.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hotline::app {
namespace {

std::string option(const std::vector<std::string>& args, const std::string& name,
                   const std::string& fallback) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) {
      return args[i + 1];
    }
  }
  return fallback;
}

std::string readToken(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  std::getline(in, token);
  return token;
}

} // namespace

Result<AdminEndpoint> resolveAdminEndpoint(const std::vector<std::string>& args) {
  AdminEndpoint endpoint;
  std::string token_file = "var/admin.token";
  std::string config_path = option(args, "--config", "config/gateway.json");
  plugin_host::PluginRegistry registry;
  loadPlugins(peekPluginLocations(config_path), registry);
  Result<config::GatewayConfig> config = config::loadGatewayConfig(
      config_path, [&registry](const std::string& type) { return registry.configTable(type); },
      registry.types());
  if (config) {
    endpoint.host = config->core->getRawString("admin.bind", endpoint.host);
    endpoint.port = static_cast<uint16_t>(config->core->getInt("admin.port", endpoint.port));
    endpoint.token = config->core->getRawString("admin.token", "");
    token_file = config->core->getRawString("admin.token_file", token_file);
  }
  std::string admin = option(args, "--admin", "");
  if (!admin.empty()) {
    size_t colon = admin.rfind(':');
    if (colon == std::string::npos) {
      return invalidArgument("--admin " + admin + ": expected HOST:PORT");
    }
    endpoint.host = admin.substr(0, colon);
    endpoint.port = static_cast<uint16_t>(std::atoi(admin.c_str() + colon + 1));
  }
  token_file = option(args, "--token-file", token_file);
  if (const char* env = std::getenv("HOTLINE_ADMIN_TOKEN"); env != nullptr && *env != '\0') {
    endpoint.token = env;
  } else if (endpoint.token.empty()) {
    endpoint.token = readToken(token_file);
  }
  if (endpoint.token.empty()) {
    return failedPrecondition("no admin token: set HOTLINE_ADMIN_TOKEN, or pass --token-file "
                              "(the gateway writes " +
                              token_file + " at start)");
  }
  return endpoint;
}

Result<AdminReply> callAdmin(const AdminEndpoint& endpoint, const std::string& method,
                             const std::string& path_and_query, const std::string& body) {
  try {
    Poco::Net::HTTPClientSession session(endpoint.host, endpoint.port);
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path_and_query, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + endpoint.token);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    AdminReply reply{static_cast<int>(response.getStatus()), ""};
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
  } catch (const Poco::Exception& e) {
    return unavailable("admin API at " + endpoint.host + ":" + std::to_string(endpoint.port) +
                       ": " + e.displayText() + " (is the gateway running?)");
  }
}

std::string prettyJson(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  if (doc.HasParseError()) {
    return body;
  }
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  doc.Accept(writer);
  return std::string(buffer.GetString()) + "\n";
}

} // namespace hotline::app
