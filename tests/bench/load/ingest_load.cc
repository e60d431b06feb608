// A load driver for the gateway's ingest path (the pipeline benchmark of tests/bench):
// N keep-alive connections, each sending signed ~1.5 KB canonical tickets back to back as a
// department system would — unique X-Request-Id, X-Signature = hex(HMAC-SHA256(key, body)) —
// for a fixed time, then reports acknowledged/s and the latency distribution of the answers.
//
// Written for this benchmark instead of using wrk because every request needs its own
// signature and id; computing HMAC in wrk's Lua would make the driver the bottleneck.
//
//   ingest_load --port 8080 --path /connectors/bench/tickets --connections 32 --seconds 15
//               --body-bytes 1536 --secret KEY [--warmup-seconds 2]

#include "hotline/support/signature.h"

#include <sys/resource.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 8080;
  std::string path = "/connectors/bench/tickets";
  int connections = 32;
  int seconds = 15;
  int warmup_seconds = 2;
  size_t body_bytes = 1536;
  std::string secret;
  std::string run_id = std::to_string(::getpid());
};

struct ThreadResult {
  std::vector<uint32_t> latencies_us; // measured window only
  uint64_t ok = 0;
  uint64_t failed = 0;
  std::map<int, uint64_t> statuses;
};

std::string ticketBody(const Options& options, int connection, uint64_t n) {
  std::string number =
      "B-" + options.run_id + "-" + std::to_string(connection) + "-" + std::to_string(n);
  std::string head = R"({"refs":[{"system":"dept-bench","number":")" + number +
                     R"("}],"region":{"county":"411425","city":"411400","province":"410000"},)"
                     R"("requester":{"name":"王五","phone":"13700001234"},"channel":"department",)"
                     R"("title":"小区供暖温度不达标","content":")";
  std::string tail = R"(","category":{"type":"complaint","topic_code":"HEAT-01"},)"
                     R"("urgency":"normal","status":"submitted",)"
                     R"("created_at":"2026-11-28T09:30:00+08:00"})";
  std::string content = "虞城县城关镇某小区自十一月起室内温度长期低于十六度，居民多次反映。";
  std::string body = head;
  while (body.size() + tail.size() + content.size() <= options.body_bytes) {
    body += content;
  }
  while (body.size() + tail.size() < options.body_bytes) {
    body += '.';
  }
  return body + tail;
}

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

// Reads one response; returns its status, or 0 when the connection failed.
int readResponse(int fd, std::string& buffer) {
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
  buffer.erase(0, total);
  return status;
}

std::string request(const Options& options, const std::string& body, const std::string& id) {
  std::string signature =
      options.secret.empty()
          ? ""
          : hotline::support::hmacHex(hotline::support::HmacAlgorithm::Sha256, options.secret, body)
                .value();
  std::string out = "POST " + options.path +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: application/json\r\nX-Request-Id: " +
                    id + "\r\n";
  if (!signature.empty()) {
    out += "X-Signature: " + signature + "\r\n";
  }
  return out + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

void runConnection(const Options& options, int connection, Clock::time_point measure_from,
                   Clock::time_point end, ThreadResult& result) {
  int fd = connectTo(options.port);
  std::string buffer;
  for (uint64_t n = 0; Clock::now() < end; ++n) {
    if (fd < 0) {
      fd = connectTo(options.port);
      if (fd < 0) {
        ++result.failed;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
    }
    std::string body = ticketBody(options, connection, n);
    std::string id =
        "bench-" + options.run_id + "-" + std::to_string(connection) + "-" + std::to_string(n);
    auto started = Clock::now();
    int status = sendAll(fd, request(options, body, id)) ? readResponse(fd, buffer) : 0;
    auto finished = Clock::now();
    if (status == 0) {
      ::close(fd);
      fd = -1;
      buffer.clear();
    }
    if (started < measure_from) {
      continue;
    }
    result.statuses[status] += 1;
    if (status >= 200 && status < 300) {
      ++result.ok;
      result.latencies_us.push_back(static_cast<uint32_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(finished - started).count()));
    } else {
      ++result.failed;
    }
  }
  if (fd >= 0) {
    ::close(fd);
  }
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i];
    std::string value = argv[i + 1];
    if (key == "--port") {
      options.port = std::stoi(value);
    } else if (key == "--path") {
      options.path = value;
    } else if (key == "--connections") {
      options.connections = std::stoi(value);
    } else if (key == "--seconds") {
      options.seconds = std::stoi(value);
    } else if (key == "--warmup-seconds") {
      options.warmup_seconds = std::stoi(value);
    } else if (key == "--body-bytes") {
      options.body_bytes = std::stoul(value);
    } else if (key == "--secret") {
      options.secret = value;
    } else if (key == "--run-id") {
      options.run_id = value;
    }
  }
  return options;
}

double percentile(const std::vector<uint32_t>& sorted, double p) {
  if (sorted.empty()) {
    return 0;
  }
  size_t index = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1));
  return static_cast<double>(sorted[index]) / 1000.0;
}

} // namespace

int main(int argc, char** argv) {
  Options options = parse(argc, argv);
  auto start = Clock::now();
  auto measure_from = start + std::chrono::seconds(options.warmup_seconds);
  auto end = measure_from + std::chrono::seconds(options.seconds);
  std::vector<ThreadResult> results(static_cast<size_t>(options.connections));
  std::vector<std::thread> threads;
  for (int c = 0; c < options.connections; ++c) {
    threads.emplace_back(runConnection, std::cref(options), c, measure_from, end,
                         std::ref(results[static_cast<size_t>(c)]));
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::vector<uint32_t> latencies;
  uint64_t ok = 0, failed = 0;
  std::map<int, uint64_t> statuses;
  for (const auto& result : results) {
    latencies.insert(latencies.end(), result.latencies_us.begin(), result.latencies_us.end());
    ok += result.ok;
    failed += result.failed;
    for (const auto& [status, count] : result.statuses) {
      statuses[status] += count;
    }
  }
  std::sort(latencies.begin(), latencies.end());
  // The driver shares the machine with the gateway, so its own CPU use is part of the figure.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double driver_cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                        static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  double rate = static_cast<double>(ok) / options.seconds;
  std::printf("{\"connections\":%d,\"seconds\":%d,\"body_bytes\":%zu,\"acknowledged\":%llu,"
              "\"failed\":%llu,\"acknowledged_per_s\":%.0f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,"
              "\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"max_ms\":%.2f,\"driver_cpu_s\":%.1f}\n",
              options.connections, options.seconds, ticketBody(options, 0, 0).size(),
              static_cast<unsigned long long>(ok), static_cast<unsigned long long>(failed), rate,
              percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
              percentile(latencies, 0.999), percentile(latencies, 1.0), driver_cpu_s);
  for (const auto& [status, count] : statuses) {
    std::fprintf(stderr, "status %d: %llu\n", status, static_cast<unsigned long long>(count));
  }
  return failed == 0 ? 0 : 1;
}
