#include "core/mapping/regex_pattern.h"

#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>

namespace hotline::mapping {
namespace {

bool opensNamedGroup(std::string_view rest) {
  // `rest` starts just after "(?".
  if (rest.substr(0, 2) == "P<") {
    return true;
  }
  if (rest.empty() || (rest[0] != '<' && rest[0] != '\'')) {
    return false;
  }
  return rest.size() > 1 && rest[1] != '=' && rest[1] != '!'; // not a look-behind
}

} // namespace

size_t countCapturingGroups(std::string_view pattern) {
  size_t groups = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (pattern.substr(i + 1, 1) == "Q") { // \Q...\E is literal text
        const size_t end = pattern.find("\\E", i + 2);
        i = end == std::string_view::npos ? pattern.size() : end + 1;
      } else {
        ++i;
      }
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      // A ']' right after '[' or '[^' is a literal member, not the end of the class.
      if (pattern.substr(i + 1, 1) == "^") {
        ++i;
      }
      if (pattern.substr(i + 1, 1) == "]") {
        ++i;
      }
    } else if (c == '(') {
      const bool special = pattern.substr(i + 1, 1) == "?";
      groups += !special || opensNamedGroup(pattern.substr(i + 2)) ? 1 : 0;
    }
  }
  return groups;
}

Result<std::shared_ptr<const RegexPattern>> RegexPattern::compile(const std::string& pattern) {
  try {
    auto compiled =
        std::make_unique<Poco::RegularExpression>(pattern, Poco::RegularExpression::RE_UTF8);
    return std::shared_ptr<const RegexPattern>(
        new RegexPattern(std::move(compiled), pattern, countCapturingGroups(pattern)));
  } catch (const Poco::Exception& error) {
    return invalidArgument("bad regex \"" + pattern + "\": " + error.message());
  }
}

RegexPattern::RegexPattern(std::unique_ptr<Poco::RegularExpression> compiled, std::string text,
                           size_t groups)
    : compiled_(std::move(compiled)), text_(std::move(text)), groups_(groups) {}

RegexPattern::~RegexPattern() = default;

bool RegexPattern::search(const std::string& subject) const {
  try {
    Poco::RegularExpression::Match match;
    return compiled_->match(subject, 0, match) > 0;
  } catch (const Poco::Exception&) {
    return false; // a match-limit error on hostile input counts as no match
  }
}

std::optional<std::string> RegexPattern::extract(const std::string& subject, size_t group) const {
  try {
    Poco::RegularExpression::MatchVec matches;
    if (compiled_->match(subject, 0, matches) <= 0 || group >= matches.size() ||
        matches[group].offset == std::string::npos) {
      return std::nullopt;
    }
    return subject.substr(matches[group].offset, matches[group].length);
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

} // namespace hotline::mapping
