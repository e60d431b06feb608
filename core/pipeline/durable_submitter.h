#pragma once
// The durable submit path (DESIGN.md §4): map, validate, de-duplicate, and commit through
// the group committer; answer only once the message, its links, its outbox rows and its
// audit record are in the store. Mapping and schema validation run on the caller's thread
// (in parallel); lifecycle, de-duplication and the write run on the committer thread.
//
// Thread safety: submit() is called concurrently from many server threads.

#include "core/pipeline/group_committer.h"
#include "core/pipeline/mapper.h"
#include "core/pipeline/submitter.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace hotline::pipeline {

class DurableSubmitter : public Submitter {
public:
  using Clock = std::function<int64_t()>; // Unix milliseconds

  DurableSubmitter(Mapper& mapper, GroupCommitter& committer, Clock clock = {});

  Result<SubmitOutcome> submit(const InboundMessage& message) override;

  // Messages refused before reaching the committer (mapping / validation).
  uint64_t refusedEarly() const { return refused_early_.load(); }

private:
  Result<PendingSubmit> prepare(const InboundMessage& message);

  Mapper& mapper_;
  GroupCommitter& committer_;
  Clock clock_;
  std::atomic<uint64_t> refused_early_{0};
};

} // namespace hotline::pipeline
