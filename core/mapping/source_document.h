#pragma once
// Reading a peer's payload (inbound) or a canonical document (outbound): a SourceFormat is
// compiled once per plan (it knows the format's options and compiles its paths at load); it
// parses each message into a SourceDocument that the plan's fields read from during that one
// run. JSON, XML and CSV implement both (json_source.h, xml_source.h, csv_source.h).

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/mapping/json_pointer_path.h"
#include "core/mapping/value.h"
#include "core/mapping/xml_element_path.h"
#include "hotline/status.h"

namespace hotline::mapping {

// A CSV column, by header name or by 1-based number (header: false).
struct CsvColumn {
  std::string name;
  size_t number = 0; // 0: by name
};

struct SourcePath {
  std::string text; // as written in the mapping, for messages
  std::variant<JsonPointerPath, XmlElementPath, CsvColumn> steps;
};

// `each` over a CSV record: the cells of `columns` split on `separator`, item i taking the
// i-th piece of every column.
struct CsvSplit {
  std::string separator;
  std::vector<CsvColumn> columns;
};

struct EachSource {
  std::string text;               // as written, for messages
  std::optional<SourcePath> path; // JSON and XML: the path whose matches are the items
  // JSON and XML `{"from": path, "split": ",、"}`: the items are the pieces of the text at
  // `path`, split on any of these characters (text_pieces.h).
  std::optional<std::vector<char32_t>> split_on;
  CsvSplit split; // CSV
};

// A place in a parsed document that paths start from: the document itself, a JSON value or
// XML element an `each` stopped at, or a piece index inside a CSV `each`. Meaningful only to
// the SourceDocument that made it.
struct SourceCursor {
  const void* node = nullptr;
  size_t item = 0;
};

class SourceDocument {
public:
  virtual ~SourceDocument() = default;

  virtual SourceCursor root() const = 0;
  // Reads the value `path` leads to from `at` into `out` (Empty when there is none). With
  // `all_matches`, an XML path matching several elements gives the list of their texts (for
  // list targets). Returns why the path does not lead to a value (a JSON object) if it does
  // not.
  virtual std::optional<std::string> read(const SourcePath& path, SourceCursor at, bool all_matches,
                                          Value& out) const = 0;
  // Whether `path` leads to something present (not null, not an empty CSV cell).
  virtual bool exists(const SourcePath& path, SourceCursor at) const = 0;
  // The items an `each` iterates, in document order.
  virtual void each(const EachSource& each, SourceCursor at,
                    std::vector<SourceCursor>& items) const = 0;

  // The mapping parameters paths may compare with ([key=$name]); may be null. Set by the plan
  // for one run.
  void setParams(const MappingParams* params) { params_ = params; }

protected:
  const MappingParams* params_ = nullptr;
};

// Immutable and shared by every run of a plan.
class SourceFormat {
public:
  virtual ~SourceFormat() = default;

  virtual const std::string& name() const = 0; // "json", "xml", "csv"
  // A source path (`from`, `when`), relative to the item inside `each`. InvalidArgument says
  // what is wrong with it.
  virtual Result<SourcePath> compilePath(std::string_view text, bool relative) const = 0;
  // Parses one message. InvalidArgument says where the input is malformed (never quoting it).
  virtual Result<std::unique_ptr<SourceDocument>> parse(std::string_view input) const = 0;
  // Where item `index` of an `each` over `each_path` puts `inner`, for messages:
  // "/flows/1/seq", "/Flows/Flow[2]/@seq", "协办单位[2]".
  virtual std::string itemPath(std::string_view each_path, size_t index,
                               std::string_view inner) const = 0;
};

} // namespace hotline::mapping
