#pragma once
// Every problem of one mapping file, collected while compiling so that an author sees them
// all at once, each on its own line:
//   mappings/dept/ticket.json: fields[3] (to /created_at): transforms[0]: unknown transform
//   "datee" (did you mean "date"?)

#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::mapping {

class LoadErrors {
public:
  explicit LoadErrors(std::string file) : file_(std::move(file)) {}

  // `where` locates the problem inside the file ("fields[3] (to /created_at): transforms[0]",
  // empty for the top level); `reason` says what is wrong and, where it can, what to do.
  void add(std::string_view where, std::string_view reason);

  bool empty() const { return lines_.empty(); }
  size_t count() const { return lines_.size(); }
  const std::string& file() const { return file_; }
  // InvalidArgument with one line per problem.
  Status status() const;

private:
  std::string file_;
  std::vector<std::string> lines_;
};

// "fields[3] (to /created_at)" appended to `where` ("fields[2] (to /assignments): fields[0]
// (to seq)" inside an `each`).
std::string fieldLocation(std::string_view where, size_t index, std::string_view to);
// `where` + ": " + `part`, or `part` alone at the top level.
std::string joinLocation(std::string_view where, std::string_view part);

} // namespace hotline::mapping
