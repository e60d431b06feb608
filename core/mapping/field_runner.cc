#include "core/mapping/field_runner.h"

#include "core/mapping/text_pieces.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

// A blank text counts as no value when choosing among `from` paths and when joining them.
bool isAbsent(const Value& value) {
  return value.empty() || (value.kind == ValueKind::String && text::isBlank(value.text));
}

std::string relativePart(std::string_view inner) {
  while (!inner.empty() && (inner.front() == '/' || inner.front() == '.')) {
    inner.remove_prefix(1);
  }
  return std::string(inner);
}

void appendJoined(std::string& joined, const Value& value, std::string_view separator) {
  if (!value.isList()) {
    joined += joined.empty() ? "" : separator;
    joined += value.text;
    return;
  }
  for (const std::string& item : value.items) {
    joined += joined.empty() ? "" : separator;
    joined += item;
  }
}

} // namespace

void FieldRunner::runScope(const ScopePlan& scope, const OutputLayout& layout, SourceCursor at,
                           const ItemPlace* place, OutputState& state) {
  for (const FieldPlan& field : scope.fields) {
    if (field.source == FieldPlan::Source::Each) {
      runEachField(field, layout, at, place, state);
    } else {
      runValueField(field, at, place, state);
    }
  }
}

void FieldRunner::runValueField(const FieldPlan& field, SourceCursor at, const ItemPlace* place,
                                OutputState& state) {
  if (field.when && !field.when->holds(document_, at)) {
    if (trace_ != nullptr) {
      trace_->push_back(FieldTrace{targetPath(field, place),
                                   sourceInItem(field.when->path().text, place),
                                   "",
                                   {field.when->describe() + ": no, skipped"},
                                   ""});
    }
    return;
  }
  Value value;
  const SourcePath* winner = nullptr;
  if (!readSource(field, at, place, value, winner)) {
    return;
  }
  Value raw;
  if (trace_ != nullptr) {
    raw = value;
  }
  std::vector<std::string> applied;
  if (!applyTransforms(field, place, winner, value, trace_ != nullptr ? &applied : nullptr)) {
    return;
  }
  if (std::optional<TransformFailure> failure = coerceToTarget(value, field.target)) {
    fail(field, place, winner, displayText(value), failure->names_value, failure->reason);
    return;
  }
  if (trace_ != nullptr) {
    trace_->push_back(FieldTrace{targetPath(field, place), sourcePath(field, place, winner),
                                 shownValue(displayText(raw), field.personal), std::move(applied),
                                 shownValue(displayText(value), field.personal)});
  }
  if (!value.empty()) {
    state.slots[static_cast<size_t>(field.slot)] = std::move(value);
  }
}

void FieldRunner::runEachField(const FieldPlan& field, const OutputLayout& layout, SourceCursor at,
                               const ItemPlace* place, OutputState& state) {
  if (field.when && !field.when->holds(document_, at)) {
    return;
  }
  if (field.each.split_on) {
    runEachPiece(field, layout, at, place, state);
    return;
  }
  std::vector<SourceCursor> cursors;
  document_.each(field.each, at, cursors);
  runItems(field, layout, cursors, *this, place, state);
}

void FieldRunner::runEachPiece(const FieldPlan& field, const OutputLayout& layout, SourceCursor at,
                               const ItemPlace* place, OutputState& state) {
  const SourcePath& path = *field.each.path;
  Value whole;
  if (std::optional<std::string> problem = document_.read(path, at, false, whole)) {
    fail(field, place, &path, "", false, *problem);
    return;
  }
  const std::vector<std::string> pieces = splitIntoPieces(whole, *field.each.split_on);
  std::vector<SourceCursor> cursors;
  cursors.reserve(pieces.size());
  for (const std::string& piece : pieces) {
    cursors.push_back(TextPiecesDocument::cursorOf(piece));
  }
  const TextPiecesDocument pieces_document;
  FieldRunner piece_runner(format_, pieces_document, target_style_, errors_, trace_, params_);
  runItems(field, layout, cursors, piece_runner, place, state);
}

void FieldRunner::runItems(const FieldPlan& field, const OutputLayout& layout,
                           const std::vector<SourceCursor>& cursors, FieldRunner& item_runner,
                           const ItemPlace* place, OutputState& state) {
  const OutputLayout& items_layout = layout.group(field.group);
  std::vector<OutputState>& kept = state.groups[static_cast<size_t>(field.group)];
  const size_t summary = trace_ != nullptr ? trace_->size() : 0;
  if (trace_ != nullptr) {
    std::vector<std::string> how{"each"};
    if (field.each.split_on) {
      how.emplace_back("split");
    }
    trace_->push_back(FieldTrace{targetPath(field, place), sourceInItem(field.each.text, place),
                                 std::to_string(cursors.size()) + " items", std::move(how), ""});
  }
  for (size_t i = 0; i < cursors.size(); ++i) {
    OutputState item;
    item.prepare(items_layout);
    const ItemPlace item_place{place, &field, i, kept.size()};
    const size_t trace_mark = trace_ != nullptr ? trace_->size() : 0;
    item_runner.runScope(*field.items, items_layout, cursors[i], &item_place, item);
    if (item.hasContent()) {
      kept.push_back(std::move(item));
    } else if (trace_ != nullptr) {
      trace_->resize(trace_mark); // an empty item is left out of the output and the trace
    }
  }
  if (trace_ != nullptr) {
    (*trace_)[summary].result = std::to_string(kept.size()) + " items";
  }
}

