#pragma once
// The two sides around `hotline-sim exchange` in its process tests: the county gateway as a
// caller (signed requests, reply verification) and as a receiver (a small HTTP server on a
// free port that verifies and records what the simulator pushes, and answers signed).

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_verifier.h"
#include "tests/unit/simulators/sim_process.h"

namespace hotline::sim::testing {

// The exchange link's one key, used both ways (issue spec "Signing").
support::SigningKey countyKey();
std::string countyKeySpec(); // as --peer-key / --own-key take it

struct RunningExchange {
  std::unique_ptr<SimProcess> process;
  int port = 0;
};
// `hotline-sim exchange --port 0 --peer-key <county key>` plus `extra_args`.
RunningExchange startExchange(const std::vector<std::string>& extra_args = {});

struct SignedReply {
  int status = 0; // 0: no answer
  std::string body;
  httplib::Headers headers;
  std::string target;
  std::string nonce; // the request's
};

// The county gateway calling the simulator.
class CountyCaller {
public:
  explicit CountyCaller(int port, support::SigningKey key = countyKey())
      : port_(port), key_(std::move(key)) {}

  SignedReply post(const std::string& target, const std::string& body,
                   const std::string& idempotency_key = "");
  SignedReply get(const std::string& target);
  // With exactly these signing headers (for replays, stale and forged requests).
  SignedReply send(const std::string& method, const std::string& target, const std::string& body,
                   const support::SignatureHeaders& headers, const std::string& idempotency_key);
  // The reply's signature checked with our key and the request's nonce.
  Status verify(const SignedReply& reply) const;

private:
  int port_;
  support::SigningKey key_;
};

// Unsigned /sim/* control.
SignedReply control(int port, const std::string& method, const std::string& path,
                    const std::string& body = "");

// The county gateway receiving the simulator's pushes.
class CountyGatewayStub {
public:
  struct Received {
    std::string target;
    std::string body;
    std::string idempotency_key;
    std::string verify_error; // empty: the signature verified
  };

  explicit CountyGatewayStub(support::SigningKey key = countyKey());
  ~CountyGatewayStub();
  CountyGatewayStub(const CountyGatewayStub&) = delete;
  CountyGatewayStub& operator=(const CountyGatewayStub&) = delete;

  int port() const { return port_; }
  std::string baseUrl() const; // http://127.0.0.1:P/connectors/city-exchange
  std::vector<Received> received() const;
  // The next `count` requests are answered `status` (recorded all the same).
  void failNext(int count, int status);

private:
  void handle(const httplib::Request& request, httplib::Response& response);

  support::RequestVerifier verifier_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  int fail_count_ = 0;
  int fail_status_ = 503;
};

} // namespace hotline::sim::testing
