#include "core/http/http_types.h"
#include "tests/unit/http/test_client.h"

#include <gtest/gtest.h>

namespace hotline::http {
namespace {

TEST(RouterTypes, HeaderLookupIsCaseInsensitiveAndTakesTheFirst) {
  HttpRequest request;
  request.headers = {
      {"Content-Type", "application/json"}, {"X-Sign", "first"}, {"x-sign", "second"}};
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(request.header("X-SIGN"), "first");
  EXPECT_EQ(request.header("X-Missing"), "");
  EXPECT_EQ(request.header("Content-Typ"), "");
}

TEST(RouterTypes, SetErrorWritesEscapedJson) {
  HttpResponse response;
  response.content_type = "text/plain";
  response.setError(409, "conflict", "result_submitted requires status \"signed\"\n");
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(
      response.body,
      R"({"error":{"code":"conflict","message":"result_submitted requires status \"signed\"\n"}})");
  const testing::ErrorBody error = testing::parseError(response.body);
  EXPECT_EQ(error.code, "conflict");
  EXPECT_EQ(error.message, "result_submitted requires status \"signed\"\n");
}

TEST(RouterTypes, SetErrorKeepsJsonValidWithBrokenUtf8) {
  HttpResponse response;
  response.setError(400, "invalid_argument", "bad byte \xFF here");
  EXPECT_EQ(testing::parseError(response.body).message, "bad byte \xEF\xBF\xBD here");
}

} // namespace
} // namespace hotline::http
