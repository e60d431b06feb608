// The exchange simulator's behaviour scripts: the documented example parses to its steps,
// every kind of mistake is refused naming the step and the member, and the script reads back.

#include <gtest/gtest.h>

#include "simulators/exchange/src/behaviour_script.h"

namespace hotline::sim::exchange {
namespace {

using model::EventType;
using std::chrono::milliseconds;

TEST(ExchangeBehaviourTest, ParsesTheDocumentedExample) {
  auto script =
      parseBehaviour(R"({"steps":[{"action":"signed","after_ms":100},)"
                     R"({"action":"progress","after_ms":50,"data":{"progress":"已转交市住建局"}},)"
                     R"({"action":"result_submitted","after_ms":50,"data":{"result":"已处理"}},)"
                     R"({"action":"closed","after_ms":50}]})");
  ASSERT_TRUE(script.isOk()) << script.status().message();
  ASSERT_EQ(script->steps.size(), 4u);
  EXPECT_EQ(script->steps[0], (BehaviourStep{EventType::Signed, milliseconds(100), ""}));
  EXPECT_EQ(script->steps[1].action, EventType::Progress);
  EXPECT_EQ(script->steps[1].data, R"({"progress":"已转交市住建局"})");
  EXPECT_EQ(script->steps[2].action, EventType::ResultSubmitted);
  EXPECT_EQ(script->steps[3], (BehaviourStep{EventType::Closed, milliseconds(50), ""}));
}

TEST(ExchangeBehaviourTest, AfterMsDefaultsToZeroAndEmptyDataIsNone) {
  auto script = parseBehaviour(R"({"steps":[{"action":"comment","data":{}}]})");
  ASSERT_TRUE(script.isOk()) << script.status().message();
  EXPECT_EQ(script->steps[0], (BehaviourStep{EventType::Comment, milliseconds(0), ""}));
}

TEST(ExchangeBehaviourTest, EmptyStepsAreAValidScript) {
  auto script = parseBehaviour(R"({"steps":[]})");
  ASSERT_TRUE(script.isOk());
  EXPECT_TRUE(script->steps.empty());
}

struct BadScript {
  const char* json;
  const char* expected_in_message;
};

class ExchangeBehaviourRefusalTest : public ::testing::TestWithParam<BadScript> {};

TEST_P(ExchangeBehaviourRefusalTest, NamesTheProblem) {
  auto script = parseBehaviour(GetParam().json);
  ASSERT_FALSE(script.isOk()) << GetParam().json;
  EXPECT_EQ(script.status().code(), StatusCode::InvalidArgument);
  EXPECT_NE(script.status().message().find(GetParam().expected_in_message), std::string::npos)
      << script.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Mistakes, ExchangeBehaviourRefusalTest,
    ::testing::Values(
        BadScript{"not json", "not JSON"}, BadScript{R"({"step":[]})", "expected {\"steps\""},
        BadScript{R"({"steps":[],"extra":1})", "unknown member"},
        BadScript{R"({"steps":[{"after_ms":1}]})", "steps[0].action: missing"},
        BadScript{R"({"steps":[{"action":"signed"},{"action":"sign"}]})",
                  "steps[1].action: \"sign\" is not one of"},
        BadScript{R"({"steps":[{"action":"signed","after_ms":-1}]})", "steps[0].after_ms"},
        BadScript{R"({"steps":[{"action":"signed","after_ms":1.5}]})", "steps[0].after_ms"},
        BadScript{R"({"steps":[{"action":"signed","after_ms":86400001}]})", "steps[0].after_ms"},
        BadScript{R"({"steps":[{"action":"signed","data":"x"}]})", "steps[0].data"},
        BadScript{R"({"steps":[{"action":"signed","delay":5}]})", "unknown member \"delay\""},
        BadScript{R"({"steps":[3]})", "steps[0]: expected an object"}));

TEST(ExchangeBehaviourTest, ReadsBackAsJsonThatParsesToTheSameScript) {
  auto script = parseBehaviour(R"({"steps":[{"action":"signed","after_ms":10},)"
                               R"({"action":"progress","data":{"progress":"x"}}]})");
  ASSERT_TRUE(script.isOk());
  const std::string json = behaviourJson(*script);
  EXPECT_EQ(json, R"({"steps":[{"action":"signed","after_ms":10},)"
                  R"({"action":"progress","after_ms":0,"data":{"progress":"x"}}]})");
  auto again = parseBehaviour(json);
  ASSERT_TRUE(again.isOk());
  EXPECT_EQ(*again, *script);
}

} // namespace
} // namespace hotline::sim::exchange
