#pragma once
// A value on its way from a source path to a target field. Values are text while transforms
// run; `number`, `bool` and `split` change the kind. Canonical JSON has no empty strings, so
// an empty text is no value at all (Empty), and so is a list without items.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::mapping {

enum class ValueKind : uint8_t { Empty, String, Number, Bool, List };

struct Value {
  ValueKind kind = ValueKind::Empty;
  std::string text;               // String: the text; Number: JSON number text; Bool: true/false
  std::vector<std::string> items; // List: non-empty strings

  bool empty() const { return kind == ValueKind::Empty; }
  bool isList() const { return kind == ValueKind::List; }

  void clear() {
    kind = ValueKind::Empty;
    text.clear();
    items.clear();
  }
  // Sets a string; an empty one makes the value Empty.
  void setString(std::string_view new_text) {
    text.assign(new_text);
    items.clear();
    kind = text.empty() ? ValueKind::Empty : ValueKind::String;
  }
  void setString(std::string&& new_text) {
    text = std::move(new_text);
    items.clear();
    kind = text.empty() ? ValueKind::Empty : ValueKind::String;
  }
  // Makes the value a String of its current text (Empty when the text is empty): for
  // transforms that edit `text` in place.
  void keepTextAsString() {
    items.clear();
    kind = text.empty() ? ValueKind::Empty : ValueKind::String;
  }
  void setNumber(std::string json_number) {
    text = std::move(json_number);
    items.clear();
    kind = ValueKind::Number;
  }
  void setBool(bool flag) {
    text = flag ? "true" : "false";
    items.clear();
    kind = ValueKind::Bool;
  }
  // Takes the non-empty items; none makes the value Empty.
  void setList(std::vector<std::string> new_items) {
    items = std::move(new_items);
    text.clear();
    kind = items.empty() ? ValueKind::Empty : ValueKind::List;
  }
};

// "[a, b]" for a list, the text otherwise ("" for Empty): for --explain and error messages.
std::string displayText(const Value& value);

} // namespace hotline::mapping
