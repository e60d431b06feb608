#include "core/http/router.h"
#include "tests/unit/http/test_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

namespace hotline::http {
namespace {

using testing::Gate;
using namespace std::chrono_literals;

// A handler that writes its name into the body, to see which route won.
HttpHandler named(const std::string& name) {
  return [name](const HttpRequest&, HttpResponse& response) { response.body = name; };
}

struct Dispatched {
  bool found = false;
  bool method_not_allowed = false;
  HttpRequest request;
  HttpResponse response;
};

Dispatched call(Router& router, const std::string& method, const std::string& path) {
  Dispatched out;
  out.request.method = method;
  out.request.path = path;
  out.found = router.dispatch(out.request, out.response, out.method_not_allowed);
  return out;
}

std::string allowHeader(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Allow") {
      return value;
    }
  }
  return "";
}

TEST(Router, LiteralRoutes) {
  Router router;
  ASSERT_TRUE(router.addRoute("GET", "/healthz", named("health"), "core").isOk());
  ASSERT_TRUE(router.addRoute("GET", "/", named("root"), "core").isOk());
  ASSERT_TRUE(router.addRoute("POST", "/v1/outbound", named("outbound"), "core").isOk());

  EXPECT_EQ(call(router, "GET", "/healthz").response.body, "health");
  EXPECT_EQ(call(router, "GET", "/").response.body, "root");
  EXPECT_EQ(call(router, "POST", "/v1/outbound").response.body, "outbound");
  EXPECT_FALSE(call(router, "GET", "/healthz/").found);
  EXPECT_FALSE(call(router, "GET", "/v1").found);
}

TEST(Router, PathParamsAreFilledIn) {
  Router router;
  ASSERT_TRUE(
      router
          .addRoute("POST", "/connectors/{instance}/tickets/{no}/actions", named("actions"), "ex-1")
          .isOk());
  const Dispatched out = call(router, "POST", "/connectors/ex-1/tickets/YC2026112800013/actions");
  ASSERT_TRUE(out.found);
  EXPECT_EQ(out.response.body, "actions");
  EXPECT_EQ(out.request.path_params.at("instance"), "ex-1");
  EXPECT_EQ(out.request.path_params.at("no"), "YC2026112800013");
  EXPECT_EQ(out.request.path_params.size(), 2u);
  // A parameter never matches an empty segment.
  EXPECT_FALSE(call(router, "POST", "/connectors//tickets/1/actions").found);
}

TEST(Router, LiteralSegmentBeatsParameter) {
  Router router;
  ASSERT_TRUE(router.addRoute("GET", "/tickets/{no}", named("by-number"), "core").isOk());
  ASSERT_TRUE(router.addRoute("GET", "/tickets/search", named("search"), "core").isOk());
  EXPECT_EQ(call(router, "GET", "/tickets/search").response.body, "search");
  EXPECT_EQ(call(router, "GET", "/tickets/123").response.body, "by-number");
}

TEST(Router, UnknownPathIsNotFoundWrongMethodIsNotAllowed) {
  Router router;
  ASSERT_TRUE(router.addRoute("GET", "/tickets/{no}", named("get"), "core").isOk());
  ASSERT_TRUE(router.addRoute("DELETE", "/tickets/{no}", named("delete"), "core").isOk());

  const Dispatched missing = call(router, "GET", "/nothing/here");
  EXPECT_FALSE(missing.found);
  EXPECT_FALSE(missing.method_not_allowed);

  const Dispatched wrong = call(router, "POST", "/tickets/7");
  EXPECT_FALSE(wrong.found);
  EXPECT_TRUE(wrong.method_not_allowed);
  EXPECT_EQ(allowHeader(wrong.response), "DELETE, GET");
  EXPECT_TRUE(wrong.response.body.empty());
}

TEST(Router, DuplicatesAreRefusedNamingBothPatterns) {
  Router router;
  ASSERT_TRUE(router.addRoute("GET", "/tickets/{no}", named("a"), "ex-1").isOk());
  const Status same = router.addRoute("GET", "/tickets/{no}", named("b"), "ex-2");
  EXPECT_EQ(same.code(), StatusCode::AlreadyExists);
  // Differently named parameters in the same place are still the same route.
  const Status renamed = router.addRoute("GET", "/tickets/{id}", named("c"), "ex-2");
  EXPECT_EQ(renamed.code(), StatusCode::AlreadyExists);
  EXPECT_NE(renamed.message().find("/tickets/{id}"), std::string::npos) << renamed.message();
  EXPECT_NE(renamed.message().find("/tickets/{no}"), std::string::npos) << renamed.message();
  EXPECT_NE(renamed.message().find("ex-1"), std::string::npos) << renamed.message();
  // Another method on the same pattern is a different route.
  EXPECT_TRUE(router.addRoute("PUT", "/tickets/{no}", named("d"), "ex-2").isOk());
  EXPECT_EQ(call(router, "GET", "/tickets/1").response.body, "a");
}

