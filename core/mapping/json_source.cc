#include "core/mapping/json_source.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/config/json_config_text.h"
#include "core/mapping/unicode_text.h"
#include "hotline/support/json_zero_numbers.h"

namespace hotline::mapping {
namespace {

// A message's DOM lives in one pool: most tickets fit the inline block, so parsing costs a
// couple of allocations rather than one per value.
constexpr size_t kInlinePoolBytes = 16 * 1024;

using Allocator = rapidjson::MemoryPoolAllocator<>;
using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, Allocator>;

const rapidjson::Value& nodeAt(SourceCursor cursor) {
  return *static_cast<const rapidjson::Value*>(cursor.node);
}

std::optional<std::string> readList(const rapidjson::Value& array, Value& out) {
  std::vector<std::string> items;
  items.reserve(array.Size());
  for (const rapidjson::Value& element : array.GetArray()) {
    if (element.IsObject() || element.IsArray()) {
      return std::string("is a list of objects or lists, not a value");
    }
    if (element.IsString() && element.GetStringLength() > 0) {
      items.emplace_back(element.GetString(), element.GetStringLength());
    } else if (element.IsNumber() || element.IsBool()) {
      items.push_back(scalarText(element));
    }
  }
  out.setList(std::move(items));
  return std::nullopt;
}

std::optional<std::string> readNode(const rapidjson::Value& node, Value& out) {
  switch (node.GetType()) {
  case rapidjson::kStringType:
    out.setString(std::string_view(node.GetString(), node.GetStringLength()));
    return std::nullopt;
  case rapidjson::kNumberType:
    out.setNumber(scalarText(node));
    return std::nullopt;
  case rapidjson::kTrueType:
  case rapidjson::kFalseType:
    out.setBool(node.GetBool());
    return std::nullopt;
  case rapidjson::kArrayType:
    return readList(node, out);
  case rapidjson::kObjectType:
    return std::string("is an object, not a value");
  case rapidjson::kNullType:
    break;
  }
  out.clear();
  return std::nullopt;
}

class JsonSourceDocument final : public SourceDocument {
public:
  Status parse(std::string_view input) {
    // Checked whole up front: faster than RapidJSON's validation inside every string, and it
    // covers the bytes outside strings too.
    if (!text::isValidUtf8(input)) {
      return invalidArgument("input is not valid JSON: it is not UTF-8");
    }
    // In-situ parsing keeps strings in this copy instead of allocating each one.
    buffer_.assign(input);
    support::neutraliseScaledZeros(buffer_.data(), buffer_.size());
    constexpr unsigned kFlags = rapidjson::kParseInsituFlag | rapidjson::kParseFullPrecisionFlag |
                                rapidjson::kParseIterativeFlag; // no recursion: deep input is safe
    document_.ParseInsitu<kFlags>(buffer_.data());
    if (!document_.HasParseError()) {
      return Status::ok();
    }
    const config::TextPosition at = config::positionAt(input, document_.GetErrorOffset());
    std::string reason = rapidjson::GetParseError_En(document_.GetParseError());
    if (!reason.empty() && reason.back() == '.') {
      reason.pop_back();
    }
    return invalidArgument("input is not valid JSON: line " + std::to_string(at.line) +
                           ", column " + std::to_string(at.column) + ": " + reason);
  }

  SourceCursor root() const override { return {&document_, 0}; }

  std::optional<std::string> read(const SourcePath& path, SourceCursor at, bool /*all_matches*/,
                                  Value& out) const override {
    const rapidjson::Value* node =
        std::get<JsonPointerPath>(path.steps).resolve(nodeAt(at), params_);
    if (node == nullptr) {
      out.clear();
      return std::nullopt;
    }
    return readNode(*node, out);
  }

  bool exists(const SourcePath& path, SourceCursor at) const override {
    const rapidjson::Value* node =
        std::get<JsonPointerPath>(path.steps).resolve(nodeAt(at), params_);
    return node != nullptr && !node->IsNull();
  }

  void each(const EachSource& each, SourceCursor at,
            std::vector<SourceCursor>& items) const override {
    const rapidjson::Value* node =
        std::get<JsonPointerPath>(each.path->steps).resolve(nodeAt(at), params_);
    if (node == nullptr || node->IsNull()) {
      return;
    }
    if (!node->IsArray()) {
      // Converters from XML often write a one-element list as the element itself.
      items.push_back({node, 0});
      return;
    }
    items.reserve(items.size() + node->Size());
    for (const rapidjson::Value& element : node->GetArray()) {
      items.push_back({&element, 0});
    }
  }

private:
  std::string buffer_;
  char pool_block_[kInlinePoolBytes];
  Allocator allocator_{pool_block_, sizeof(pool_block_)};
  Document document_{&allocator_};
};

class JsonSourceFormat final : public SourceFormat {
public:
  const std::string& name() const override { return name_; }

  Result<SourcePath> compilePath(std::string_view text, bool relative) const override {
    Result<JsonPointerPath> compiled = JsonPointerPath::compile(text, relative);
    if (!compiled) {
      return compiled.status();
    }
    return SourcePath{std::string(text), std::move(compiled).value()};
  }

  Result<std::unique_ptr<SourceDocument>> parse(std::string_view input) const override {
    // `new T` rather than make_unique: value-initialisation would zero the 16 KiB pool block
    // on every message.
    std::unique_ptr<JsonSourceDocument> document(new JsonSourceDocument);
    HOTLINE_RETURN_IF_ERROR(document->parse(input));
    return std::unique_ptr<SourceDocument>(std::move(document));
  }

  std::string itemPath(std::string_view each_path, size_t index,
                       std::string_view inner) const override {
    std::string out(each_path);
    out += "/" + std::to_string(index);
    if (!inner.empty() && inner != ".") {
      out += inner.front() == '/' ? "" : "/";
      out += inner;
    }
    return out;
  }

private:
  std::string name_ = "json";
};

} // namespace

std::unique_ptr<const SourceFormat> makeJsonSourceFormat() {
  return std::make_unique<JsonSourceFormat>();
}

} // namespace hotline::mapping
