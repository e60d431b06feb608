// The floor of the gateway's ingress: its own IngressServer (POCO TCPServer + HTTPServerSession,
// the same options as the pipeline bench) with a handler that does no pipeline work. Run
// ingest_load against it to see what the HTTP layer alone costs on this machine
// (RESULTS.md, "Pipeline": "the ingress floor").
//
//   bench_http_floor --port N [--threads 48] [--mode empty|hmac|handoff] [--secret S]
//
// "empty" answers 202 at once; "hmac" first checks X-Signature = hex(HMAC-SHA256(secret, body))
// as the example connector does; "handoff" checks the signature too, then hands the request to
// one committer thread and waits for its answer the way the pipeline's group committer does
// (a queue under a mutex, one AnswerGroup wake-up per batch), with no store or planning work
// on the committer. It runs until SIGINT/SIGTERM and then prints its CPU time.
#include "core/http/ingress_server.h"
#include "core/http/router.h"
#include "core/pipeline/submit_answer.h"
#include "hotline/support/signature.h"

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

struct Options {
  int port = 0;
  int threads = 48;
  std::string mode = "empty";
  std::string secret;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--port") {
      options.port = std::atoi(value.c_str());
    } else if (key == "--threads") {
      options.threads = std::atoi(value.c_str());
    } else if (key == "--mode") {
      options.mode = value;
    } else if (key == "--secret") {
      options.secret = value;
    } else {
      std::fprintf(stderr, "bench_http_floor: unknown option %s\n", key.c_str());
      std::exit(2);
    }
  }
  return options;
}

using hotline::pipeline::AnswerGroup;
using hotline::pipeline::PendingAnswer;
using hotline::pipeline::SubmitOutcome;

// GroupCommitter's hand-off with nothing to commit: what the submit/answer round trip alone
// costs the request path.
class HandoffCommitter {
public:
  HandoffCommitter() : thread_([this] { run(); }) {}
  ~HandoffCommitter() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  HandoffCommitter(const HandoffCommitter&) = delete;
  HandoffCommitter& operator=(const HandoffCommitter&) = delete;

  int submit() {
    std::unique_lock lock(mutex_);
    if (!group_) {
      group_ = std::make_shared<AnswerGroup>();
    }
    auto answer = std::make_shared<PendingAnswer>(group_);
    queue_.push_back(answer);
    lock.unlock();
    wake_.notify_one();
    auto outcome = answer->wait();
    return outcome.isOk() ? outcome->http_status : 503;
  }

private:
  void run() {
    std::vector<std::shared_ptr<PendingAnswer>> batch;
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) {
        return;
      }
      batch.swap(queue_);
      group_.reset();
      lock.unlock();
      for (const auto& answer : batch) {
        answer->set(SubmitOutcome{});
      }
      batch.front()->group().wakeAll(); // the batch shares one group
      batch.clear();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::shared_ptr<PendingAnswer>> queue_;
  std::shared_ptr<AnswerGroup> group_;
  bool stopping_ = false;
  std::thread thread_;
};

void answer(const Options& options, HandoffCommitter* committer,
            const hotline::http::HttpRequest& request, hotline::http::HttpResponse& response) {
  if (options.mode == "hmac" || options.mode == "handoff") {
    auto expected = hotline::support::hmacHex(hotline::support::HmacAlgorithm::Sha256,
                                              options.secret, request.body);
    if (!expected.isOk() || *expected != request.header("X-Signature")) {
      response.setError(401, "unauthenticated", "bad signature");
      return;
    }
  }
  response.status = committer != nullptr ? committer->submit() : 202;
  response.body = R"({"ticket_id":"floor","status":"accepted"})";
}

} // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr); // every server thread inherits the mask

  std::unique_ptr<HandoffCommitter> committer;
  if (options.mode == "handoff") {
    committer = std::make_unique<HandoffCommitter>();
  }
  hotline::http::Router router;
  auto added = router.addRoute(
      "POST", "/connectors/bench/tickets",
      [&options, &committer](const auto& request, auto& response) {
        answer(options, committer.get(), request, response);
      },
      "bench");
  if (!added.isOk()) {
    std::fprintf(stderr, "%s\n", added.message().c_str());
    return 1;
  }
  hotline::http::IngressOptions ingress;
  ingress.port = static_cast<uint16_t>(options.port);
  ingress.threads = options.threads;
  ingress.max_queued = 1024;
  hotline::http::IngressServer server(router, ingress);
  if (auto started = server.start(); !started.isOk()) {
    std::fprintf(stderr, "%s\n", started.message().c_str());
    return 1;
  }
  std::printf("listening %u\n", server.port());
  std::fflush(stdout);
  int received = 0;
  sigwait(&signals, &received);
  server.stop();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("cpu user %.2f s, system %.2f s\n",
              usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
              usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
  return 0;
}
