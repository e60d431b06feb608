#pragma once
// A minimal HTTP/1.1 server on 127.0.0.1, port 0, for tests of the connector's calls: one
// connection at a time, Connection: close, bodies by Content-Length. Each request is handed
// to a handler that builds the reply. The destructor wakes the blocked accept() by shutting
// the socket down and joins the thread: no sleeps anywhere.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <strings.h>

#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace hotline::connectors::exchange::testing {

class LoopbackServer {
public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  struct Request {
    std::string method;
    std::string target;
    Headers headers;
    std::string body;
    std::string header(const std::string& name) const {
      for (const auto& [key, value] : headers) {
        if (strcasecmp(key.c_str(), name.c_str()) == 0) {
          return value;
        }
      }
      return "";
    }
  };
  struct Reply {
    int status = 200;
    Headers headers;
    std::string body;
  };
  using Handler = std::function<Reply(const Request&)>;

  explicit LoopbackServer(Handler handler) : handler_(std::move(handler)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof(address);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      std::abort();
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LoopbackServer() {
    ::shutdown(listener_, SHUT_RDWR);
    thread_.join();
    ::close(listener_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<Request> requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

private:
  void serve() {
    for (;;) {
      int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) {
        return; // shut down
      }
      Request request;
      if (readRequest(client, request)) {
        {
          std::lock_guard<std::mutex> lock(mutex_);
          requests_.push_back(request);
        }
        writeReply(client, handler_(request));
      }
      ::close(client);
    }
  }

  static bool readRequest(int client, Request& request) {
    std::string data;
    char buffer[4096];
    size_t end = std::string::npos;
    while ((end = data.find("\r\n\r\n")) == std::string::npos) {
      ssize_t got = ::recv(client, buffer, sizeof(buffer), 0);
      if (got <= 0) {
        return false;
      }
      data.append(buffer, static_cast<size_t>(got));
    }
    size_t line_end = data.find("\r\n");
    std::string line = data.substr(0, line_end);
    request.method = line.substr(0, line.find(' '));
    request.target = line.substr(line.find(' ') + 1, line.rfind(' ') - line.find(' ') - 1);
    size_t length = 0;
    for (size_t at = line_end + 2; at < end;) {
      size_t next = data.find("\r\n", at);
      std::string header = data.substr(at, next - at);
      size_t colon = header.find(':');
      std::string name = header.substr(0, colon);
      std::string value = header.substr(header.find_first_not_of(' ', colon + 1));
      if (strcasecmp(name.c_str(), "Content-Length") == 0) {
        length = std::stoul(value);
      }
      request.headers.emplace_back(name, value);
      at = next + 2;
    }
    request.body = data.substr(end + 4);
    while (request.body.size() < length) {
      ssize_t got = ::recv(client, buffer, sizeof(buffer), 0);
      if (got <= 0) {
        return false;
      }
      request.body.append(buffer, static_cast<size_t>(got));
    }
    return true;
  }

  static void writeReply(int client, const Reply& reply) {
    std::string text = "HTTP/1.1 " + std::to_string(reply.status) +
                       " X\r\nContent-Length: " + std::to_string(reply.body.size()) +
                       "\r\nConnection: close\r\n";
    for (const auto& [name, value] : reply.headers) {
      text += name + ": " + value + "\r\n";
    }
    text += "\r\n" + reply.body;
    for (size_t sent = 0; sent < text.size();) {
      ssize_t wrote = ::send(client, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (wrote <= 0) {
        return;
      }
      sent += static_cast<size_t>(wrote);
    }
  }

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<Request> requests_;
};

} // namespace hotline::connectors::exchange::testing
