// `param` fields: values a deployment gives its mappings (a connector entry's mapping_params),
// so that one shipped mapping file serves every gateway.
#include "core/mapping/mapping_params_file.h"
#include "tests/unit/mapping/mapping_test_support.h"

#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace hotline::mapping::mapping_tests {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kTicket = R"({"id":"01JDTICKET0000000000000001","title":"t"})";

std::shared_ptr<const Plan> senderPlan() {
  return compileOk(outbound(R"({"format": "json"})", R"([
    {"to": "/sender/system", "param": "our_system"},
    {"to": "/sender/level", "param": "level"},
    {"to": "/also", "param": "our_system"},
    {"to": "/number", "from": "/id"}])"));
}

TEST(ParamFieldTest, APlanNamesTheParametersItReadsSortedAndOnce) {
  std::shared_ptr<const Plan> plan = senderPlan();
  ASSERT_NE(plan, nullptr);
  EXPECT_THAT(plan->params(), ElementsAre("level", "our_system"));
  EXPECT_TRUE(compileOk(outbound(R"({"format": "json"})", R"([{"to": "/n", "from": "/id"}])"))
                  ->params()
                  .empty());
}

TEST(ParamFieldTest, WritesTheValueTheDeploymentGives) {
  std::shared_ptr<const Plan> plan = senderPlan();
  ASSERT_NE(plan, nullptr);
  const MappingParams params{{"our_system", "yucheng-12345"}, {"level", "county"}};
  Result<RunOutput> output = plan->run(kTicket, false, &params);
  ASSERT_TRUE(output.isOk()) << output.status().toString();
  EXPECT_EQ(output->document, R"({"sender":{"system":"yucheng-12345","level":"county"},)"
                              R"("also":"yucheng-12345","number":"01JDTICKET0000000000000001"})");
  const MappingParams other{{"our_system", "xiayi-12345"}, {"level", "county"}};
  EXPECT_THAT(plan->run(kTicket, false, &other)->document, HasSubstr(R"("system":"xiayi-12345")"));
}

TEST(ParamFieldTest, AMissingParameterIsAnErrorOfTheMessageNamingIt) {
  std::shared_ptr<const Plan> plan = senderPlan();
  ASSERT_NE(plan, nullptr);
  const MappingParams partial{{"our_system", "yucheng-12345"}};
  Result<RunOutput> output = plan->run(kTicket, false, &partial);
  ASSERT_FALSE(output.isOk());
  EXPECT_THAT(
      output.status().message(),
      HasSubstr("/sender/level from (param level): the mapping parameter \"level\" is not set"));
  EXPECT_THAT(output.status().message(), HasSubstr("mapping_params"));
  EXPECT_FALSE(plan->run(kTicket).isOk()) << "no parameters given at all";
}

TEST(ParamFieldTest, TheExplainTraceShowsWhereTheValueCameFrom) {
  std::shared_ptr<const Plan> plan = senderPlan();
  ASSERT_NE(plan, nullptr);
  const MappingParams params{{"our_system", "yucheng-12345"}, {"level", "county"}};
  Result<RunOutput> output = plan->run(kTicket, true, &params);
  ASSERT_TRUE(output.isOk());
  ASSERT_FALSE(output->trace.empty());
  EXPECT_EQ(output->trace[0].source_path, "(param our_system)");
  EXPECT_EQ(output->trace[0].result, "yucheng-12345");
}

TEST(ParamFieldTest, ABadParamIsALoadErrorNamingTheField) {
  EXPECT_THAT(
      loadError(outbound(R"({"format": "json"})", R"([{"to": "/s", "param": "Our-System"}])")),
      HasSubstr("fields[0] (to /s): param must name a mapping parameter"));
  EXPECT_THAT(loadError(outbound(R"({"format": "json"})", R"([{"to": "/s", "param": 7}])")),
              HasSubstr("param must name a mapping parameter"));
  EXPECT_THAT(loadError(outbound(R"({"format": "json"})",
                                 R"([{"to": "/s", "param": "level", "value": "county"}])")),
              HasSubstr("needs exactly one of from, value, param, each"));
}

// [key=$name]: a filter that compares with a mapping parameter, so that "our number" is found
// by the system this deployment is known by.
TEST(ParamFieldTest, AFilterComparesWithAParameter) {
  std::shared_ptr<const Plan> plan = compileOk(outbound(R"({"format": "json"})", R"([
    {"to": "/ours", "from": "/refs/[system=$hotline_system]/number"},
    {"to": "/fixed", "from": "/refs/[system=city]/number"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_THAT(plan->params(), ElementsAre("hotline_system"));
  constexpr std::string_view kRefs =
      R"({"refs":[{"system":"city","number":"C-1"},{"system":"yucheng-12345","number":"Y-7"},)"
      R"({"system":"xiayi-12345","number":"X-3"}]})";
  const MappingParams yucheng{{"hotline_system", "yucheng-12345"}};
  EXPECT_EQ(plan->run(kRefs, false, &yucheng)->document, R"({"ours":"Y-7","fixed":"C-1"})");
  const MappingParams xiayi{{"hotline_system", "xiayi-12345"}};
  EXPECT_EQ(plan->run(kRefs, false, &xiayi)->document, R"({"ours":"X-3","fixed":"C-1"})");
  // Without the parameter the filter matches nothing (the start check makes sure it is given).
  EXPECT_EQ(plan->run(kRefs)->document, R"({"fixed":"C-1"})");

  EXPECT_THAT(loadError(outbound(R"({"format": "json"})",
                                 R"([{"to": "/n", "from": "/refs/[system=$Bad]/number"}])")),
              HasSubstr("[key=$name] compares with a mapping parameter"));
}

// samples/params.json: an object of strings; anything else is refused naming the file.
TEST(ParamFieldTest, AParamsFileIsReadOrRefusedNamingIt) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("hotline-params-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "samples");
  const std::string path = (dir / "samples" / "params.json").string();
  EXPECT_EQ(sampleParamsPathFor((dir / "ticket.out.json").string()), "");
  std::ofstream(path) << R"({"system": "yucheng-12345", "level": "county"})";
  EXPECT_EQ(sampleParamsPathFor((dir / "ticket.out.json").string()), path);
  Result<MappingParams> read = readMappingParamsFile(path);
  ASSERT_TRUE(read.isOk()) << read.status().toString();
  EXPECT_EQ(read->at("level"), "county");
  for (const char* text : {R"(["system"])", R"({"Level": "county"})", R"({"level": 3})", "{"}) {
    std::ofstream(path) << text;
    Result<MappingParams> refused = readMappingParamsFile(path);
    ASSERT_FALSE(refused.isOk()) << text;
    EXPECT_THAT(refused.status().message(), HasSubstr(path)) << text;
  }
  std::filesystem::remove_all(dir);
}

} // namespace
} // namespace hotline::mapping::mapping_tests
