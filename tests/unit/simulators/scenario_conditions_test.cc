#include "simulators/scenario/src/conditions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "simulators/scenario/src/condition_parser.h"

namespace hotline::sim::scenario {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

std::vector<Condition> conditions(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  Problems problems;
  std::vector<Condition> out = parseConditions(doc, "/steps/0/until", problems);
  EXPECT_TRUE(problems.empty()) << problems.text("t.json");
  return out;
}

HttpResponse reply(int status, std::string body) {
  HttpResponse response;
  response.received = true;
  response.status = status;
  response.body = std::move(body);
  return response;
}

const char* kStats =
    R"({"accepted":1,"rate":1.0,"items":[{"type":"signed"}],"msg":"ticket closed"})";

TEST(ScenarioConditions, AllHold) {
  EXPECT_EQ(firstFailure(conditions(R"([{"status": [200, 201]}, {"path": "/accepted", "equals": 1},
      {"path": "/rate", "equals": 1}, {"path": "/items/0", "equals": {"type": "signed"}},
      {"path": "/items/0/type", "exists": true}, {"path": "/nope", "exists": false},
      {"path": "/msg", "contains": "closed"}, {"contains": "\"type\":\"signed\""},
      {"path": "/items", "count": 1}])"),
                         reply(201, kStats), true),
            std::nullopt);
}

TEST(ScenarioConditions, NamesTheFailingConditionAndWhy) {
  HttpResponse response = reply(200, kStats);
  EXPECT_THAT(
      firstFailure(conditions(R"([{"path": "/accepted", "equals": 1},
      {"path": "/items/0/type", "equals": "closed"}])"),
                   response, false),
      Optional(std::string(R"(/steps/0/until/1: /items/0/type is "signed", expected "closed")")));
  EXPECT_THAT(firstFailure(conditions(R"({"status": 201})"), response, false),
              Optional(std::string("/steps/0/until: status is 200, expected 201")));
  EXPECT_THAT(firstFailure(conditions(R"({"path": "/x/y", "equals": null})"), response, false),
              Optional(std::string("/steps/0/until: /x/y does not exist, expected null")));
  EXPECT_THAT(
      firstFailure(conditions(R"({"path": "/accepted", "exists": false})"), response, false),
      Optional(std::string("/steps/0/until: /accepted exists (1), expected it not to")));
  EXPECT_THAT(firstFailure(conditions(R"({"path": "/msg", "contains": "open"})"), response, false),
              Optional(HasSubstr(R"(/msg is "ticket closed", which does not contain "open")")));
  EXPECT_THAT(firstFailure(conditions(R"({"path": "/items", "count": 2})"), response, false),
              Optional(std::string("/steps/0/until: /items has 1 elements, expected 2")));
  EXPECT_THAT(firstFailure(conditions(R"({"path": "/msg", "count": 2})"), response, false),
              Optional(HasSubstr("/msg is a string, expected an array of 2")));
}

TEST(ScenarioConditions, ABodyThatIsNotJsonFailsPathConditionsOnly) {
  HttpResponse response = reply(200, "<ok/>");
  EXPECT_THAT(firstFailure(conditions(R"({"path": "", "exists": true})"), response, false),
              Optional(HasSubstr("the body is not JSON")));
  EXPECT_EQ(firstFailure(conditions(R"({"contains": "<ok/>"})"), response, false), std::nullopt);
}

TEST(ScenarioConditions, WithoutAStatusConditionAnHttpStepNeeds2xx) {
  EXPECT_THAT(firstFailure({}, reply(404, "{}"), true),
              Optional(HasSubstr("status is 404, expected 2xx")));
  EXPECT_EQ(firstFailure({}, reply(404, "{}"), false), std::nullopt);
  EXPECT_EQ(firstFailure(conditions(R"({"status": 404})"), reply(404, "{}"), true), std::nullopt);
}

TEST(ScenarioConditions, NoResponseFailsEverything) {
  HttpResponse none;
  none.error = "Could not establish connection";
  EXPECT_THAT(firstFailure({}, none, false),
              Optional(std::string("no response: Could not establish connection")));
}

TEST(ScenarioConditions, ExtractsStringsAsTheyAreAndOtherValuesAsJson) {
  std::string why;
  EXPECT_THAT(extractValue(kStats, "/items/0/type", why), Optional(std::string("signed")));
  EXPECT_THAT(extractValue(kStats, "/items/0", why), Optional(std::string(R"({"type":"signed"})")));
  EXPECT_EQ(extractValue(kStats, "/ticket_id", why), std::nullopt);
  EXPECT_EQ(why, "/ticket_id does not exist in the body");
  EXPECT_EQ(extractValue("oops", "/a", why), std::nullopt);
  EXPECT_EQ(why, "the body is not JSON");
}

TEST(ScenarioConditions, RefusesConditionsWithoutOneOperator) {
  rapidjson::Document doc;
  doc.Parse(R"([{"path": "/a"}, {"equals": 1}, {"status": 200, "path": "/a"}, []])");
  Problems problems;
  parseConditions(doc, "/steps/2/expect", problems);
  EXPECT_THAT(problems.list(),
              ::testing::ElementsAre(
                  "/steps/2/expect/0: a condition needs exactly one of status, equals, exists, "
                  "contains, count (found 0)",
                  "/steps/2/expect/1/path: missing: equals, exists and count need a JSON pointer "
                  "into the body (\"\" = the whole body)",
                  "/steps/2/expect/2/path: a status condition takes no path",
                  "/steps/2/expect/3: must be an object, not an array"));
}

} // namespace
} // namespace hotline::sim::scenario
