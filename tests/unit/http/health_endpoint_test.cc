#include "core/http/health_endpoint.h"

#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include <stdexcept>

namespace hotline::http {
namespace {

HttpResponse getHealth(Router& router) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/healthz";
  HttpResponse response;
  bool method_not_allowed = false;
  EXPECT_TRUE(router.dispatch(request, response, method_not_allowed));
  return response;
}

rapidjson::Document parse(const std::string& body) {
  rapidjson::Document document;
  document.Parse(body.c_str(), body.size());
  EXPECT_FALSE(document.HasParseError()) << body;
  return document;
}

TEST(HealthEndpoint, HealthyIs200WithComponents) {
  Router router;
  ASSERT_TRUE(registerHealthEndpoint(router, [] {
                return HealthReport{true, {{"store", "ok", ""}, {"connector:ex-1", "ok", "up 3s"}}};
              }).isOk());
  const HttpResponse response = getHealth(router);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "application/json");
  const rapidjson::Document document = parse(response.body);
  EXPECT_STREQ(document["status"].GetString(), "ok");
  ASSERT_EQ(document["components"].Size(), 2u);
  EXPECT_STREQ(document["components"][1]["component"].GetString(), "connector:ex-1");
  EXPECT_STREQ(document["components"][1]["detail"].GetString(), "up 3s");
  EXPECT_FALSE(document["components"][0].HasMember("detail"));
}

TEST(HealthEndpoint, UnhealthyIs503) {
  Router router;
  ASSERT_TRUE(registerHealthEndpoint(router, [] {
                return HealthReport{false, {{"store", "down", "database is locked"}}};
              }).isOk());
  const HttpResponse response = getHealth(router);
  EXPECT_EQ(response.status, 503);
  const rapidjson::Document document = parse(response.body);
  EXPECT_STREQ(document["status"].GetString(), "unhealthy");
  EXPECT_STREQ(document["components"][0]["state"].GetString(), "down");
}

TEST(HealthEndpoint, ThrowingProbeIs503NotACrash) {
  Router router;
  ASSERT_TRUE(registerHealthEndpoint(router, []() -> HealthReport {
                throw std::runtime_error("store probe failed");
              }).isOk());
  const HttpResponse response = getHealth(router);
  EXPECT_EQ(response.status, 503);
  EXPECT_NE(response.body.find("store probe failed"), std::string::npos);
}

TEST(HealthEndpoint, EmptyProbeIsHealthyAndRouteIsUnique) {
  Router router;
  ASSERT_TRUE(registerHealthEndpoint(router, nullptr).isOk());
  EXPECT_EQ(getHealth(router).status, 200);
  EXPECT_EQ(registerHealthEndpoint(router, nullptr).code(), StatusCode::AlreadyExists);
}

} // namespace
} // namespace hotline::http
