#include "core/app/mapping_command.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "core/app/mapping_command_compare.h"
#include "core/config/mapping_params.h"
#include "core/mapping/mapping.h"
#include "core/mapping/mapping_params_file.h"

namespace hotline::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr const char* kMappingUsage =
    "usage: hotline-gateway mapping test MAPPING INPUT [--expect FILE] [--explain] "
    "[--codes DIR] [--param NAME=VALUE]...\n";

struct TestOptions {
  std::string mapping;
  std::string input;
  std::optional<std::string> expect;
  std::optional<std::string> codes;
  bool explain = false;
  // --param NAME=VALUE, as an entry's mapping_params, over the ones of the folder's
  // samples/params.json (the values its samples were written with).
  mapping::MappingParams params;
};

// NAME=VALUE of --param into `into`; false when it is not of that form.
bool addParam(const std::string& text, mapping::MappingParams& into) {
  const size_t equals = text.find('=');
  if (equals == std::string::npos || !config::isMappingParamName(text.substr(0, equals))) {
    return false;
  }
  into[text.substr(0, equals)] = text.substr(equals + 1);
  return true;
}

// Options of args[2...]; an error message for anything it does not understand.
Result<TestOptions> parseTestOptions(const std::vector<std::string>& args) {
  TestOptions options;
  std::vector<std::string> positional;
  for (size_t i = 2; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--explain") {
      options.explain = true;
    } else if (arg == "--param") {
      if (i + 1 >= args.size() || !addParam(args[i + 1], options.params)) {
        return invalidArgument("--param needs NAME=VALUE (NAME: a-z, 0-9 and _, starting with a "
                               "letter), got \"" +
                               (i + 1 < args.size() ? args[i + 1] : "") + "\"");
      }
      ++i;
    } else if (arg == "--expect" || arg == "--codes") {
      if (i + 1 >= args.size()) {
        return invalidArgument(arg + " needs a value");
      }
      (arg == "--expect" ? options.expect : options.codes) = args[++i];
    } else if (arg.starts_with("--")) {
      return invalidArgument("unknown option \"" + arg + "\"");
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) {
    return invalidArgument("expected MAPPING and INPUT, got " + std::to_string(positional.size()) +
                           " argument" + (positional.size() == 1 ? "" : "s"));
  }
  options.mapping = positional[0];
  options.input = positional[1];
  return options;
}

Result<std::string> readFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return notFound("cannot read " + path);
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// --codes, else <dir of MAPPING>/../codes, else mappings/codes; "" when none exists.
std::string codesDirectory(const TestOptions& options) {
  if (options.codes) {
    return *options.codes;
  }
  namespace fs = std::filesystem;
  std::error_code ignored;
  const fs::path beside = fs::path(options.mapping).parent_path() / ".." / "codes";
  if (fs::is_directory(beside, ignored)) {
    return beside.lexically_normal().string();
  }
  if (fs::is_directory("mappings/codes", ignored)) {
    return "mappings/codes";
  }
  return "";
}

std::string quotedOrNothing(const std::string& text) {
  if (text.empty()) {
    return "(nothing)";
  }
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
    }
    quoted += c == '\n' ? ' ' : c;
  }
  return quoted + "\"";
}

// One line per target field:
//   /created_at <- /data/createTime "2024-04-10 09:30:00" | trim, date ->
//   "2024-04-10T09:30:00+08:00"
void printTrace(const std::vector<mapping::FieldTrace>& trace, std::ostream& out) {
  out << "explain:\n";
  for (const mapping::FieldTrace& field : trace) {
    out << "  " << field.to << " <- " << field.source_path << " "
        << quotedOrNothing(field.raw_value);
    if (!field.transforms.empty()) {
      out << " |";
      for (size_t i = 0; i < field.transforms.size(); ++i) {
        out << (i == 0 ? " " : ", ") << field.transforms[i];
      }
    }
    out << " -> " << quotedOrNothing(field.result) << "\n";
  }
}

