#include "simulators/common/stop_signals.h"

#include <pthread.h>
#include <unistd.h>

namespace hotline::sim {

StopSignals::StopSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGTERM);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

int StopSignals::wait() {
  int signal_number = 0;
  while (sigwait(&set_, &signal_number) != 0) {
  }
  return signal_number;
}

void StopSignals::notifyServerEnded() {
  // Process-directed: every thread blocks it, so it stays pending until wait() takes it.
  ::kill(::getpid(), SIGUSR1);
}

} // namespace hotline::sim
