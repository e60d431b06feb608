#pragma once
// Signals are taken synchronously: they are blocked in every thread (call
// blockGatewaySignals() before any thread starts, so all threads inherit the mask) and the
// main thread waits for one with sigwait(). No handler runs in signal context, so what a
// signal triggers (a graceful stop, a mapping reload) may do anything.

namespace hotline::app {

// SIGTERM, SIGINT, SIGQUIT (stop) and SIGHUP (reload the mappings).
void blockGatewaySignals();
// Blocks until one of them arrives; returns the signal number.
int waitForGatewaySignal();

} // namespace hotline::app
