#pragma once
// `each` over the pieces of one text (JSON and XML sources, `{"from": path, "split": ",、"}`):
// a department that sends its co-handling units as "县住建局、县自然资源局" gets one item per
// unit. The pieces are split once per message; inside an item the only path is `.`, which
// reads the piece, so the items run against a TextPiecesDocument instead of the payload.

#include <string>
#include <vector>

#include "core/mapping/source_document.h"
#include "core/mapping/value.h"

namespace hotline::mapping {

// The pieces of `value` as the split transform makes them: trimmed, empty ones dropped. A list
// (a JSON array of strings) gives the pieces of each of its items, in order.
std::vector<std::string> splitIntoPieces(const Value& value,
                                         const std::vector<char32_t>& separators);

// The source the items of such an `each` read: a cursor is one piece (a std::string the
// caller keeps alive for the run of the items), and `.` is its text. The compiler refuses
// every other path, and nested `each`, inside these items.
class TextPiecesDocument final : public SourceDocument {
public:
  static SourceCursor cursorOf(const std::string& piece) { return {&piece, 0}; }

  SourceCursor root() const override { return {}; }
  std::optional<std::string> read(const SourcePath& path, SourceCursor at, bool all_matches,
                                  Value& out) const override;
  bool exists(const SourcePath& path, SourceCursor at) const override;
  void each(const EachSource& each, SourceCursor at,
            std::vector<SourceCursor>& items) const override;
};

} // namespace hotline::mapping