bool FieldRunner::readSource(const FieldPlan& field, SourceCursor at, const ItemPlace* place,
                             Value& value, const SourcePath*& winner) {
  if (field.source == FieldPlan::Source::Constant) {
    value = field.constant;
    return true;
  }
  if (field.source == FieldPlan::Source::Param) {
    const std::string* given = findParam(params_, field.param);
    if (given == nullptr) {
      fail(field, place, nullptr, "", false,
           "the mapping parameter \"" + field.param +
               "\" is not set (give it in mappings.params or the connector entry's "
               "mapping_params)");
      return false;
    }
    value.setString(*given);
    return true;
  }
  std::string joined;
  Value one;
  for (const SourcePath& path : field.from) {
    if (std::optional<std::string> problem =
            document_.read(path, at, field.read_all_matches, one)) {
      fail(field, place, &path, "", false, *problem);
      return false;
    }
    if (isAbsent(one)) {
      continue;
    }
    if (field.source == FieldPlan::Source::Paths) {
      value = std::move(one);
      winner = &path;
      return true;
    }
    appendJoined(joined, one, field.concat_separator);
  }
  value.setString(std::move(joined));
  return true;
}

bool FieldRunner::applyTransforms(const FieldPlan& field, const ItemPlace* place,
                                  const SourcePath* winner, Value& value,
                                  std::vector<std::string>* applied) {
  for (const auto& transform : field.transforms) {
    if (value.empty() && !transform->handlesEmpty()) {
      continue; // only default and required act on a missing value
    }
    if (!applyOne(*transform, field, place, winner, value)) {
      return false;
    }
    if (applied != nullptr) {
      applied->push_back(transform->description());
    }
  }
  return true;
}

bool FieldRunner::applyOne(const Transform& transform, const FieldPlan& field,
                           const ItemPlace* place, const SourcePath* winner, Value& value) {
  if (!value.isList() || transform.shape() == Transform::Shape::WholeValue) {
    // A failing transform leaves the value as it was, so the message shows what it refused.
    if (std::optional<TransformFailure> failure = transform.apply(value)) {
      fail(field, place, winner, displayText(value), failure->names_value, failure->reason);
      return false;
    }
    return true;
  }
  if (transform.shape() == Transform::Shape::SingleValue) {
    fail(field, place, winner, displayText(value), true,
         "is a list, but " + transform.description() + " takes a single value");
    return false;
  }
  std::vector<std::string> results;
  results.reserve(value.items.size());
  Value item;
  for (std::string& text : value.items) {
    item.setString(std::move(text));
    if (std::optional<TransformFailure> failure = transform.apply(item)) {
      fail(field, place, winner, item.text, failure->names_value, failure->reason);
      return false;
    }
    if (!item.empty()) {
      results.push_back(std::move(item.text));
    }
  }
  value.setList(std::move(results));
  return true;
}

void FieldRunner::fail(const FieldPlan& field, const ItemPlace* place, const SourcePath* winner,
                       std::string_view value, bool names_value, std::string_view reason) {
  errors_.add(targetPath(field, place), sourcePath(field, place, winner),
              names_value ? quotedValue(value, field.personal) : std::string(), reason);
}

std::string FieldRunner::targetPath(const FieldPlan& field, const ItemPlace* place) const {
  if (place == nullptr) {
    return field.to;
  }
  const std::string inner = relativePart(field.to);
  std::string prefix = itemTargetPrefix(*place);
  return inner.empty() ? prefix : prefix + "/" + inner;
}

std::string FieldRunner::itemTargetPrefix(const ItemPlace& place) const {
  std::string prefix = targetPath(*place.each, place.parent);
  if (target_style_ == OutputLayout::Style::Xml) {
    return prefix + "[" + std::to_string(place.target_index + 1) + "]";
  }
  return prefix + "/" + std::to_string(place.target_index);
}

std::string FieldRunner::sourcePath(const FieldPlan& field, const ItemPlace* place,
                                    const SourcePath* winner) const {
  if (field.source == FieldPlan::Source::Constant) {
    return "(value)";
  }
  if (field.source == FieldPlan::Source::Param) {
    return "(param " + field.param + ")";
  }
  if (winner != nullptr) {
    return sourceInItem(winner->text, place);
  }
  std::string paths;
  const std::string_view separator = field.source == FieldPlan::Source::Concat ? " + " : ", ";
  for (const SourcePath& path : field.from) {
    paths += paths.empty() ? "" : separator;
    paths += sourceInItem(path.text, place);
  }
  return paths;
}

std::string FieldRunner::sourceInItem(std::string_view inner, const ItemPlace* place) const {
  if (place == nullptr) {
    return std::string(inner);
  }
  const std::string each_path = sourceInItem(place->each->each.text, place->parent);
  if (place->each->each.split_on) {
    // A piece is not an element of the source: numbered from 1 like CSV's split cells and
    // XML's elements, and its only path is `.` (the piece itself).
    return each_path + "[" + std::to_string(place->source_index + 1) + "]";
  }
  return format_.itemPath(each_path, place->source_index, inner);
}

} // namespace hotline::mapping
