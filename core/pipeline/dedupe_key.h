#pragma once
// The de-duplication key of an inbound message (DESIGN.md §4): the source (connector
// instance) plus the peer's message id, or plus a SHA-256 of the body when the peer sends no
// id. The same message from two different sources is two messages.

#include "core/pipeline/submitter.h"

#include <string>

namespace hotline::pipeline {

// source + "\n" + the peer's message id, or source + "\nsha256:" + hex digest of the body.
std::string dedupeKey(const InboundMessage& message);

} // namespace hotline::pipeline
