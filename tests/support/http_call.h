#pragma once
// One HTTP request from a test to a process on loopback (POCO's client); a failed
// connection is status 0, so tests can poll a server that is starting or restarting.

#include <string>
#include <utility>
#include <vector>

namespace hotline::testing {

struct HttpReply {
  int status = 0; // 0 = no answer (connection refused, reset, timeout)
  std::string body;
};

HttpReply httpCall(uint16_t port, const std::string& method, const std::string& path,
                   const std::string& body = "",
                   const std::vector<std::pair<std::string, std::string>>& headers = {});

// The "ticket_id" member of a gateway answer, or "" when there is none.
std::string ticketIdOf(const std::string& body);

} // namespace hotline::testing
