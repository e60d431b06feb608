#include "core/delivery/failure_classifier.h"
#include "core/delivery/http_client.h"
#include "tests/unit/delivery/manual_clock.h"
#include "tests/unit/delivery/recording_server.h"

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <mutex>

namespace hotline::delivery {
namespace {

using namespace std::chrono_literals;
using testing::CannedResponse;
using testing::RecordedRequest;
using testing::RecordingServer;

// Collects results of asynchronous requests; get() waits with a deadline.
class Results {
public:
  HttpClient::Callback callback() {
    return [this](HttpResult result) {
      std::lock_guard<std::mutex> lock(mutex_);
      results_.push_back(std::move(result));
      cv_.notify_all();
    };
  }
  bool waitFor(size_t count, std::chrono::milliseconds timeout = 20s) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return results_.size() >= count; });
  }
  std::vector<HttpResult> all() {
    std::lock_guard<std::mutex> lock(mutex_);
    return results_;
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<HttpResult> results_;
};

HttpRequest post(const std::string& url, std::string body = "{}") {
  HttpRequest request;
  request.url = url;
  request.body = std::move(body);
  request.headers = {{"Content-Type", "application/json"}, {"X-Test", "yes"}};
  request.timeout = 10s;
  return request;
}

uint16_t closedPort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  const uint16_t port = socket.address().port();
  socket.close();
  return port;
}

TEST(HttpClient, PostsAndReadsTheAnswer) {
  RecordingServer server([](const RecordedRequest&) {
    CannedResponse response;
    response.status = 201;
    response.body = R"({"code":0})";
    response.headers = {{"X-Answer", "42"}};
    return response;
  });
  HttpClient client;
  Results results;
  ASSERT_TRUE(client.send(post(server.baseUrl() + "/a/b", R"({"x":1})"), results.callback()));
  ASSERT_TRUE(results.waitFor(1));
  HttpResult result = results.all().front();
  EXPECT_EQ(result.status, 201);
  EXPECT_EQ(result.transport, TransportError::None);
  EXPECT_EQ(result.body, R"({"code":0})");
  EXPECT_EQ(result.header("x-answer"), "42");
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].uri, "/a/b");
  EXPECT_EQ(requests[0].body, R"({"x":1})");
  EXPECT_EQ(requests[0].header("X-Test"), "yes");
  EXPECT_EQ(requests[0].header("Expect"), "");
}

TEST(HttpClient, OtherMethods) {
  RecordingServer server;
  HttpClient client;
  Results results;
  HttpRequest get = post(server.baseUrl() + "/g", "");
  get.method = "GET";
  HttpRequest put = post(server.baseUrl() + "/p", "payload");
  put.method = "PUT";
  ASSERT_TRUE(client.send(get, results.callback()));
  ASSERT_TRUE(results.waitFor(1));
  ASSERT_TRUE(client.send(put, results.callback()));
  ASSERT_TRUE(results.waitFor(2));
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[1].method, "PUT");
  EXPECT_EQ(requests[1].body, "payload");
}

TEST(HttpClient, SequentialRequestsReuseOneConnection) {
  RecordingServer server;
  HttpClient client;
  Results results;
  for (size_t i = 1; i <= 30; ++i) {
    ASSERT_TRUE(client.send(post(server.baseUrl() + "/seq"), results.callback()));
    ASSERT_TRUE(results.waitFor(i));
  }
  for (const HttpResult& result : results.all()) {
    EXPECT_EQ(result.status, 200);
  }
  EXPECT_EQ(server.distinctConnections(), 1u);
  EXPECT_EQ(client.stats().connections_opened, 1u);
  EXPECT_EQ(client.stats().completed, 30u);
}

TEST(HttpClient, ConcurrentRequestsRespectThePerHostLimitAndReuseConnections) {
  RecordingServer server([](const RecordedRequest&) {
    CannedResponse response;
    response.delay = 20ms; // keeps transfers overlapping
    return response;
  });
  HttpClientOptions options;
  options.max_per_host = 2;
  HttpClient client(options);
  Results results;
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(client.send(post(server.baseUrl() + "/burst"), results.callback()));
  }
  ASSERT_TRUE(results.waitFor(20));
  for (const HttpResult& result : results.all()) {
    EXPECT_EQ(result.status, 200) << result.error;
  }
  EXPECT_LE(server.maxConcurrent(), 2);
  EXPECT_LE(server.distinctConnections(), 2u); // 20 requests over at most 2 connections
}

