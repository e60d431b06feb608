#pragma once
// A bounded memory of the outbox ids the dispatcher finished recently, so that a row that
// reaches it twice (the safety poll adopted it before the submit path's enqueue() arrived)
// is not sent twice. Oldest ids are forgotten first.
//
// Thread safety: none; used under the dispatcher's lock.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <unordered_set>

namespace hotline::delivery {

class RecentIds {
public:
  explicit RecentIds(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  void remember(int64_t id) {
    if (!ids_.insert(id).second) {
      return;
    }
    order_.push_back(id);
    while (order_.size() > capacity_) {
      ids_.erase(order_.front());
      order_.pop_front();
    }
  }
  void forget(int64_t id) { ids_.erase(id); }
  bool contains(int64_t id) const { return ids_.count(id) != 0; }

private:
  size_t capacity_;
  std::deque<int64_t> order_;
  std::unordered_set<int64_t> ids_;
};

} // namespace hotline::delivery
