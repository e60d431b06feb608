#pragma once
// A regular expression compiled once at load (PCRE through Poco::RegularExpression: much
// faster than std::regex and the syntax department IT people know from other tools). Matching
// is const and re-entrant, so one pattern serves every thread.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "hotline/status.h"

namespace Poco {
class RegularExpression;
}

namespace hotline::mapping {

class RegexPattern {
public:
  // UTF-8 mode. InvalidArgument "bad regex "(\d": missing ) at offset 3".
  static Result<std::shared_ptr<const RegexPattern>> compile(const std::string& pattern);
  ~RegexPattern();

  RegexPattern(const RegexPattern&) = delete;
  RegexPattern& operator=(const RegexPattern&) = delete;

  // Number of capturing groups in the pattern.
  size_t groupCount() const { return groups_; }
  const std::string& text() const { return text_; }

  // Whether the pattern matches anywhere in `subject`.
  bool search(const std::string& subject) const;
  // The text `group` captured in the first match; nullopt when nothing matches or the group
  // took no part in the match.
  std::optional<std::string> extract(const std::string& subject, size_t group) const;

private:
  RegexPattern(std::unique_ptr<Poco::RegularExpression> compiled, std::string text, size_t groups);

  std::unique_ptr<Poco::RegularExpression> compiled_;
  std::string text_;
  size_t groups_;
};

// Counts the capturing groups of a PCRE pattern: '(' not escaped, not inside a character
// class, and not "(?" unless a named group "(?<name>", "(?'name'" or "(?P<name>".
size_t countCapturingGroups(std::string_view pattern);

} // namespace hotline::mapping
