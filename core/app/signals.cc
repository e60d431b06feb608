#include "core/app/signals.h"

#include <csignal>
#include <pthread.h>

namespace hotline::app {
namespace {

sigset_t gatewaySignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGQUIT);
  sigaddset(&set, SIGHUP);
  return set;
}

} // namespace

void blockGatewaySignals() {
  sigset_t set = gatewaySignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A peer closing a connection mid-write must not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
}

int waitForGatewaySignal() {
  sigset_t set = gatewaySignals();
  int signal_number = 0;
  while (sigwait(&set, &signal_number) != 0) {
  }
  return signal_number;
}

} // namespace hotline::app
