// The golden tests of mappings/: every code table loads, every mapping file compiles, and
// every sample beside a mapping maps to its expected document (compared semantically, with a
// unified diff on a mismatch) or is refused with the expected errors. One ctest test per
// sample, named connector_sample_stem (department_streetlight_ticket).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/app/mapping_command_compare.h"
#include "core/mapping/mapping.h"
#include "core/mapping/mapping_params_file.h"
#include "core/model/event_codec.h"
#include "core/model/ticket_codec.h"
#include "core/model/ticket_enums.h"
#include "tests/golden/sample_catalog.h"

namespace hotline::golden {

// What GoogleTest prints for a failing sample instead of its bytes (found by ADL, so not in
// the anonymous namespace).
void PrintTo(const Sample& sample, std::ostream* out);
void PrintTo(const Sample& sample, std::ostream* out) {
  *out << sample.input_path;
}

namespace {

using ::testing::HasSubstr;

const std::string kMappingsDir = std::string(HOTLINE_SOURCE_DIR) + "/mappings";

const Catalog& catalog() {
  static const Catalog discovered = discoverCatalog(kMappingsDir);
  return discovered;
}

std::string readFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

Result<mapping::CodeTables> loadCodes() {
  return mapping::CodeTables::loadDirectory(kMappingsDir + "/codes");
}

// Decodes canonical JSON of `kind` with the model's strict codec and encodes it again: a
// canonical document survives both byte for byte. Kinds without a codec here pass.
Result<std::string> recodeCanonical(const std::string& kind, const std::string& json) {
  if (kind == "ticket") {
    Result<model::Ticket> ticket = model::decodeTicket(json);
    return ticket ? Result<std::string>(model::encodeTicket(*ticket)) : ticket.status();
  }
  if (kind == "event") {
    Result<model::TicketEvent> event = model::decodeEvent(json);
    return event ? Result<std::string>(model::encodeEvent(*event)) : event.status();
  }
  return json;
}

TEST(MappingFiles, EveryCodeTableLoads) {
  Result<mapping::CodeTables> codes = loadCodes();
  ASSERT_TRUE(codes) << codes.status().message();
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kMappingsDir + "/codes")) {
    files += entry.path().extension() == ".json" ? 1 : 0;
  }
  EXPECT_EQ(codes->size(), files) << "every codes/*.json is one table";
  for (const char* table : {"category_types", "urgency", "channels", "region_codes",
                            "department_units", "satisfaction", "revisit_methods"}) {
    EXPECT_NE(codes->table(table), nullptr) << table;
  }
}

// Every value of an enum-valued table is a canonical spelling of E, and every canonical
// spelling is reachable (each table lists them as keys too).
template <typename E>
void expectCanonicalValues(const mapping::CodeTables& codes, const char* table_name) {
  std::shared_ptr<const mapping::CodeTable> table = codes.table(table_name);
  ASSERT_NE(table, nullptr) << table_name;
  for (const auto& [key, value] : table->entries) {
    EXPECT_TRUE(model::findEnum<E>(value).has_value())
        << table_name << ": " << key << " -> " << value << " is not a canonical "
        << model::EnumTraits<E>::kTypeName;
  }
  for (const auto& entry : model::EnumTraits<E>::kEntries) {
    const std::string* found = table->find(entry.name);
    EXPECT_TRUE(found != nullptr && *found == entry.name)
        << table_name << " does not map the canonical " << entry.name << " to itself";
  }
}

TEST(MappingFiles, EnumCodeTablesMapToCanonicalValues) {
  Result<mapping::CodeTables> codes = loadCodes();
  ASSERT_TRUE(codes) << codes.status().message();
  expectCanonicalValues<model::CategoryType>(*codes, "category_types");
  expectCanonicalValues<model::Urgency>(*codes, "urgency");
  expectCanonicalValues<model::Channel>(*codes, "channels");
  expectCanonicalValues<model::Satisfaction>(*codes, "satisfaction");
  expectCanonicalValues<model::RevisitMethod>(*codes, "revisit_methods");
  expectCanonicalValues<model::ReviewStatus>(*codes, "review_status");
  expectCanonicalValues<model::TicketStatus>(*codes, "ticket_status");
}

TEST(MappingFiles, RegionCodesAreSixDigitDivisionCodes) {
  Result<mapping::CodeTables> codes = loadCodes();
  ASSERT_TRUE(codes) << codes.status().message();
  std::shared_ptr<const mapping::CodeTable> regions = codes->table("region_codes");
  ASSERT_NE(regions, nullptr);
  for (const auto& [name, code] : regions->entries) {
    EXPECT_THAT(code, ::testing::MatchesRegex("[0-9]{6}")) << name;
  }
  EXPECT_EQ(*regions->find("河南省"), "410000");
  EXPECT_EQ(*regions->find("商丘市"), "411400");
  EXPECT_EQ(*regions->find("虞城县"), "411425");
  EXPECT_EQ(*regions->find("永城市"), "411481");
}

