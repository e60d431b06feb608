#include "simulators/common/in_flight_requests.h"

namespace hotline::sim {

void InFlightRequests::install(httplib::Server& server) {
  server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
    std::lock_guard<std::mutex> lock(mutex_);
    remotes_.emplace(request.remote_addr, request.remote_port);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([this](const httplib::Request& request, const httplib::Response&) {
    std::lock_guard<std::mutex> lock(mutex_);
    remotes_.erase(Key{request.remote_addr, request.remote_port});
  });
}

bool InFlightRequests::contains(const Endpoint& remote) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return remotes_.contains(Key{remote.address, remote.port});
}

} // namespace hotline::sim
