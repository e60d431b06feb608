#include "tests/golden/sample_catalog.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace hotline::golden {
namespace {

namespace fs = std::filesystem;

enum class Role { Input, ExpectedDocument, ExpectedError };

struct NamedFile {
  Role role;
  std::string base; // <name>.<stem>
};

struct SampleFiles {
  std::optional<std::string> input;
  std::vector<std::pair<std::string, Expectation>> expectations;
};

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.ends_with(suffix);
}

// The role of a file of samples/ and its <name>.<stem>; nullopt for a file the layout does
// not know.
std::optional<NamedFile> classify(std::string_view file_name) {
  constexpr std::string_view kError = ".expected-error.txt";
  if (endsWith(file_name, kError)) {
    return NamedFile{Role::ExpectedError,
                     std::string(file_name.substr(0, file_name.size() - kError.size()))};
  }
  for (std::string_view suffix : {".expected.json", ".expected.xml"}) {
    if (endsWith(file_name, suffix)) {
      return NamedFile{Role::ExpectedDocument,
                       std::string(file_name.substr(0, file_name.size() - suffix.size()))};
    }
  }
  for (std::string_view suffix : {".json", ".xml", ".csv"}) {
    if (endsWith(file_name, suffix)) {
      return NamedFile{Role::Input,
                       std::string(file_name.substr(0, file_name.size() - suffix.size()))};
    }
  }
  return std::nullopt;
}

// The longest stem `base` ends with (".<stem>" after a non-empty name), or "".
std::string stemOf(const std::string& base, const std::set<std::string>& stems) {
  std::string best;
  for (const std::string& stem : stems) {
    if (endsWith(base, "." + stem) && stem.size() > best.size()) {
      best = stem;
    }
  }
  return best;
}

std::string testName(const std::string& connector, const std::string& name,
                     const std::string& stem) {
  std::string out = connector + "_" + name + "_" + stem;
  for (char& c : out) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      c = '_';
    }
  }
  return out;
}

std::vector<fs::path> sortedEntries(const fs::path& dir) {
  std::vector<fs::path> entries;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator(dir, ignored)) {
    if (!entry.path().filename().string().starts_with(".")) { // hidden files are not mappings
      entries.push_back(entry.path());
    }
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

void collectSamples(const fs::path& connector_dir, const std::set<std::string>& stems,
                    Catalog& catalog) {
  const std::string connector = connector_dir.filename().string();
  std::map<std::pair<std::string, std::string>, SampleFiles> by_key; // (name, stem)
  for (const fs::path& path : sortedEntries(connector_dir / "samples")) {
    const std::string file_name = path.filename().string();
    if (file_name == "README.md" || file_name == "params.json") {
      continue;
    }
    const std::optional<NamedFile> named = classify(file_name);
    const std::string stem = named ? stemOf(named->base, stems) : "";
    if (!named || stem.empty()) {
      catalog.problems.push_back(path.string() + ": belongs to no mapping of " +
                                 connector_dir.string() + " (<name>.<stem>.<ext>)");
      continue;
    }
    const std::string name = named->base.substr(0, named->base.size() - stem.size() - 1);
    SampleFiles& files = by_key[{name, stem}];
    if (named->role == Role::Input) {
      if (files.input) {
        catalog.problems.push_back(path.string() + ": a second input for sample \"" + name +
                                   "\" (also " + *files.input + ")");
      }
      files.input = path.string();
    } else {
      files.expectations.emplace_back(path.string(), named->role == Role::ExpectedError
                                                         ? Expectation::Error
                                                         : Expectation::Document);
    }
  }
  for (const auto& [key, files] : by_key) {
    const std::string where =
        (connector_dir / "samples").string() + "/" + key.first + "." + key.second;
    if (!files.input) {
      catalog.problems.push_back(where + ": an expectation without an input");
      continue;
    }
    if (files.expectations.size() != 1) {
      catalog.problems.push_back(*files.input +
                                 ": needs exactly one .expected.json, "
                                 ".expected.xml or .expected-error.txt, has " +
                                 std::to_string(files.expectations.size()));
      continue;
    }
    Sample sample;
    sample.connector = connector;
    sample.name = key.first;
    sample.stem = key.second;
    sample.test_name = testName(connector, key.first, key.second);
    sample.mapping_path = (connector_dir / (key.second + ".json")).string();
    sample.input_path = *files.input;
    if (fs::exists(connector_dir / "samples" / "params.json")) {
      sample.params_path = (connector_dir / "samples" / "params.json").string();
    }
    sample.expected_path = files.expectations.front().first;
    sample.expectation = files.expectations.front().second;
    catalog.samples.push_back(std::move(sample));
  }
}

} // namespace

Catalog discoverCatalog(const std::string& mappings_dir) {
  Catalog catalog;
  for (const fs::path& dir : sortedEntries(mappings_dir)) {
    if (!fs::is_directory(dir) || dir.filename() == "codes") {
      continue;
    }
    std::set<std::string> stems;
    for (const fs::path& file : sortedEntries(dir)) {
      if (fs::is_regular_file(file) && file.extension() == ".json") {
        stems.insert(file.stem().string());
        catalog.mappings.push_back({dir.filename().string(), file.stem().string(), file.string()});
      }
    }
    collectSamples(dir, stems, catalog);
  }
  std::sort(catalog.samples.begin(), catalog.samples.end(),
            [](const Sample& a, const Sample& b) { return a.test_name < b.test_name; });
  // Names that collide once sanitised get a numeric suffix, so every test is registered.
  for (size_t i = 1; i < catalog.samples.size(); ++i) {
    if (catalog.samples[i].test_name == catalog.samples[i - 1].test_name) {
      catalog.samples[i].test_name += "_" + std::to_string(i);
    }
  }
  return catalog;
}

} // namespace hotline::golden
