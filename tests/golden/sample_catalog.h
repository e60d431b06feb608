#pragma once
// What the golden tests run: every mapping file under mappings/ and the samples beside it.
//
//   mappings/<connector>/<stem>.json                    a mapping; <stem> is "ticket" (inbound)
//                                                       or "ticket.out" (outbound), ...
//   mappings/<connector>/samples/<name>.<stem>.<ext>    an input (ext json, xml or csv)
//   .../<name>.<stem>.expected.json | .expected.xml     the document it must map to
//   .../<name>.<stem>.expected-error.txt                or: it must be refused, and each
//                                                       line occurs in the errors
//
//   .../params.json                                   the mapping parameters the samples of
//                                                       the folder run with ({"name": "value"};
//                                                       a deployment's mapping_params)
//
// An outbound mapping's samples carry its whole stem (`full.ticket.out.json` with
// `full.ticket.out.expected.xml`), so that they never mix with the inbound mapping's.

#include <string>
#include <vector>

namespace hotline::golden {

enum class Expectation { Document, Error };

struct MappingFile {
  std::string connector; // directory under mappings/
  std::string stem;      // file name without .json: "ticket", "ticket.out", "event"
  std::string path;
};

struct Sample {
  std::string test_name; // connector_name_stem with [^A-Za-z0-9] as _, unique
  std::string connector;
  std::string name;
  std::string stem;
  std::string mapping_path;
  std::string input_path;
  std::string expected_path;
  std::string params_path; // samples/params.json when the folder has one, else ""
  Expectation expectation = Expectation::Document;
};

struct Catalog {
  std::vector<MappingFile> mappings; // sorted by path
  std::vector<Sample> samples;       // sorted by test name
  // Sample files that belong to no mapping, inputs without (or with several) expectations,
  // expectations without an input, and files the layout does not know.
  std::vector<std::string> problems;
};

// Walks `mappings_dir` (code tables in codes/ are not mappings).
Catalog discoverCatalog(const std::string& mappings_dir);

} // namespace hotline::golden
