#pragma once
// Every problem of one message, collected while a plan runs so the peer (or the operator
// running `mapping test`) sees them all at once, one per line:
//   mappings/dept/ticket.json: /created_at from /createTime: "2024-13-45 10:00" matches none
//   of the date formats (yyyy-MM-dd HH:mm:ss, epoch_ms)

#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::mapping {

class RunErrors {
public:
  explicit RunErrors(const std::string& file) : file_(file) {}

  // `quoted_value` is already masked and quoted ("" when the reason stands alone).
  void add(std::string_view to, std::string_view source, std::string_view quoted_value,
           std::string_view reason);

  bool empty() const { return total_ == 0; }
  // InvalidArgument, one line per problem; beyond a limit the rest are counted, not listed,
  // so that a hostile message cannot make an error of unbounded size.
  Status status() const;

private:
  static constexpr size_t kMaxListed = 50;

  const std::string& file_;
  std::vector<std::string> lines_;
  size_t total_ = 0;
};

} // namespace hotline::mapping
