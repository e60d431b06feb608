#pragma once
// The mapping engine's public face (DESIGN.md §6; the language is documented in
// mappings/README.md). A mapping file is compiled once into an immutable Plan: every path is
// parsed, every regex compiled, every code table resolved and every date format tokenised at
// load, so that running a plan never re-reads or re-parses the file.
//
// - Inbound plans turn a peer's payload (JSON, XML or one CSV record) into compact canonical
//   JSON (core/model/README.md), members in the canonical schema's order.
// - Outbound plans turn canonical JSON into the peer's payload (JSON or XML).
//
// Errors never escape as exceptions: loading reports every problem of a file at once, each
// naming the file, the field (`fields[3] (to /created_at)`), the transform and the reason;
// running reports every problem of one message at once, each naming the file, the target
// field, the source path and the value, with personal values masked.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/mapping_params.h"
#include "core/mapping/code_table.h"
#include "hotline/status.h"

namespace hotline::mapping {

enum class Direction { Inbound, Outbound };

// "inbound" / "outbound", as mapping files spell them.
std::string_view directionName(Direction direction);

// The code tables of mappings/codes/*.json (peer value -> canonical value), shared by every
// plan that looks values up. Copies are cheap and share the tables, which are immutable; a
// plan keeps the tables it uses alive on its own.
class CodeTables {
public:
  // Reads every *.json file of `dir` ({"table": name, "description": ..., "entries": {..}};
  // the file name without .json must equal `table`). InvalidArgument lists every broken file;
  // NotFound when `dir` does not exist.
  static Result<CodeTables> loadDirectory(const std::string& dir);

  // Adds or replaces a table (tests, benchmarks, embedders that keep tables elsewhere).
  void addTable(std::string name, CodeTable::Entries entries);

  // nullptr when there is no such table.
  std::shared_ptr<const CodeTable> table(std::string_view name) const;
  // The canonical value of `key` in `table_name`; nullptr when the table or the key is
  // unknown. Valid as long as the table is (a copy of these CodeTables keeps it).
  const std::string* lookup(std::string_view table_name, std::string_view key) const;

  std::vector<std::string> tableNames() const;
  size_t size() const { return tables_.size(); }

private:
  std::vector<std::shared_ptr<const CodeTable>> tables_; // sorted by name
};

// What --explain shows for one target field: which source path won, its raw value, the
// transforms applied and the result. Values of personal fields are masked.
struct FieldTrace {
  std::string to;          // target path; inside `each` with the item index (/assignments/0/seq)
  std::string source_path; // the path that won; "(value)" for a constant; "a + b" for concat
  std::string raw_value;   // as read, before transforms ("" when nothing was found)
  std::vector<std::string> transforms; // as applied, e.g. "trim", "date", "code category_types"
  std::string result;                  // what was written ("" when nothing was)
};

struct RunOutput {
  std::string document;          // canonical JSON (inbound) or the peer's payload (outbound)
  std::vector<FieldTrace> trace; // filled only when run(..., explain = true)
};

// What one deployment gives the `param` fields of its mappings (a connector entry's
// `mapping_params`): values that differ from one gateway to the next, such as the name peers
// know this hotline by and its level, so that the shipped mapping files need no edit.
using MappingParams = config::MappingParamValues;

// The value of parameter `name`, or nullptr when `params` is null or lacks it.
inline const std::string* findParam(const MappingParams* params, std::string_view name) {
  if (params == nullptr) {
    return nullptr;
  }
  const auto found = params->find(name);
  return found == params->end() ? nullptr : &found->second;
}

// A compiled mapping. Immutable: run() may be called from any number of threads at once.
class Plan {
public:
  virtual ~Plan() = default;
  // The mapping file as it was named when compiled (used in every error message).
  virtual const std::string& file() const = 0;
  virtual Direction direction() const = 0;
  // The canonical kind the plan produces (inbound) or reads (outbound): "ticket", "event",
  // "call_record", ... (the `kind` key of the file; the file name may name a more specific
  // message kind, see MappingSet).
  virtual const std::string& kind() const = 0;
  // Inbound: the peer's payload -> canonical JSON. Outbound: canonical JSON -> the peer's
  // payload. InvalidArgument lists every problem of the message, one per line. `params`
  // supplies the plan's params() (a missing one is a problem of the message).
  virtual Result<RunOutput> run(std::string_view input, bool explain = false,
                                const MappingParams* params = nullptr) const = 0;
  // The names the plan's `param` fields read, sorted, each once.
  virtual const std::vector<std::string>& params() const;

  // The peer side's format: "json", "xml" or "csv" (inbound source / outbound target), e.g.
  // for a connector's Content-Type. Not pure so that test fakes need not implement it.
  virtual const std::string& peerFormat() const;
};

// Reads and compiles one mapping file. Errors name `path` as given.
Result<std::shared_ptr<const Plan>> compileFile(const std::string& path, const CodeTables& codes);
// Compiles mapping text; `file_name` is what errors call it.
Result<std::shared_ptr<const Plan>> compileText(std::string_view text, const std::string& file_name,
                                                const CodeTables& codes);

} // namespace hotline::mapping
