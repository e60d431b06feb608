#include "tests/unit/http/ingress_fixture.h"
#include "tests/unit/http/test_client.h"

#include <atomic>

namespace hotline::http::testing {
namespace {

// /echo answers with the size of the body it got and counts its calls.
class IngressLimitsTest : public IngressFixture {
protected:
  void SetUp() override {
    ASSERT_TRUE(router_
                    .addRoute(
                        "POST", "/echo",
                        [this](const HttpRequest& request, HttpResponse& response) {
                          ++calls_;
                          response.content_type = "text/plain";
                          response.body = std::to_string(request.body.size());
                        },
                        "test")
                    .isOk());
    startServer(); // max_body_bytes = 1024
  }

  std::atomic<int> calls_{0};
};

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

TEST_F(IngressLimitsTest, BodyAtTheLimitIsAccepted) {
  const Reply reply = request(port_, "POST", "/echo", std::string(1024, 'x'));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "1024");
}

TEST_F(IngressLimitsTest, DeclaredLengthOverTheLimitIs413WithoutReadingOrCallingTheHandler) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest big("POST", "/echo", Poco::Net::HTTPMessage::HTTP_1_1);
  big.setContentLength(10 * 1024 * 1024);
  session.sendRequest(big); // headers only: the server must answer without the body
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

  EXPECT_EQ(response.getStatus(), 413);
  EXPECT_EQ(response.getContentType(), "application/json");
  EXPECT_FALSE(response.getKeepAlive());
  const ErrorBody error = parseError(body);
  EXPECT_EQ(error.code, "payload_too_large");
  EXPECT_NE(error.message.find("10485760"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("1024"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("http.max_body_bytes"), std::string::npos) << error.message;
  EXPECT_EQ(calls_.load(), 0);
}

TEST_F(IngressLimitsTest, TooLargeBodyGetsNo100Continue) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest big("POST", "/echo", Poco::Net::HTTPMessage::HTTP_1_1);
  big.setContentLength(4096);
  big.setExpectContinue(true);
  session.sendRequest(big);
  Poco::Net::HTTPResponse response;
  EXPECT_FALSE(session.peekResponse(response)); // not "100 Continue"
  EXPECT_EQ(response.getStatus(), 413);
  EXPECT_EQ(calls_.load(), 0);
}

TEST_F(IngressLimitsTest, AcceptableBodyGets100ContinueAndIsRead) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest small("POST", "/echo", Poco::Net::HTTPMessage::HTTP_1_1);
  small.setContentLength(5);
  small.setExpectContinue(true);
  std::ostream& out = session.sendRequest(small);
  Poco::Net::HTTPResponse interim;
  ASSERT_TRUE(session.peekResponse(interim));
  out << "hello";
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(response.getStatus(), 200);
  EXPECT_EQ(body, "5");
}

Reply sendChunked(uint16_t port, size_t size) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest chunked("POST", "/echo", Poco::Net::HTTPMessage::HTTP_1_1);
  chunked.setChunkedTransferEncoding(true);
  std::ostream& out = session.sendRequest(chunked);
  for (size_t sent = 0; sent < size; sent += 256) {
    out << std::string(std::min<size_t>(256, size - sent), 'y');
    out.flush(); // one chunk each
  }
  Reply reply;
  std::istream& in = session.receiveResponse(reply.response);
  reply.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  reply.status = reply.response.getStatus();
  return reply;
}

TEST_F(IngressLimitsTest, ChunkedBodyWithinTheLimitIsRead) {
  const Reply reply = sendChunked(port_, 1000);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "1000");
}

TEST_F(IngressLimitsTest, ChunkedBodyOverTheLimitIs413) {
  const Reply reply = sendChunked(port_, 8 * 1024);
  EXPECT_EQ(reply.status, 413);
  const ErrorBody error = parseError(reply.body);
  EXPECT_EQ(error.code, "payload_too_large");
  EXPECT_NE(error.message.find("1024"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("http.max_body_bytes"), std::string::npos) << error.message;
  EXPECT_EQ(calls_.load(), 0);
}

// The requests below carry no body bytes: the server answers without reading a body and
// closes, and unread bytes would turn its close into a reset racing the answer.
TEST_F(IngressLimitsTest, InvalidContentLengthIs400) {
  for (const char* value : {"abc", "-5", "+5", "5, 5", "12abc"}) {
    const std::string answer =
        rawExchange(port_, std::string("POST /echo HTTP/1.1\r\nHost: gw\r\nContent-Length: ") +
                               value + "\r\n\r\n");
    EXPECT_TRUE(startsWith(answer, "HTTP/1.1 400")) << value << ": " << answer;
    EXPECT_NE(answer.find("Content-Type: application/json"), std::string::npos) << answer;
    EXPECT_NE(answer.find("Content-Length"), std::string::npos) << answer;
  }
  const std::string conflicting = rawExchange(
      port_, "POST /echo HTTP/1.1\r\nHost: gw\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
  EXPECT_TRUE(startsWith(conflicting, "HTTP/1.1 400")) << conflicting;
  EXPECT_EQ(calls_.load(), 0);
}

TEST_F(IngressLimitsTest, MalformedRequestsAreAnswered) {
  const std::string garbage = rawExchange(port_, "GARBAGE\r\n\r\n");
  EXPECT_TRUE(startsWith(garbage, "HTTP/1.1 400")) << garbage;

  const std::string gzip =
      rawExchange(port_, "POST /echo HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: gzip\r\n\r\n");
  EXPECT_TRUE(startsWith(gzip, "HTTP/1.1 501")) << gzip;

  const std::string both = rawExchange(port_, "POST /echo HTTP/1.1\r\nHost: gw\r\n"
                                              "Transfer-Encoding: chunked\r\nContent-Length: 5"
                                              "\r\n\r\n");
  EXPECT_TRUE(startsWith(both, "HTTP/1.1 400")) << both;

  // The peer stops sending (half-close) after 3 of 10 declared bytes.
  const std::string short_body =
      rawExchange(port_, "POST /echo HTTP/1.1\r\nHost: gw\r\nContent-Length: 10\r\n\r\nabc",
                  /*half_close=*/true);
  EXPECT_TRUE(startsWith(short_body, "HTTP/1.1 400")) << short_body;
  EXPECT_NE(short_body.find("ended after 3 of 10"), std::string::npos) << short_body;
  EXPECT_EQ(calls_.load(), 0);
}

} // namespace
} // namespace hotline::http::testing
