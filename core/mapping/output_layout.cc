#include "core/mapping/output_layout.h"

#include <algorithm>

#include "core/mapping/json_output_writer.h"

namespace hotline::mapping {
namespace {

std::string describeStep(const TargetStep& step) {
  return step.kind == TargetStep::Kind::Index ? std::to_string(step.index) : step.name;
}

std::string_view shapeName(LayoutNode::Shape shape) {
  switch (shape) {
  case LayoutNode::Shape::Object:
    return "an object";
  case LayoutNode::Shape::Array:
    return "a list";
  case LayoutNode::Shape::Value:
    return "a value";
  case LayoutNode::Shape::Group:
    return "a repeated element";
  }
  return "something else";
}

} // namespace

OutputLayout::OutputLayout(Style style) : style_(style) {
  nodes_.emplace_back(); // the root
}

std::optional<uint32_t> OutputLayout::findChild(uint32_t parent, const TargetStep& step) const {
  for (uint32_t child : nodes_[parent].children) {
    const LayoutNode& node = nodes_[child];
    if (node.shape == LayoutNode::Shape::Group) {
      continue; // each group is its own; a path never continues into one
    }
    const bool same = step.kind == TargetStep::Kind::Index
                          ? node.array_item && node.array_index == step.index
                          : !node.array_item && node.name == step.name &&
                                node.attribute == (step.kind == TargetStep::Kind::Attribute);
    if (same) {
      return child;
    }
  }
  return std::nullopt;
}

uint32_t OutputLayout::addChild(uint32_t parent, const TargetStep& step, LayoutNode::Shape shape) {
  LayoutNode node;
  node.shape = shape;
  node.name = step.kind == TargetStep::Kind::Index ? std::string() : step.name;
  node.attribute = step.kind == TargetStep::Kind::Attribute;
  node.array_item = step.kind == TargetStep::Kind::Index;
  node.array_index = step.index;
  node.order =
      step.kind == TargetStep::Kind::Index ? step.index : step.schema_order.value_or(insertions_);
  ++insertions_;
  const auto index = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(std::move(node));
  nodes_[parent].children.push_back(index);
  return index;
}

Status OutputLayout::shapeRootFor(const TargetStep& step) {
  // A JSON document (or an item of `each`) is an object unless its paths start with a number.
  LayoutNode& root = nodes_[0];
  const bool list = step.kind == TargetStep::Kind::Index;
  if (root.children.empty() && root.slot < 0) {
    root.shape = list ? LayoutNode::Shape::Array : LayoutNode::Shape::Object;
    return Status::ok();
  }
  if ((root.shape == LayoutNode::Shape::Array) != list) {
    return invalidArgument("the document is " + std::string(shapeName(root.shape)) +
                           " in another field, " + (list ? "a list" : "an object") + " here");
  }
  return Status::ok();
}

Result<uint32_t> OutputLayout::container(uint32_t parent, const TargetStep& step,
                                         LayoutNode::Shape shape) {
  if (parent == 0 && style_ == Style::Json) {
    HOTLINE_RETURN_IF_ERROR(shapeRootFor(step));
  }
  if (std::optional<uint32_t> existing = findChild(parent, step)) {
    if (nodes_[*existing].shape != shape) {
      return invalidArgument("\"" + describeStep(step) + "\" is " +
                             std::string(shapeName(nodes_[*existing].shape)) +
                             " in another field, " + std::string(shapeName(shape)) + " here");
    }
    return *existing;
  }
  if (nodes_[parent].shape == LayoutNode::Shape::Value) {
    return invalidArgument("another field writes a value where this one needs \"" +
                           describeStep(step) + "\" inside it");
  }
  return addChild(parent, step, shape);
}

// Walks (creating) every step but the last: each is an object (an XML element), or a list
// when the next step is a number.
Result<uint32_t> OutputLayout::parentOfLast(const std::vector<TargetStep>& steps) {
  uint32_t current = 0;
  for (size_t i = 0; i + 1 < steps.size(); ++i) {
    const bool list = steps[i + 1].kind == TargetStep::Kind::Index;
    Result<uint32_t> next =
        container(current, steps[i], list ? LayoutNode::Shape::Array : LayoutNode::Shape::Object);
    if (!next) {
      return next.status();
    }
    current = *next;
  }
  return current;
}

Result<int> OutputLayout::addValue(const std::vector<TargetStep>& steps, bool cdata) {
  if (steps.empty()) {
    // The whole item of a group (an `each` into a list of strings, or an element's text).
    if (nodes_[0].slot < 0) {
      nodes_[0].slot = static_cast<int>(slot_count_++);
      nodes_[0].shape = style_ == Style::Json ? LayoutNode::Shape::Value : nodes_[0].shape;
    }
    nodes_[0].cdata = nodes_[0].cdata || cdata;
    return nodes_[0].slot;
  }
  Result<uint32_t> parent = parentOfLast(steps);
  if (!parent) {
    return parent.status();
  }
  // An XML element holds its text in its own slot; a JSON member or an attribute is a Value.
  const bool element = style_ == Style::Xml && steps.back().kind != TargetStep::Kind::Attribute;
  Result<uint32_t> node = container(*parent, steps.back(),
                                    element ? LayoutNode::Shape::Object : LayoutNode::Shape::Value);
  if (!node) {
    return node.status();
  }
  LayoutNode& target = nodes_[*node];
  if (target.slot < 0) {
    target.slot = static_cast<int>(slot_count_++);
  }
  target.cdata = target.cdata || cdata;
  return target.slot;
}

Result<int> OutputLayout::addGroup(const std::vector<TargetStep>& steps) {
  if (steps.empty()) {
    return invalidArgument("each needs a target path");
  }
  uint32_t parent = 0;
  if (style_ == Style::Json) {
    // JSON: the whole path names the list; the group is its content.
    Result<uint32_t> walked = parentOfLast(steps);
    if (!walked) {
      return walked.status();
    }
    Result<uint32_t> list = container(*walked, steps.back(), LayoutNode::Shape::Array);
    if (!list) {
      return list.status();
    }
    parent = *list;
  } else {
    Result<uint32_t> walked = parentOfLast(steps);
    if (!walked) {
      return walked.status();
    }
    parent = *walked;
  }
  const uint32_t node = addChild(parent, steps.back(), LayoutNode::Shape::Group);
  nodes_[node].array_item = false;
  nodes_[node].name = style_ == Style::Xml ? steps.back().name : std::string();
  nodes_[node].group = static_cast<int>(groups_.size());
  groups_.push_back(std::make_unique<OutputLayout>(style_));
  if (style_ == Style::Xml) {
    groups_.back()->nodes_[0].name = steps.back().name; // the repeated element itself
  }
  return nodes_[node].group;
}

void OutputLayout::finish() {
  for (LayoutNode& node : nodes_) {
    if (style_ == Style::Json && !node.array_item && node.shape != LayoutNode::Shape::Group) {
      appendJsonString(node.json_key, node.name);
      node.json_key += ':';
    }
    std::stable_sort(node.children.begin(), node.children.end(), [this](uint32_t a, uint32_t b) {
      const LayoutNode& left = nodes_[a];
      const LayoutNode& right = nodes_[b];
      const bool left_group = left.shape == LayoutNode::Shape::Group;
      const bool right_group = right.shape == LayoutNode::Shape::Group;
      if (style_ == Style::Json && left_group != right_group) {
        return right_group; // a list's numbered items come before the items of `each`
      }
      return left.order < right.order;
    });
  }
  for (auto& group : groups_) {
    group->finish();
  }
}

bool OutputState::hasContent() const {
  for (const Value& value : slots) {
    if (!value.empty()) {
      return true;
    }
  }
  for (const auto& items : groups) {
    if (!items.empty()) {
      return true;
    }
  }
  return false;
}

} // namespace hotline::mapping
