#pragma once
// The mapping step of the submit path: a peer's payload -> canonical ticket or event. The
// mapping engine (DESIGN.md §6) implements it from mapping files; until it lands,
// CanonicalMapper reads canonical JSON as it is.

#include "core/model/records.h"
#include "core/model/ticket.h"
#include "core/model/ticket_event.h"
#include "core/pipeline/submitter.h"
#include "hotline/status.h"

#include <optional>

namespace hotline::pipeline {

// Exactly one of ticket / event is set.
// Exactly one member is set.
struct MappedMessage {
  std::optional<model::Ticket> ticket;
  std::optional<model::TicketEvent> event;
  std::optional<model::KnowledgeArticle> knowledge; // 知识库 article shared between platforms
};

// Thread safety: map() is called concurrently from many server threads.
class Mapper {
public:
  virtual ~Mapper() = default;
  // InvalidArgument listing every problem (with paths, personal values masked).
  virtual Result<MappedMessage> map(const InboundMessage& message) = 0;
};

// Canonical JSON in, canonical model out: kinds "ticket" and "event", application/json only.
class CanonicalMapper : public Mapper {
public:
  Result<MappedMessage> map(const InboundMessage& message) override;
};

} // namespace hotline::pipeline
