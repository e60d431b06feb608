#pragma once
// Maps (method, path) to handlers. Patterns are literal segments and "{name}" segments
// ("/connectors/ex-1/tickets/{no}/actions"). Every route has an owner (a connector instance
// name, or "core"); removeOwner() takes all of an owner's routes away and waits until calls
// already running in them have returned, so a plugin can be unloaded safely afterwards.
//
// Thread safety: all members may be called concurrently from any thread.

#include "core/http/http_types.h"
#include "hotline/status.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hotline::http {

class Router {
public:
  // Fails (AlreadyExists) when the same method and pattern are already routed, and
  // (InvalidArgument) when the pattern is not absolute or has an empty/invalid segment.
  Status addRoute(std::string method, std::string pattern, HttpHandler handler, std::string owner);

  // Removes every route of `owner` and blocks until in-flight calls into them have returned.
  void removeOwner(const std::string& owner);

  // Dispatches to the matching handler. Returns false when no route matches the path
  // (the caller answers 404) and sets `method_not_allowed` when the path matches but the
  // method does not (405); in that case an "Allow" header listing the routed methods is
  // added to `response`. When several patterns match, the one whose first differing segment
  // is literal wins ("/tickets/search" over "/tickets/{no}"). Exceptions from the handler
  // propagate to the caller (after the in-flight count is released).
  //
  // removeOwner() called from inside a handler of the same owner does not wait for that
  // call itself (it would wait forever), only for the others.
  bool dispatch(HttpRequest& request, HttpResponse& response, bool& method_not_allowed);

private:
  struct Route;
  std::shared_ptr<Route> find(HttpRequest& request, bool& method_not_allowed);
  // "GET, POST": the methods routed for `path`, for the Allow header of a 405.
  std::string allowedMethods(const std::string& path);

  std::mutex mutex_;
  std::condition_variable idle_;
  std::vector<std::shared_ptr<Route>> routes_;
};

} // namespace hotline::http
