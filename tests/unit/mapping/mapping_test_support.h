#pragma once
// Helpers for the mapping engine's tests: compile mapping text written inline, run it, and
// get at the output or the error text with one line each.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/mapping/mapping.h"

namespace hotline::mapping::mapping_tests {

// The fixture tables of tests/unit/mapping/fixtures/codes/.
const CodeTables& fixtureCodes();

// Compiles `text` (named "mappings/test/ticket.json" in messages); fails the test if it does
// not compile and returns nullptr.
std::shared_ptr<const Plan> compileOk(std::string_view text);
// The load error text; fails the test if `text` compiles.
std::string loadError(std::string_view text);

// The output document; fails the test on a run error.
std::string runOk(const Plan& plan, std::string_view input);
// The run error text; fails the test if the run succeeds.
std::string runError(const Plan& plan, std::string_view input);

// An inbound JSON ticket mapping around `fields` (a JSON list), for single-feature tests.
std::string inboundJson(std::string_view fields);
// The same with another source ({"format": "xml", ...}).
std::string inbound(std::string_view source, std::string_view fields);
// An outbound ticket mapping with `target` ({"format": "json"}) around `fields`.
std::string outbound(std::string_view target, std::string_view fields);

// Maps {"v": <value JSON>} through one field to /title (a string) with `transforms` and
// returns the title, or "" when nothing was written. Fails the test on a run error.
std::string titleFrom(std::string_view value_json, std::string_view transforms);
// The run error of the same.
std::string titleError(std::string_view value_json, std::string_view transforms);

inline constexpr std::string_view kTestFile = "mappings/test/ticket.json";

} // namespace hotline::mapping::mapping_tests
