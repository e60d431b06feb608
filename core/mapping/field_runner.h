#pragma once
// Runs a compiled scope of fields over one parsed message: reads each field's source,
// applies its transforms, fits the value to its target and stores it in the output state;
// `each` fields run their items' scopes. Every problem is collected, none stops the run, so
// one message's errors come back together. One FieldRunner per run; plans are only read.

#include <string>
#include <vector>

#include "core/mapping/field_plan.h"
#include "core/mapping/mapping.h"
#include "core/mapping/output_layout.h"
#include "core/mapping/run_errors.h"
#include "core/mapping/source_document.h"

namespace hotline::mapping {

class FieldRunner {
public:
  FieldRunner(const SourceFormat& format, const SourceDocument& document,
              OutputLayout::Style target_style, RunErrors& errors, std::vector<FieldTrace>* trace,
              const MappingParams* params = nullptr)
      : format_(format), document_(document), target_style_(target_style), errors_(errors),
        trace_(trace), params_(params) {}

  void runScope(const ScopePlan& scope, const OutputLayout& layout, SourceCursor at,
                OutputState& state) {
    runScope(scope, layout, at, nullptr, state);
  }

private:
  // Where the items of an `each` sit, for the paths in messages and traces (built only when
  // one is needed).
  struct ItemPlace {
    const ItemPlace* parent = nullptr;
    const FieldPlan* each = nullptr;
    size_t source_index = 0; // the item's position in the source
    size_t target_index = 0; // its position in the output if it is kept
  };

  void runScope(const ScopePlan& scope, const OutputLayout& layout, SourceCursor at,
                const ItemPlace* place, OutputState& state);
  void runValueField(const FieldPlan& field, SourceCursor at, const ItemPlace* place,
                     OutputState& state);
  void runEachField(const FieldPlan& field, const OutputLayout& layout, SourceCursor at,
                    const ItemPlace* place, OutputState& state);
  // `each` over the pieces of the text at the field's path (`"split"`).
  void runEachPiece(const FieldPlan& field, const OutputLayout& layout, SourceCursor at,
                    const ItemPlace* place, OutputState& state);
  // Runs the items' scope at each cursor through `item_runner` (this runner, or one over the
  // pieces of a split text) and keeps the items that are not empty.
  void runItems(const FieldPlan& field, const OutputLayout& layout,
                const std::vector<SourceCursor>& cursors, FieldRunner& item_runner,
                const ItemPlace* place, OutputState& state);

  // Reads the field's value; returns the source path that won (nullptr for a constant or when
  // nothing was found), or stops with an error.
  bool readSource(const FieldPlan& field, SourceCursor at, const ItemPlace* place, Value& value,
                  const SourcePath*& winner);
  bool applyTransforms(const FieldPlan& field, const ItemPlace* place, const SourcePath* winner,
                       Value& value, std::vector<std::string>* applied);
  bool applyOne(const Transform& transform, const FieldPlan& field, const ItemPlace* place,
                const SourcePath* winner, Value& value);
  void fail(const FieldPlan& field, const ItemPlace* place, const SourcePath* winner,
            std::string_view value, bool names_value, std::string_view reason);

  std::string targetPath(const FieldPlan& field, const ItemPlace* place) const;
  std::string itemTargetPrefix(const ItemPlace& place) const;
  std::string sourcePath(const FieldPlan& field, const ItemPlace* place,
                         const SourcePath* winner) const;
  std::string sourceInItem(std::string_view inner, const ItemPlace* place) const;

  const SourceFormat& format_;
  const SourceDocument& document_;
  OutputLayout::Style target_style_;
  RunErrors& errors_;
  std::vector<FieldTrace>* trace_;
  const MappingParams* params_; // may be null: no parameters given
};

} // namespace hotline::mapping
