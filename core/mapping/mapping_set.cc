#include "core/mapping/mapping_set.h"

#include <filesystem>
#include <map>
#include <tuple>

#include "core/mapping/mapping_files.h"

namespace hotline::mapping {
namespace {

using PlanKey = std::tuple<std::string, std::string, Direction>;
using PlanKeyView = std::tuple<std::string_view, std::string_view, Direction>;

// Finds plans by string_views without building a key of strings per lookup.
struct PlanKeyLess {
  using is_transparent = void;
  static PlanKeyView view(const PlanKey& key) {
    return {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
  }
  static PlanKeyView view(const PlanKeyView& key) { return key; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return view(a) < view(b);
  }
};

std::string directionMismatch(const MappingFile& file, const Plan& plan) {
  return file.path + ": direction is " + std::string(directionName(plan.direction())) +
         ", but the file name says " + std::string(directionName(file.direction)) +
         " (outbound mappings are named <kind>.out.json, inbound ones <kind>.json)";
}

} // namespace

struct MappingSet::Snapshot {
  CodeTables codes;
  std::map<PlanKey, std::shared_ptr<const Plan>, PlanKeyLess> plans;
};

namespace {

Result<CodeTables> loadCodes(const std::string& dir) {
  const std::string codes_dir = (std::filesystem::path(dir) / "codes").string();
  std::error_code error;
  if (!std::filesystem::exists(codes_dir, error)) {
    return CodeTables{};
  }
  return CodeTables::loadDirectory(codes_dir);
}

// Compiles the whole directory; every problem of every file is reported together.
Result<std::shared_ptr<const MappingSet::Snapshot>> buildSnapshot(const std::string& dir) {
  Result<std::vector<MappingFile>> files = listMappingFiles(dir);
  if (!files) {
    return files.status();
  }
  Result<CodeTables> codes = loadCodes(dir);
  if (!codes) {
    return codes.status();
  }
  auto snapshot = std::make_shared<MappingSet::Snapshot>();
  snapshot->codes = std::move(codes).value();
  std::string problems;
  for (const MappingFile& file : *files) {
    Result<std::shared_ptr<const Plan>> plan = compileFile(file.path, snapshot->codes);
    std::string problem = !plan                                    ? plan.status().message()
                          : (*plan)->direction() != file.direction ? directionMismatch(file, **plan)
                                                                   : std::string();
    if (!problem.empty()) {
      problems += (problems.empty() ? "" : "\n") + problem;
      continue;
    }
    snapshot->plans.emplace(PlanKey{file.connector, file.kind, file.direction},
                            std::move(plan).value());
  }
  if (!problems.empty()) {
    return invalidArgument(std::move(problems));
  }
  return std::shared_ptr<const MappingSet::Snapshot>(std::move(snapshot));
}

} // namespace

MappingSet::MappingSet(std::string directory, std::shared_ptr<const Snapshot> snapshot)
    : directory_(std::move(directory)), current_(std::move(snapshot)) {}

MappingSet::~MappingSet() = default;

Result<std::unique_ptr<MappingSet>> MappingSet::load(const std::string& mappings_dir) {
  Result<std::shared_ptr<const Snapshot>> snapshot = buildSnapshot(mappings_dir);
  if (!snapshot) {
    return snapshot.status();
  }
  return std::make_unique<MappingSet>(mappings_dir, std::move(snapshot).value());
}

std::shared_ptr<const Plan> MappingSet::find(std::string_view connector, std::string_view kind,
                                             Direction direction) const {
  const std::shared_ptr<const Snapshot> snapshot = current_.load();
  const auto found = snapshot->plans.find(PlanKeyView{connector, kind, direction});
  return found == snapshot->plans.end() ? nullptr : found->second;
}

Status MappingSet::reload(const std::function<Status(const MappingSet& candidate)>& accept) {
  const std::lock_guard<std::mutex> serialised(reload_mutex_);
  Result<std::shared_ptr<const Snapshot>> snapshot = buildSnapshot(directory_);
  if (!snapshot) {
    return snapshot.status(); // the current snapshot keeps serving
  }
  if (accept) {
    HOTLINE_RETURN_IF_ERROR(accept(MappingSet(directory_, *snapshot)));
  }
  current_.store(std::move(snapshot).value());
  return Status::ok();
}

std::vector<std::shared_ptr<const Plan>> MappingSet::plansIn(std::string_view folder) const {
  const std::shared_ptr<const Snapshot> snapshot = current_.load();
  std::vector<std::shared_ptr<const Plan>> plans;
  for (auto it = snapshot->plans.lower_bound(PlanKeyView{folder, "", Direction::Inbound});
       it != snapshot->plans.end() && std::get<0>(it->first) == folder; ++it) {
    plans.push_back(it->second);
  }
  return plans;
}

size_t MappingSet::size() const {
  return current_.load()->plans.size();
}

CodeTables MappingSet::codeTables() const {
  return current_.load()->codes;
}

} // namespace hotline::mapping
