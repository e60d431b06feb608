#pragma once
// Termination signals are taken synchronously: they are blocked in every thread (call
// blockTerminationSignals() before any thread starts, so all threads inherit the mask) and
// the main thread waits for one with sigwait(). No handler runs in signal context, so
// shutdown code may do anything.

namespace hotline::app {

void blockTerminationSignals();
// Blocks until SIGTERM, SIGINT or SIGQUIT arrives; returns the signal number.
int waitForTerminationSignal();

} // namespace hotline::app
