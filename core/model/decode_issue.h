#pragma once
// One problem a strict decoder found in a document, located by its JSON Pointer. Decoders
// collect every problem before failing, so a peer sees all of its mistakes in one answer.

#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::model {

struct DecodeIssue {
  std::string path;   // JSON Pointer (RFC 6901); "" is the document itself
  std::string reason; // never contains the value of a personal field

  bool operator==(const DecodeIssue&) const = default;
};

// InvalidArgument "invalid <what> (2 problems): /requester/phone: expected string, got number;
// /urgency: \"asap\" is not one of normal, urgent, critical". The first 50 are listed.
Status decodeIssuesStatus(std::string_view what, const std::vector<DecodeIssue>& issues);

} // namespace hotline::model
