#include "simulators/sink/src/sink_simulator.h"

#include <httplib.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>
#include <mutex>
#include <vector>

#include "simulators/common/run_until_signalled.h"
#include "simulators/common/serve_options.h"

namespace hotline::sim::sink {
namespace {

struct Received {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Everything that arrived, and the status the next requests get.
class Recorder {
public:
  void add(Received received) {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(std::move(received));
  }
  int answerStatus() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
  }
  void setAnswerStatus(int status) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_ = status;
  }
  void reset() {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.clear();
    status_ = 200;
  }
  std::string json() const {
    std::lock_guard<std::mutex> lock(mutex_);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
    out.StartObject();
    out.Key("requests");
    out.StartArray();
    for (const Received& item : received_) {
      out.StartObject();
      out.Key("method");
      out.String(item.method.c_str());
      out.Key("target");
      out.String(item.target.c_str());
      out.Key("headers");
      out.StartObject();
      for (const auto& [name, value] : item.headers) {
        out.Key(name.c_str());
        out.String(value.c_str());
      }
      out.EndObject();
      out.Key("body");
      out.String(item.body.data(), static_cast<rapidjson::SizeType>(item.body.size()));
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
    return buffer.GetString();
  }

private:
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  int status_ = 200;
};

void record(Recorder& recorder, const httplib::Request& request, httplib::Response& response) {
  Received received{request.method, request.target, {}, request.body};
  for (const auto& [name, value] : request.headers) {
    received.headers.emplace_back(name, value);
  }
  recorder.add(std::move(received));
  const int status = recorder.answerStatus();
  response.status = status;
  response.set_content(status < 300 ? R"({"code":0,"message":"ok"})"
                                    : R"({"code":)" + std::to_string(status) +
                                          R"(,"message":"the sink was told to fail"})",
                       "application/json");
}

// Reads (and drops) a body only when one is announced, so the connection stays in step.
void drainBody(const httplib::Request& request, const httplib::ContentReader& body) {
  if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) {
    body([](const char*, size_t) { return true; });
  }
}

void registerRoutes(httplib::Server& server, Recorder& recorder) {
  server.Get("/sim/requests", [&recorder](const httplib::Request&, httplib::Response& response) {
    response.set_content(recorder.json(), "application/json");
  });
  server.Post(
      "/sim/answer", [&recorder](const httplib::Request& request, httplib::Response& response) {
        rapidjson::Document doc;
        doc.Parse(request.body.c_str());
        const bool valid = doc.IsObject() && doc.HasMember("status") && doc["status"].IsInt() &&
                           doc["status"].GetInt() >= 200 && doc["status"].GetInt() <= 599;
        if (!valid) {
          response.status = 400;
          response.set_content(R"({"code":400,"message":"body: expected {\"status\": 200..599}"})",
                               "application/json");
          return;
        }
        recorder.setAnswerStatus(doc["status"].GetInt());
        response.set_content(R"({"code":0,"message":"ok"})", "application/json");
      });
  server.Post("/sim/reset",
              [&recorder](const httplib::Request& request, httplib::Response& response,
                          const httplib::ContentReader& body) {
                drainBody(request, body);
                recorder.reset();
                response.set_content(R"({"code":0,"message":"ok"})", "application/json");
              });
  const auto any = [&recorder](const httplib::Request& request, httplib::Response& response) {
    record(recorder, request, response);
  };
  server.Post(R"(/(?!sim/).*)", any);
  server.Put(R"(/(?!sim/).*)", any);
  server.Get(R"(/(?!sim/).*)", any);
  server.Delete(R"(/(?!sim/).*)", any);
}

} // namespace

int runSink(std::span<const std::string> args, StopSignals& signals) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "usage: hotline-sim sink --port N [--bind ADDR] [--threads K]\n"
              << serveOptionsUsage();
    return 0;
  }
  Result<ServeOptions> options = parseServeOptions(args);
  if (!options) {
    std::cerr << "hotline-sim sink: " << options.status().message() << "\n";
    return 2;
  }
  Recorder recorder;
  httplib::Server server;
  registerRoutes(server, recorder);
  return runUntilSignalled(server, *options, signals, std::cout);
}

} // namespace hotline::sim::sink