TEST(MappingFiles, EveryMappingCompiles) {
  Result<mapping::CodeTables> codes = loadCodes();
  ASSERT_TRUE(codes) << codes.status().message();
  ASSERT_FALSE(catalog().mappings.empty());
  for (const MappingFile& file : catalog().mappings) {
    Result<std::shared_ptr<const mapping::Plan>> plan = mapping::compileFile(file.path, *codes);
    if (!plan) {
      ADD_FAILURE() << plan.status().message();
      continue;
    }
    const bool outbound_name = file.stem.ends_with(".out");
    EXPECT_EQ((*plan)->direction(),
              outbound_name ? mapping::Direction::Outbound : mapping::Direction::Inbound)
        << file.path << ": <kind>.out.json is outbound, <kind>.json inbound";
  }
}

TEST(MappingFiles, EverySampleBelongsToAMappingWithOneExpectation) {
  for (const std::string& problem : catalog().problems) {
    ADD_FAILURE() << problem;
  }
}

TEST(MappingFiles, EveryMappingShipsAcceptedAndRefusedSamples) {
  for (const MappingFile& file : catalog().mappings) {
    int documents = 0;
    int errors = 0;
    for (const Sample& sample : catalog().samples) {
      if (sample.mapping_path == file.path) {
        (sample.expectation == Expectation::Document ? documents : errors) += 1;
      }
    }
    EXPECT_GE(documents, 1) << file.path << " has no sample with an expected document";
    EXPECT_GE(errors, 1) << file.path << " has no sample that must be refused";
  }
}

class GoldenSample : public ::testing::TestWithParam<Sample> {};

void expectRefused(const Sample& sample, const Result<mapping::RunOutput>& output) {
  ASSERT_FALSE(output) << sample.input_path << " was accepted, but " << sample.expected_path
                       << " expects it to be refused; it mapped to:\n"
                       << output->document;
  std::istringstream lines(readFile(sample.expected_path));
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (!line.empty()) {
      EXPECT_THAT(output.status().message(), HasSubstr(line)) << sample.expected_path;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0) << sample.expected_path << " lists no expected error";
}

void expectDocument(const Sample& sample, const mapping::Plan& plan,
                    const Result<mapping::RunOutput>& output) {
  ASSERT_TRUE(output) << sample.input_path << " was refused:\n" << output.status().message();
  Result<app::DocumentFormat> format = app::documentFormatOf(sample.expected_path);
  ASSERT_TRUE(format) << format.status().message();
  Result<app::DocumentComparison> comparison = app::compareDocuments(
      readFile(sample.expected_path), output->document, *format, sample.expected_path, "actual");
  ASSERT_TRUE(comparison) << comparison.status().message();
  EXPECT_TRUE(comparison->equal) << sample.input_path << " maps to something else than "
                                 << sample.expected_path << ":\n"
                                 << comparison->diff;
  if (plan.direction() == mapping::Direction::Inbound) {
    Result<std::string> recoded = recodeCanonical(plan.kind(), output->document);
    ASSERT_TRUE(recoded) << "not valid canonical " << plan.kind() << ":\n"
                         << recoded.status().message();
    EXPECT_EQ(*recoded, output->document) << "valid, but not in canonical form";
  }
}

// samples/params.json (the values the folder's samples were written with); none without one.
mapping::MappingParams readParams(const std::string& path) {
  if (path.empty()) {
    return {};
  }
  Result<mapping::MappingParams> params = mapping::readMappingParamsFile(path);
  EXPECT_TRUE(params) << params.status().message();
  return params ? std::move(params).value() : mapping::MappingParams();
}

TEST_P(GoldenSample, MapsAsExpected) {
  const Sample& sample = GetParam();
  Result<mapping::CodeTables> codes = loadCodes();
  ASSERT_TRUE(codes) << codes.status().message();
  Result<std::shared_ptr<const mapping::Plan>> plan =
      mapping::compileFile(sample.mapping_path, *codes);
  ASSERT_TRUE(plan) << plan.status().message();
  const std::string input = readFile(sample.input_path);
  if ((*plan)->direction() == mapping::Direction::Outbound) {
    // An outbound sample's input is itself canonical.
    Result<std::string> recoded = recodeCanonical((*plan)->kind(), input);
    ASSERT_TRUE(recoded || sample.expectation == Expectation::Error)
        << sample.input_path << " is not valid canonical " << (*plan)->kind() << ":\n"
        << recoded.status().message();
  }
  const mapping::MappingParams params = readParams(sample.params_path);
  const Result<mapping::RunOutput> output = (*plan)->run(input, false, &params);
  if (sample.expectation == Expectation::Error) {
    expectRefused(sample, output);
  } else {
    expectDocument(sample, **plan, output);
  }
}

INSTANTIATE_TEST_SUITE_P(Mappings, GoldenSample, ::testing::ValuesIn(catalog().samples),
                         [](const ::testing::TestParamInfo<Sample>& param_info) {
                           return param_info.param.test_name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenSample);

} // namespace
} // namespace hotline::golden
