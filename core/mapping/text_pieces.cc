#include "core/mapping/text_pieces.h"

#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

const std::string& pieceAt(SourceCursor cursor) {
  return *static_cast<const std::string*>(cursor.node);
}

void appendPieces(std::string_view text, const std::vector<char32_t>& separators,
                  std::vector<std::string>& pieces) {
  for (std::string& piece : text::splitOnAny(text, separators)) {
    pieces.push_back(std::move(piece));
  }
}

} // namespace

std::vector<std::string> splitIntoPieces(const Value& value,
                                         const std::vector<char32_t>& separators) {
  std::vector<std::string> pieces;
  if (!value.isList()) {
    appendPieces(value.text, separators, pieces);
    return pieces;
  }
  for (const std::string& item : value.items) {
    appendPieces(item, separators, pieces);
  }
  return pieces;
}

std::optional<std::string> TextPiecesDocument::read(const SourcePath& /*path: always `.`*/,
                                                    SourceCursor at, bool /*all_matches*/,
                                                    Value& out) const {
  out.setString(std::string_view(pieceAt(at)));
  return std::nullopt;
}

bool TextPiecesDocument::exists(const SourcePath& /*path: always `.`*/, SourceCursor at) const {
  return !pieceAt(at).empty();
}

void TextPiecesDocument::each(const EachSource& /*each*/, SourceCursor /*at*/,
                              std::vector<SourceCursor>& /*items*/) const {
  // Unreachable: the compiler refuses an `each` inside the items of a split text.
}

} // namespace hotline::mapping
