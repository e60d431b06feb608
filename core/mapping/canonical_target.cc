#include "core/mapping/canonical_target.h"

#include "core/mapping/mapping_keys.h"

namespace hotline::mapping {
namespace {

// Personal members of the canonical model (schema "(personal)" descriptions, plus the
// address text the schema leaves unmarked) and how each is masked.
std::string maskKeyFor(const CanonicalPath& path, const SchemaNode& node) {
  const size_t count = path.steps.size();
  const std::string_view last = count == 0 ? std::string_view() : path.steps[count - 1].name;
  const std::string_view parent = count < 2 ? std::string_view() : path.steps[count - 2].name;
  if (parent == "address" && last == "text") {
    return "address";
  }
  if (!node.personal) {
    return {};
  }
  return last == "name" ? "name" : "phone"; // name; phone, contact_phone, caller
}

class CanonicalWalk {
public:
  CanonicalWalk(std::string_view path_text, std::string_view kind, bool reading)
      : path_text_(path_text), kind_(kind), reading_(reading) {}

  Status step(const JsonPointerStep& step, CanonicalPath& out) {
    const SchemaNode& node = *out.node;
    switch (node.type) {
    case SchemaNode::Type::Object:
      return member(step, node, out);
    case SchemaNode::Type::Array:
      return item(step, node, out);
    case SchemaNode::Type::Any:
      out.steps.push_back(anyStep(step));
      return Status::ok();
    default:
      return notIn(describeSchemaType(node) + " has no members (\"" + label(step) + "\")");
    }
  }

private:
  Status member(const JsonPointerStep& step, const SchemaNode& node, CanonicalPath& out) {
    const size_t index = node.propertyIndex(step.name);
    if (node.open && index == node.properties.size() &&
        step.kind != JsonPointerStep::Kind::Filter) {
      // Free-form members (an event's data) take anything, in the mapping's order.
      out.steps.push_back(anyStep(step));
      out.node = &anyNode();
      return Status::ok();
    }
    if (step.kind == JsonPointerStep::Kind::Filter || index == node.properties.size()) {
      const std::string where = parent_.empty() ? "it" : parent_;
      return notIn(where + " has no member \"" + label(step) + "\"" +
                   didYouMean(step.name, node.propertyNames()));
    }
    out.steps.push_back(TargetStep{TargetStep::Kind::Member, step.name, 0, index});
    out.node = node.properties[index].second;
    parent_ = step.name;
    return Status::ok();
  }

  Status item(const JsonPointerStep& step, const SchemaNode& node, CanonicalPath& out) {
    const bool filter = step.kind == JsonPointerStep::Kind::Filter;
    if ((!filter && !step.index) || (filter && !reading_)) {
      const std::string list = parent_.empty() ? "the list" : parent_;
      return notIn(list + " is a list: name an item by number (" + list + "/0/...)" +
                   (reading_ ? ", by a filter ([system=...])" : "") + " or use each");
    }
    out.steps.push_back(TargetStep{TargetStep::Kind::Index, {}, step.index.value_or(0), {}});
    out.node = node.items;
    return Status::ok();
  }

  static const SchemaNode& anyNode() {
    static const SchemaNode kAny; // Type::Any
    return kAny;
  }

  static TargetStep anyStep(const JsonPointerStep& step) {
    // Inside free-form data (an event's `data`), a number is an item as everywhere else.
    if (step.index) {
      return TargetStep{TargetStep::Kind::Index, {}, *step.index, {}};
    }
    return TargetStep{TargetStep::Kind::Member, step.name, 0, {}};
  }

  static std::string label(const JsonPointerStep& step) {
    return step.kind == JsonPointerStep::Kind::Filter
               ? "[" + step.filter_key + "=" + step.filter_value + "]"
               : step.name;
  }

  Status notIn(const std::string& why) const {
    return invalidArgument(std::string(path_text_) + " is not in the canonical " +
                           std::string(kind_) + ": " + why);
  }

  std::string_view path_text_;
  std::string_view kind_;
  bool reading_;
  std::string parent_;
};

} // namespace

Result<CanonicalPath> resolveCanonicalPath(const SchemaNode& start, const JsonPointerPath& path,
                                           std::string_view path_text, std::string_view kind,
                                           bool reading) {
  CanonicalPath out;
  out.node = &start;
  CanonicalWalk walk(path_text, kind, reading);
  for (const JsonPointerStep& step : path.steps()) {
    HOTLINE_RETURN_IF_ERROR(walk.step(step, out));
  }
  out.mask_key = maskKeyFor(out, *out.node);
  return out;
}

} // namespace hotline::mapping