TEST(HttpClient, TotalTimeoutGivesATimeoutError) {
  RecordingServer server([](const RecordedRequest&) {
    CannedResponse response;
    response.delay = 10s;
    return response;
  });
  HttpClient client;
  Results results;
  HttpRequest request = post(server.baseUrl() + "/slow");
  request.timeout = 200ms;
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(client.send(request, results.callback()));
  ASSERT_TRUE(results.waitFor(1));
  const HttpResult result = results.all().front();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.transport, TransportError::Timeout);
  EXPECT_NE(result.error.find("timed out"), std::string::npos) << result.error;
  EXPECT_GE(result.elapsed, 150ms);
}

TEST(HttpClient, ConnectionRefusedIsARetryableConnectError) {
  HttpClient client;
  Results results;
  const std::string url = "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/v1/tickets";
  ASSERT_TRUE(client.send(post(url), results.callback()));
  ASSERT_TRUE(results.waitFor(1));
  const HttpResult result = results.all().front();
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.transport, TransportError::Connect);
  std::string lower = result.error;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  EXPECT_NE(lower.find("connect"), std::string::npos) << result.error;
  ItemVerdict verdict =
      classifyResponse({"core", "POST", url}, result, std::chrono::system_clock::now());
  EXPECT_EQ(verdict.kind, ItemVerdict::Kind::Retry);
  EXPECT_NE(verdict.reason.find("core POST /api/v1/tickets -> connect error"), std::string::npos)
      << verdict.reason;
}

TEST(HttpClient, StopLetsInFlightRequestsFinishBeforeTheDeadline) {
  RecordingServer server([](const RecordedRequest&) {
    CannedResponse response;
    response.delay = 100ms;
    return response;
  });
  HttpClient client;
  Results results;
  ASSERT_TRUE(client.send(post(server.baseUrl() + "/x"), results.callback()));
  ASSERT_TRUE(testing::eventually([&] { return server.requestCount() == 1; }));
  client.stop(std::chrono::steady_clock::now() + 10s);
  auto all = results.all(); // stop() returned: every callback has run
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, 200);
}

TEST(HttpClient, StopCancelsWhatIsLeftAtTheDeadline) {
  RecordingServer server([](const RecordedRequest&) {
    CannedResponse response;
    response.delay = 10s;
    return response;
  });
  HttpClientOptions options;
  options.max_per_host = 1;
  HttpClient client(options);
  Results results;
  ASSERT_TRUE(client.send(post(server.baseUrl() + "/in-flight"), results.callback()));
  ASSERT_TRUE(client.send(post(server.baseUrl() + "/queued"), results.callback()));
  ASSERT_TRUE(testing::eventually([&] { return server.requestCount() == 1; }));
  const auto started = std::chrono::steady_clock::now();
  client.stop(started + 100ms);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  auto all = results.all();
  ASSERT_EQ(all.size(), 2u);
  for (const HttpResult& result : all) {
    EXPECT_EQ(result.transport, TransportError::Cancelled);
    EXPECT_NE(result.error.find("cancelled"), std::string::npos);
  }
  Status late = client.send(post(server.baseUrl() + "/late"), results.callback());
  EXPECT_EQ(late.code(), StatusCode::FailedPrecondition);
}

TEST(HttpClient, RefusesBadRequestsUpFront) {
  HttpClient client;
  Results results;
  EXPECT_EQ(client.send(post("ftp://127.0.0.1/x"), results.callback()).code(),
            StatusCode::InvalidArgument);
  EXPECT_EQ(client.send(post("not a url"), results.callback()).code(), StatusCode::InvalidArgument);
  HttpRequest injected = post("http://127.0.0.1:1/x");
  injected.headers.emplace_back("X-Evil", "a\r\nX-Other: b");
  EXPECT_EQ(client.send(injected, results.callback()).code(), StatusCode::InvalidArgument);
}

TEST(HttpClient, OversizedAnswerIsAnError) {
  RecordingServer server([](const RecordedRequest&) {
    CannedResponse response;
    response.body = std::string(1000, 'x');
    return response;
  });
  HttpClientOptions options;
  options.max_response_bytes = 100;
  HttpClient client(options);
  Results results;
  ASSERT_TRUE(client.send(post(server.baseUrl() + "/big"), results.callback()));
  ASSERT_TRUE(results.waitFor(1));
  const HttpResult result = results.all().front();
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.transport, TransportError::Other);
  EXPECT_NE(result.error.find("exceeds 100 bytes"), std::string::npos) << result.error;
}

} // namespace
} // namespace hotline::delivery
