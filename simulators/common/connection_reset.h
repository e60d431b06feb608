#pragma once
// Dropping a connection without an answer, for fault injection.
//
// cpp-httplib 0.11 gives a handler no way to do this: the socket is not reachable from a
// Request, and Server::process_and_close_socket() is private, so every handler's Response is
// written. What a Request does carry is the connection's four addresses; the descriptor with
// exactly those addresses is the one this handler's worker thread is serving (it cannot be
// closed or reused under us while the handler runs).

#include <httplib.h>

namespace hotline::sim {

// Resets the connection `request` arrived on: an abortive close (SO_LINGER 0), so the client
// gets a TCP RST and reads no response bytes at all. The descriptor number stays valid for
// cpp-httplib: an unconnected socket is dup2()'d over it (the dup2 is what closes the
// connection), so the library's own write of the Response fails harmlessly (EPIPE; SIGPIPE
// must be ignored) and its close() closes the stand-in. Called from the handler serving
// `request`. False when the descriptor was not found (nothing was done).
bool resetConnection(const httplib::Request& request);

} // namespace hotline::sim
