#include "load_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace hotline::bench {

int connectTo(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

bool sendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      return false;
    }
    sent += static_cast<size_t>(n);
  }
  return true;
}

int readResponse(int fd, std::string& buffer, std::string* body) {
  size_t header_end = std::string::npos;
  char chunk[16384];
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
    if (n <= 0) {
      return 0;
    }
    buffer.append(chunk, static_cast<size_t>(n));
  }
  int status = std::atoi(buffer.c_str() + 9);
  size_t length = 0;
  size_t at = buffer.find("Content-Length:");
  if (at == std::string::npos || at > header_end) {
    at = buffer.find("content-length:");
  }
  if (at != std::string::npos && at < header_end) {
    length = static_cast<size_t>(std::atol(buffer.c_str() + at + 15));
  }
  size_t total = header_end + 4 + length;
  while (buffer.size() < total) {
    ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
    if (n <= 0) {
      return 0;
    }
    buffer.append(chunk, static_cast<size_t>(n));
  }
  if (body != nullptr) {
    body->assign(buffer, header_end + 4, length);
  }
  buffer.erase(0, total);
  return status;
}

} // namespace hotline::bench
