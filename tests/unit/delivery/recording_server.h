#pragma once
// A recording HTTP peer on 127.0.0.1:<ephemeral> (POCO's HTTPServer): remembers every
// request and which connection it came on, answers what the test's handler says, optionally
// after a delay (cut short when the server stops, so teardown never waits).

#include "core/delivery/http_client.h"

#include <Poco/Net/HTTPServer.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace hotline::delivery::testing {

struct RecordedRequest {
  std::string method;
  std::string uri;
  HttpHeaders headers;
  std::string body;
  std::string client; // "127.0.0.1:54321": one value per TCP connection

  std::string header(const std::string& name) const;
};

struct CannedResponse {
  int status = 200;
  std::string body = R"({"code":0,"message":"ok","data":{}})";
  std::string content_type = "application/json";
  HttpHeaders headers;
  std::chrono::milliseconds delay{0};
};

class RecordingServer {
public:
  using Handler = std::function<CannedResponse(const RecordedRequest&)>;

  explicit RecordingServer(Handler handler = {});
  ~RecordingServer();

  std::string baseUrl() const;
  void setHandler(Handler handler);

  std::vector<RecordedRequest> requests() const;
  size_t requestCount() const;
  size_t distinctConnections() const;
  int maxConcurrent() const { return max_concurrent_.load(); }

  // Called by the request handler (POCO threads).
  void handle(RecordedRequest request, CannedResponse& response);
  void enter();
  void leave();

private:
  mutable std::mutex mutex_;
  std::condition_variable released_cv_;
  bool releasing_ = false;
  Handler handler_;
  std::vector<RecordedRequest> requests_;
  std::set<std::string> clients_;
  std::atomic<int> concurrent_{0};
  std::atomic<int> max_concurrent_{0};
  uint16_t port_ = 0;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

} // namespace hotline::delivery::testing
