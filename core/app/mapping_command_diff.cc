#include "core/app/mapping_command_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hotline::app {
namespace {

// A longest-common-subsequence table of more cells than this is not built (16 MB); the
// changed middle is then shown as removed and added as a whole.
constexpr size_t kMaxTableCells = 4'000'000;

enum class Op { Keep, Remove, Add };

// One line of the edit script. `a` is the line's index in the expected text (for Add: the
// number of expected lines before it), `b` the same in the actual text.
struct Edit {
  Op op;
  size_t a;
  size_t b;
};

using Lines = std::vector<std::string_view>;

Lines splitLines(std::string_view text) {
  Lines lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Minimal edits turning a[a0, a1) into b[b0, b1), appended to `edits`.
void diffMiddle(const Lines& a, size_t a0, size_t a1, const Lines& b, size_t b0, size_t b1,
                std::vector<Edit>& edits) {
  const size_t n = a1 - a0;
  const size_t m = b1 - b0;
  if ((n + 1) * (m + 1) > kMaxTableCells) {
    for (size_t i = a0; i < a1; ++i) {
      edits.push_back({Op::Remove, i, b0});
    }
    for (size_t j = b0; j < b1; ++j) {
      edits.push_back({Op::Add, a1, j});
    }
    return;
  }
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of a[a0 + i..] and b[b0 + j..].
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i * (m + 1) + j] = a[a0 + i] == b[b0 + j]
                                 ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                                 : std::max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[a0 + i] == b[b0 + j]) {
      edits.push_back({Op::Keep, a0 + i++, b0 + j++});
    } else if (i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
      edits.push_back({Op::Remove, a0 + i++, b0 + j}); // removals first, as diff -u shows them
    } else {
      edits.push_back({Op::Add, a0 + i, b0 + j++});
    }
  }
}

std::vector<Edit> editScript(const Lines& a, const Lines& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < prefix; ++i) {
    edits.push_back({Op::Keep, i, i});
  }
  diffMiddle(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, edits);
  for (size_t k = suffix; k > 0; --k) {
    edits.push_back({Op::Keep, a.size() - k, b.size() - k});
  }
  return edits;
}

// "@@ -3,7 +3,6 @@" for edits[first, last).
std::string hunkHeader(const std::vector<Edit>& edits, size_t first, size_t last) {
  size_t a_count = 0;
  size_t b_count = 0;
  for (size_t k = first; k < last; ++k) {
    a_count += edits[k].op != Op::Add ? 1 : 0;
    b_count += edits[k].op != Op::Remove ? 1 : 0;
  }
  // As diff -u: a range is its first line (1-based), or the line before it when empty.
  const size_t a_start = edits[first].a + (a_count > 0 ? 1 : 0);
  const size_t b_start = edits[first].b + (b_count > 0 ? 1 : 0);
  return "@@ -" + std::to_string(a_start) + "," + std::to_string(a_count) + " +" +
         std::to_string(b_start) + "," + std::to_string(b_count) + " @@\n";
}

void appendHunk(const std::vector<Edit>& edits, size_t first, size_t last, const Lines& a,
                const Lines& b, std::string& out) {
  out += hunkHeader(edits, first, last);
  for (size_t k = first; k < last; ++k) {
    const Edit& edit = edits[k];
    switch (edit.op) {
    case Op::Keep:
      out.append(" ").append(a[edit.a]);
      break;
    case Op::Remove:
      out.append("-").append(a[edit.a]);
      break;
    case Op::Add:
      out.append("+").append(b[edit.b]);
      break;
    }
    out += "\n";
  }
}

} // namespace

std::string unifiedDiff(std::string_view expected, std::string_view actual,
                        std::string_view expected_label, std::string_view actual_label,
                        int context) {
  const Lines a = splitLines(expected);
  const Lines b = splitLines(actual);
  const std::vector<Edit> edits = editScript(a, b);
  const size_t reach = static_cast<size_t>(std::max(context, 0));

  std::string out;
  size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].op == Op::Keep) {
      ++k;
      continue;
    }
    // A hunk: from `reach` lines before this change to `reach` lines after the last change
    // that is no more than 2 * reach unchanged lines away from the one before it.
    const size_t first = k >= reach ? k - reach : 0;
    size_t last_change = k;
    size_t scan = k + 1;
    while (scan < edits.size()) {
      if (edits[scan].op != Op::Keep) {
        last_change = scan;
      } else if (scan - last_change > 2 * reach) {
        break;
      }
      ++scan;
    }
    const size_t last = std::min(edits.size(), last_change + reach + 1);
    if (out.empty()) {
      out.append("--- ").append(expected_label).append("\n");
      out.append("+++ ").append(actual_label).append("\n");
    }
    appendHunk(edits, first, last, a, b, out);
    k = last;
  }
  return out;
}

} // namespace hotline::app
