#pragma once
// A line diff in the unified format (`diff -u`), for showing how a mapping's output differs
// from the expected document: `hotline-gateway mapping test --expect` and the golden tests of
// mappings/ print it. Meant for documents of a few thousand lines at most; beyond that the
// changed middle is shown as one block instead of a minimal diff.

#include <string>
#include <string_view>

namespace hotline::app {

// "--- <expected_label>\n+++ <actual_label>\n@@ -3,7 +3,7 @@\n  ...\n-old\n+new\n ..." with
// `context` unchanged lines around each change; "" when the two texts are equal.
std::string unifiedDiff(std::string_view expected, std::string_view actual,
                        std::string_view expected_label, std::string_view actual_label,
                        int context = 3);

} // namespace hotline::app
