#include "core/model/decode_issue.h"

#include <utility>

namespace hotline::model {
namespace {

// Enough to fix a document in one go without letting a hostile one produce a huge message.
constexpr size_t kMaxListedIssues = 50;

} // namespace

Status decodeIssuesStatus(std::string_view what, const std::vector<DecodeIssue>& issues) {
  std::string message = "invalid " + std::string(what) + " (" + std::to_string(issues.size()) +
                        (issues.size() == 1 ? " problem): " : " problems): ");
  for (size_t i = 0; i < issues.size() && i < kMaxListedIssues; ++i) {
    if (i > 0) {
      message += "; ";
    }
    message += issues[i].path.empty() ? std::string("(document)") : issues[i].path;
    message += ": ";
    message += issues[i].reason;
  }
  if (issues.size() > kMaxListedIssues) {
    message += "; and " + std::to_string(issues.size() - kMaxListedIssues) + " more";
  }
  return invalidArgument(std::move(message));
}

} // namespace hotline::model
