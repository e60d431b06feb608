#pragma once
// SIGTERM / SIGINT handling without async-signal-unsafe handlers: the signals are blocked in
// the constructing thread, and so in every thread created after it, and one thread collects
// them synchronously with sigwait(). Construct it first thing in main(), before any thread.

#include <csignal>

namespace hotline::sim {

class StopSignals {
public:
  // Blocks SIGTERM, SIGINT and SIGUSR1 (our "the server ended by itself" note) in the calling
  // thread and ignores SIGPIPE, which a write to a peer that went away must not turn into a
  // crash.
  StopSignals();

  // Blocks until one of the signals arrives; returns its number.
  int wait();

  // Wakes wait() with SIGUSR1. Safe from any thread.
  static void notifyServerEnded();

private:
  sigset_t set_;
};

} // namespace hotline::sim
