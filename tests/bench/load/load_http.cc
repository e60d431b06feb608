#include "load_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace hotline::bench {

int connectStart(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Even on loopback a non-blocking connect normally answers EINPROGRESS; a refused port shows
  // up as SO_ERROR once the socket turns writable. 0 (connected at once) is handled the same way.
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 &&
      errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool parseResponse(const std::string& buffer, Response& response) {
  const size_t header_end = buffer.find("\r\n\r\n");
  if (header_end == std::string::npos) {
    return false;
  }
  const std::string_view headers(buffer.data(), header_end);
  size_t length = 0;
  size_t at = headers.find("Content-Length:");
  if (at == std::string_view::npos) {
    at = headers.find("content-length:");
  }
  if (at != std::string_view::npos) {
    length = static_cast<size_t>(std::atol(buffer.c_str() + at + 15));
  }
  const size_t total = header_end + 4 + length;
  if (buffer.size() < total) {
    return false;
  }
  // "HTTP/1.1 201 ...": the code starts at offset 9.
  response.status = header_end > 9 ? std::atoi(buffer.c_str() + 9) : 0;
  response.body_at = header_end + 4;
  response.body_length = length;
  response.size = total;
  return true;
}

} // namespace hotline::bench