TEST(Router, BadPatternsAreRefusedNamingThePattern) {
  Router router;
  for (const char* pattern : {"", "tickets", "/tickets//x", "/tickets/", "/a/{}", "/a/{1no}",
                              "/a/{no", "/a/no}", "/a/x{no}", "/a/{n-o}", "/a/{no}/b/{no}"}) {
    const Status status = router.addRoute("GET", pattern, named("x"), "core");
    EXPECT_EQ(status.code(), StatusCode::InvalidArgument) << pattern;
    EXPECT_NE(status.message().find(std::string("\"") + pattern + "\""), std::string::npos)
        << status.message();
  }
  EXPECT_EQ(router.addRoute("get", "/a", named("x"), "core").code(), StatusCode::InvalidArgument);
  EXPECT_EQ(router.addRoute("GET", "/a", nullptr, "core").code(), StatusCode::InvalidArgument);
  EXPECT_EQ(router.addRoute("GET", "/a", named("x"), "").code(), StatusCode::InvalidArgument);
  EXPECT_FALSE(call(router, "GET", "/a").found);
}

TEST(Router, RemoveOwnerTakesOnlyThatOwnersRoutes) {
  Router router;
  ASSERT_TRUE(router.addRoute("GET", "/connectors/ex-1/a", named("a"), "ex-1").isOk());
  ASSERT_TRUE(router.addRoute("GET", "/connectors/ex-2/a", named("b"), "ex-2").isOk());
  router.removeOwner("ex-1");
  EXPECT_FALSE(call(router, "GET", "/connectors/ex-1/a").found);
  EXPECT_TRUE(call(router, "GET", "/connectors/ex-2/a").found);
  // The pattern is free again.
  EXPECT_TRUE(router.addRoute("GET", "/connectors/ex-1/a", named("a2"), "ex-1").isOk());
  router.removeOwner("nobody");
}

TEST(Router, RemoveOwnerWaitsForInFlightHandler) {
  Router router;
  Gate entered;
  Gate release;
  std::atomic<bool> handler_returned{false};
  ASSERT_TRUE(router
                  .addRoute(
                      "POST", "/connectors/ex-1/slow",
                      [&](const HttpRequest&, HttpResponse& response) {
                        entered.open();
                        release.waitOpen();
                        response.body = "done";
                        handler_returned = true;
                      },
                      "ex-1")
                  .isOk());

  auto call_done =
      std::async(std::launch::async, [&] { return call(router, "POST", "/connectors/ex-1/slow"); });
  ASSERT_TRUE(entered.waitOpen());

  std::atomic<bool> remove_returned{false};
  auto remove_done = std::async(std::launch::async, [&] {
    router.removeOwner("ex-1");
    remove_returned = true;
    return handler_returned.load(); // must already be true when removeOwner returns
  });
  // The route is gone for new calls at once, while the running call keeps removeOwner waiting.
  // Probed with GET: while the POST route exists that is a 405, and it never runs the handler.
  ASSERT_TRUE(testing::waitUntil(
      [&] { return !call(router, "GET", "/connectors/ex-1/slow").method_not_allowed; }));
  EXPECT_EQ(remove_done.wait_for(50ms), std::future_status::timeout);
  EXPECT_FALSE(remove_returned.load());

  release.open();
  EXPECT_EQ(call_done.get().response.body, "done");
  ASSERT_EQ(remove_done.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(remove_done.get());
}

TEST(Router, RemoveOwnerFromInsideItsOwnHandlerDoesNotDeadlock) {
  Router router;
  ASSERT_TRUE(router
                  .addRoute(
                      "POST", "/connectors/ex-1/unload",
                      [&router](const HttpRequest&, HttpResponse& response) {
                        router.removeOwner("ex-1");
                        response.body = "unloaded";
                      },
                      "ex-1")
                  .isOk());
  auto done = std::async(std::launch::async,
                         [&] { return call(router, "POST", "/connectors/ex-1/unload"); });
  ASSERT_EQ(done.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(done.get().response.body, "unloaded");
  EXPECT_FALSE(call(router, "POST", "/connectors/ex-1/unload").found);
}

TEST(Router, HandlerExceptionPropagatesAndReleasesTheRoute) {
  Router router;
  ASSERT_TRUE(router
                  .addRoute(
                      "GET", "/boom",
                      [](const HttpRequest&, HttpResponse&) { throw std::runtime_error("boom"); },
                      "ex-1")
                  .isOk());
  EXPECT_THROW(call(router, "GET", "/boom"), std::runtime_error);
  auto removed = std::async(std::launch::async, [&] { router.removeOwner("ex-1"); });
  EXPECT_EQ(removed.wait_for(10s), std::future_status::ready);
}

} // namespace
} // namespace hotline::http
