#pragma once
// The shape of a plan's output, fixed at load: every target path becomes a node of this tree
// and every written value a numbered slot. A run only fills slots (and the items of `each`
// groups); the writers then walk the tree once. Nothing about the output's structure is
// decided, allocated or parsed per message.
//
// JSON: the root is the document's object; a numeric step makes an array item. XML: the root
// is a document node whose one child is the root element; elements may carry a text slot and
// attributes. A Group is the repeated output of an `each`: JSON array items, or XML sibling
// elements, each laid out by the group's own OutputLayout.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/mapping/value.h"
#include "hotline/status.h"

namespace hotline::mapping {

struct LayoutNode {
  enum class Shape : uint8_t { Object, Array, Value, Group };

  Shape shape = Shape::Object;
  std::string name;       // member, element ("d:Ticket") or attribute name; "" for array items
  bool attribute = false; // XML: an attribute of the parent element (a Value)
  bool cdata = false;     // XML: the element's text is written as a CDATA section
  bool array_item = false;
  size_t array_index = 0;         // array items: the numeric step that made them
  int slot = -1;                  // Value: its slot; XML element: its text, if any
  int group = -1;                 // Group: index into OutputLayout::groups
  std::vector<uint32_t> children; // in output order once finished
  size_t order = 0;               // sort key among siblings
  std::string json_key;           // JSON members: "\"name\":", escaped once at finish()
};

// One step of a target path, as the compiler resolved it.
struct TargetStep {
  enum class Kind { Member, Index, Attribute };
  Kind kind = Kind::Member;
  std::string name;                   // Member / Attribute (XML: qualified)
  size_t index = 0;                   // Index
  std::optional<size_t> schema_order; // canonical targets: the member's place in the schema
};

class OutputLayout {
public:
  enum class Style { Json, Xml };

  explicit OutputLayout(Style style);

  // The slot a field writes to `steps` (the same slot for the same path: a later field
  // overwrites an earlier one). InvalidArgument when the path conflicts with another, e.g. a
  // value where another field builds an object.
  Result<int> addValue(const std::vector<TargetStep>& steps, bool cdata);
  // A new group for an `each` writing to `steps` (JSON: the array; XML: the repeated
  // element); its items are laid out by group(index).
  Result<int> addGroup(const std::vector<TargetStep>& steps);

  // Sorts every node's children into output order (schema order, else first appearance;
  // array items by index, then groups). Call once when every field is added.
  void finish();

  Style style() const { return style_; }
  const LayoutNode& node(uint32_t index) const { return nodes_[index]; }
  const LayoutNode& root() const { return nodes_[0]; }
  uint32_t nodeCount() const { return static_cast<uint32_t>(nodes_.size()); }
  size_t slotCount() const { return slot_count_; }
  size_t groupCount() const { return groups_.size(); }
  const OutputLayout& group(int index) const { return *groups_[static_cast<size_t>(index)]; }
  OutputLayout& group(int index) { return *groups_[static_cast<size_t>(index)]; }

private:
  Status shapeRootFor(const TargetStep& step);
  Result<uint32_t> container(uint32_t parent, const TargetStep& step, LayoutNode::Shape shape);
  std::optional<uint32_t> findChild(uint32_t parent, const TargetStep& step) const;
  uint32_t addChild(uint32_t parent, const TargetStep& step, LayoutNode::Shape shape);
  Result<uint32_t> parentOfLast(const std::vector<TargetStep>& steps);

  Style style_;
  std::vector<LayoutNode> nodes_;
  size_t slot_count_ = 0;
  size_t insertions_ = 0;
  std::vector<std::unique_ptr<OutputLayout>> groups_;
};

// What one run writes into a layout: a value per slot and the items of each group.
struct OutputState {
  std::vector<Value> slots;
  std::vector<std::vector<OutputState>> groups;

  void prepare(const OutputLayout& layout) {
    slots.resize(layout.slotCount());
    groups.resize(layout.groupCount());
  }
  // Whether anything at all was written (an item that ends up empty is skipped).
  bool hasContent() const;
};

} // namespace hotline::mapping