// --expect FILE-error.txt: every non-empty line of FILE must occur in `errors`.
int checkExpectedErrors(const std::string& errors, const std::string& expect_path,
                        std::ostream& out, std::ostream& err) {
  Result<std::string> expected = readFile(expect_path);
  if (!expected) {
    err << "mapping test: " << expected.status().message() << "\n";
    return kExitUsage;
  }
  std::istringstream lines(*expected);
  std::string line;
  int missing = 0;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (!line.empty() && errors.find(line) == std::string::npos) {
      err << "mapping test: the errors do not mention \"" << line << "\"\n";
      ++missing;
    }
  }
  if (missing > 0) {
    return kExitFailure;
  }
  out << "ok: refused as " << expect_path << " expects\n";
  return kExitOk;
}

int compareWithExpected(const std::string& document, DocumentFormat format,
                        const TestOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::string> expected = readFile(*options.expect);
  if (!expected) {
    err << "mapping test: " << expected.status().message() << "\n";
    return kExitUsage;
  }
  Result<DocumentComparison> comparison =
      compareDocuments(*expected, document, format, *options.expect, "actual");
  if (!comparison) {
    err << "mapping test: " << comparison.status().message() << "\n";
    return kExitFailure;
  }
  if (!comparison->equal) {
    out << comparison->diff;
    err << "mapping test: the result differs from " << *options.expect << "\n";
    return kExitFailure;
  }
  out << "ok: the result matches " << *options.expect << "\n";
  return kExitOk;
}

int runTest(const TestOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::string> input = readFile(options.input);
  if (!input) {
    err << "mapping test: " << input.status().message() << "\n";
    return kExitUsage;
  }
  const std::string codes_dir = codesDirectory(options);
  mapping::CodeTables codes;
  if (!codes_dir.empty()) {
    Result<mapping::CodeTables> loaded = mapping::CodeTables::loadDirectory(codes_dir);
    if (!loaded) {
      err << loaded.status().message() << "\n";
      return kExitFailure;
    }
    codes = std::move(*loaded);
  }
  Result<std::shared_ptr<const mapping::Plan>> plan = mapping::compileFile(options.mapping, codes);
  if (!plan) {
    err << plan.status().message() << "\n";
    return kExitFailure;
  }
  mapping::MappingParams params;
  if (const std::string sample_params = mapping::sampleParamsPathFor(options.mapping);
      !sample_params.empty()) {
    Result<mapping::MappingParams> read = mapping::readMappingParamsFile(sample_params);
    if (!read) {
      err << "mapping test: " << read.status().message() << "\n";
      return kExitUsage;
    }
    params = std::move(read).value();
  }
  for (const auto& [name, value] : options.params) {
    params[name] = value;
  }
  const bool expects_error = options.expect && options.expect->ends_with("-error.txt");
  Result<mapping::RunOutput> output =
      (*plan)->run(*input, options.explain || expects_error, &params);
  if (!output) {
    if (expects_error) {
      return checkExpectedErrors(output.status().message(), *options.expect, out, err);
    }
    err << output.status().message() << "\n";
    return kExitFailure;
  }
  const bool json_out =
      (*plan)->direction() == mapping::Direction::Inbound || (*plan)->peerFormat() == "json";
  const DocumentFormat format = json_out ? DocumentFormat::Json : DocumentFormat::Xml;
  out << prettyDocument(output->document, format);
  if (options.explain) {
    printTrace(output->trace, out);
  }
  if (expects_error) {
    err << "mapping test: " << options.input << " was accepted, but " << *options.expect
        << " expects it to be refused\n";
    return kExitFailure;
  }
  return options.expect ? compareWithExpected(output->document, format, options, out, err)
                        : kExitOk;
}

} // namespace

int runMappingCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() < 2 || args[1] != "test") {
    err << "mapping: expected \"mapping test ...\"\n" << kMappingUsage;
    return kExitUsage;
  }
  Result<TestOptions> options = parseTestOptions(args);
  if (!options) {
    err << "mapping test: " << options.status().message() << "\n" << kMappingUsage;
    return kExitUsage;
  }
  return runTest(*options, out, err);
}

} // namespace hotline::app
