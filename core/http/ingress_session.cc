#include "core/http/ingress_session.h"

#include <cerrno>
#include <poll.h>

namespace hotline::http {

IngressSession::IngressSession(const Poco::Net::StreamSocket& socket,
                               Poco::Net::HTTPServerParams::Ptr params)
    : Poco::Net::HTTPServerSession(socket, params),
      keep_alive_timeout_(params->getKeepAliveTimeout()),
      // POCO's 0 means no limit, as in its own hasMoreRequests().
      requests_left_(params->getMaxKeepAliveRequests() > 0 ? params->getMaxKeepAliveRequests()
                                                           : -1) {}

bool IngressSession::nextRequestArrives() {
  if (!socket().impl()->initialized() || requests_left_ == 0) {
    return false;
  }
  if (requests_left_ > 0) {
    --requests_left_;
  }
  if (first_) {
    first_ = false;
    return readable(getTimeout());
  }
  return getKeepAlive() && (buffered() > 0 || readable(keep_alive_timeout_));
}

bool IngressSession::readable(const Poco::Timespan& timeout) {
  pollfd descriptor{socket().impl()->sockfd(), POLLIN, 0};
  const int timeout_ms = static_cast<int>(timeout.totalMilliseconds());
  for (;;) {
    const int ready = ::poll(&descriptor, 1, timeout_ms);
    if (ready >= 0) {
      return ready > 0;
    }
    if (errno != EINTR) {
      return false;
    }
  }
}

} // namespace hotline::http
