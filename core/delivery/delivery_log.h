#pragma once
// Where the dispatcher writes delivery outcomes (DeliveryRecords). In the gateway they go to
// the group committer, the store's one writer, and ride in its transactions
// (pipeline::GroupCommitter::addDelivery); DeliveryRecorder is the stand-alone
// implementation with a thread of its own, for a dispatcher used without a committer.
//
// Thread safety: add() and stats() from any thread.

#include "core/store/store.h"

#include <cstddef>
#include <cstdint>

namespace hotline::delivery {

struct RecorderStats {
  uint64_t written = 0;
  uint64_t batches = 0;
  uint64_t failures = 0; // failed writes (each retried)
  uint64_t refused = 0;  // records the store refused for good (row not pending any more)
  size_t pending = 0;
};

class DeliveryLog {
public:
  virtual ~DeliveryLog() = default;
  // Records of one row must be written in the order they were added.
  virtual void add(store::DeliveryRecord record) = 0;
  virtual RecorderStats stats() const = 0;
};

} // namespace hotline::delivery
