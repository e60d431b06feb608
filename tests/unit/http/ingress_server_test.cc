#include "tests/unit/http/ingress_fixture.h"
#include "tests/unit/http/test_client.h"

#include <rapidjson/document.h>

#include <atomic>
#include <stdexcept>

namespace hotline::http::testing {
namespace {

class IngressServerTest : public IngressFixture {};

TEST_F(IngressServerTest, RoutesWithParamsQueryHeadersAndBody) {
  ASSERT_TRUE(router_
                  .addRoute(
                      "POST", "/tickets/{no}/actions",
                      [](const HttpRequest& request, HttpResponse& response) {
                        response.content_type = "text/plain; charset=utf-8";
                        response.headers.emplace_back("X-Echo-Header",
                                                      std::string(request.header("x-peer")));
                        response.body = request.method + "|" + request.path + "|" +
                                        request.path_params.at("no") + "|" + request.query + "|" +
                                        request.target + "|" + request.body;
                      },
                      "test")
                  .isOk());
  startServer();
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  Poco::Net::HTTPRequest request("POST", "/tickets/YC%20001/actions?since=1&q=%E8%B7%AF",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("X-Peer", "city-12345");
  request.setContentLength(8);
  session.sendRequest(request) << R"({"a":1})"
                               << "\n";
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

  EXPECT_EQ(response.getStatus(), 200);
  EXPECT_EQ(response.getContentType(), "text/plain; charset=utf-8");
  EXPECT_EQ(response.get("X-Echo-Header", ""), "city-12345");
  // The path is decoded; the target is exactly as sent (signatures cover it).
  EXPECT_EQ(body, "POST|/tickets/YC 001/actions|YC 001|since=1&q=%E8%B7%AF|"
                  "/tickets/YC%20001/actions?since=1&q=%E8%B7%AF|{\"a\":1}\n");
}

TEST_F(IngressServerTest, NotFoundAndMethodNotAllowedAreJsonErrors) {
  ASSERT_TRUE(router_
                  .addRoute(
                      "GET", "/tickets/{no}",
                      [](const HttpRequest&, HttpResponse& response) { response.body = "{}"; },
                      "test")
                  .isOk());
  startServer();

  const Reply missing = request(port_, "GET", "/no/such/path");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, "application/json");
  EXPECT_EQ(parseError(missing.body).code, "not_found");
  EXPECT_NE(parseError(missing.body).message.find("GET /no/such/path"), std::string::npos);

  const Reply wrong = request(port_, "DELETE", "/tickets/1");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.content_type, "application/json");
  EXPECT_EQ(wrong.response.get("Allow", ""), "GET");
  EXPECT_EQ(parseError(wrong.body).code, "method_not_allowed");
  EXPECT_NE(parseError(wrong.body).message.find("allowed: GET"), std::string::npos);
}

TEST_F(IngressServerTest, HandlerExceptionIs500AndAnErrorLogWithoutPersonalData) {
  ASSERT_TRUE(router_
                  .addRoute(
                      "GET", "/boom",
                      [](const HttpRequest&, HttpResponse&) {
                        throw std::runtime_error("lookup failed for caller 13812345678");
                      },
                      "test")
                  .isOk());
  ASSERT_TRUE(registerHealthEndpoint(router_, nullptr).isOk());
  startServer();

  ::testing::internal::CaptureStderr();
  const Reply reply = request(port_, "GET", "/boom");
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_EQ(parseError(reply.body).code, "internal");
  EXPECT_EQ(reply.body.find("13812345678"), std::string::npos); // no internals to the peer
  EXPECT_NE(log.find("handler threw"), std::string::npos) << log;
  EXPECT_NE(log.find("138****5678"), std::string::npos) << log;
  EXPECT_EQ(log.find("13812345678"), std::string::npos) << log;
  // The server is still serving.
  EXPECT_EQ(request(port_, "GET", "/healthz").status, 200);
}

TEST_F(IngressServerTest, HealthzAnswers200Or503) {
  std::atomic<bool> healthy{true};
  ASSERT_TRUE(registerHealthEndpoint(router_, [&healthy] {
                return HealthReport{healthy.load(), {{"store", healthy ? "ok" : "down", ""}}};
              }).isOk());
  startServer();

  const Reply ok = request(port_, "GET", "/healthz");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.content_type, "application/json");
  rapidjson::Document document;
  document.Parse(ok.body.c_str());
  ASSERT_TRUE(document.IsObject()) << ok.body;
  EXPECT_STREQ(document["status"].GetString(), "ok");

  healthy = false;
  const Reply down = request(port_, "GET", "/healthz");
  EXPECT_EQ(down.status, 503);
  EXPECT_NE(down.body.find("\"unhealthy\""), std::string::npos) << down.body;
}

TEST_F(IngressServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  ASSERT_TRUE(router_
                  .addRoute(
                      "GET", "/whoami",
                      [](const HttpRequest& request, HttpResponse& response) {
                        response.body = request.remote;
                      },
                      "test")
                  .isOk());
  startServer();
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setKeepAlive(true);
  const Reply first = exchange(session, "GET", "/whoami");
  const Reply second = exchange(session, "GET", "/whoami");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(second.status, 200);
  EXPECT_NE(first.connection, "close");
  EXPECT_FALSE(first.body.empty());
  EXPECT_EQ(first.body, second.body); // same client port: the same TCP connection
}

TEST_F(IngressServerTest, WithoutKeepAliveEachResponseClosesTheConnection) {
  ASSERT_TRUE(router_
                  .addRoute(
                      "GET", "/whoami",
                      [](const HttpRequest& request, HttpResponse& response) {
                        response.body = request.remote;
                      },
                      "test")
                  .isOk());
  IngressOptions options = smallOptions();
  options.keep_alive = false;
  startServer(options);
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  const Reply first = exchange(session, "GET", "/whoami");
  const Reply second = exchange(session, "GET", "/whoami");
  EXPECT_EQ(first.connection, "close");
  EXPECT_NE(first.body, second.body); // the client had to reconnect
}

TEST_F(IngressServerTest, StartFailsWhenThePortIsInUse) {
  startServer();
  IngressOptions options = smallOptions();
  options.port = port_;
  IngressServer second(router_, options);
  const Status status = second.start();
  EXPECT_EQ(status.code(), StatusCode::Unavailable);
  EXPECT_NE(status.message().find("127.0.0.1:" + std::to_string(port_)), std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("in use"), std::string::npos) << status.message();
  EXPECT_EQ(second.port(), 0);
  // The first server is unaffected.
  EXPECT_EQ(request(port_, "GET", "/x").status, 404);
}

TEST_F(IngressServerTest, BadOptionsAndSecondStartAreRefused) {
  IngressOptions options = smallOptions();
  options.threads = 0;
  IngressServer bad(router_, options);
  const Status status = bad.start();
  EXPECT_EQ(status.code(), StatusCode::InvalidArgument);
  EXPECT_NE(status.message().find("http.threads"), std::string::npos) << status.message();

  startServer();
  EXPECT_EQ(server_->start().code(), StatusCode::FailedPrecondition);
}

} // namespace
} // namespace hotline::http::testing
