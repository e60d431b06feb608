// Router: routes are kept in a vector behind one mutex (there are tens of them, not
// thousands). A dispatch holds a shared_ptr to its Route and counts itself in the route's
// in_flight under that mutex, so removeOwner() can take routes out of the table at once and
// then wait, on idle_, until the calls already running in them have returned.

#include "core/http/router.h"

#include <algorithm>
#include <set>

namespace hotline::http {
namespace {

struct PatternSegment {
  std::string text; // the literal text, or the parameter's name
  bool param = false;
};

} // namespace

struct Router::Route {
  std::string method;
  std::string pattern;
  std::vector<PatternSegment> segments;
  HttpHandler handler;
  std::string owner;
  int in_flight = 0; // guarded by Router::mutex_
};

namespace {

// "/a/b" -> {"a", "b"}; "/" -> {}. The path must start with '/'.
std::vector<std::string_view> splitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path == "/") {
    return parts;
  }
  size_t start = 1;
  while (true) {
    const size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) {
      return parts;
    }
    start = slash + 1;
  }
}

bool isMethodToken(std::string_view method) {
  return !method.empty() && method.size() <= 16 &&
         std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool isParamName(std::string_view name) {
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  };
  return !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
         std::all_of(name.begin(), name.end(), word);
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// One segment of a pattern: a literal, or "{name}".
Status parseSegment(const std::string& pattern, std::string_view part, PatternSegment& out) {
  const bool has_brace = part.find_first_of("{}") != std::string_view::npos;
  if (!has_brace) {
    out = {std::string(part), false};
    return Status::ok();
  }
  const bool whole = part.size() >= 2 && part.front() == '{' && part.back() == '}';
  const std::string_view name = whole ? part.substr(1, part.size() - 2) : std::string_view();
  if (!whole || !isParamName(name)) {
    return invalidArgument("route pattern " + quoted(pattern) + " has an invalid segment " +
                           quoted(part) +
                           ": a parameter is a whole segment \"{name}\" with a name of "
                           "letters, digits and '_' not starting with a digit");
  }
  out = {std::string(name), true};
  return Status::ok();
}

Status parsePattern(const std::string& pattern, std::vector<PatternSegment>& out) {
  if (pattern.empty() || pattern[0] != '/') {
    return invalidArgument("route pattern " + quoted(pattern) + " must start with '/'");
  }
  std::set<std::string> names;
  for (std::string_view part : splitPath(pattern)) {
    if (part.empty()) {
      return invalidArgument("route pattern " + quoted(pattern) +
                             " has an empty segment (\"//\" or a trailing '/')");
    }
    PatternSegment segment;
    HOTLINE_RETURN_IF_ERROR(parseSegment(pattern, part, segment));
    if (segment.param && !names.insert(segment.text).second) {
      return invalidArgument("route pattern " + quoted(pattern) + " uses the parameter name " +
                             quoted(segment.text) + " twice");
    }
    out.push_back(std::move(segment));
  }
  return Status::ok();
}

// Routes that every request of this shape would reach equally: same method, same literal
// segments, parameters in the same places (their names do not matter).
bool sameShape(const std::vector<PatternSegment>& a, const std::vector<PatternSegment>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.param == y.param && (x.param || x.text == y.text);
  });
}

bool matches(const std::vector<PatternSegment>& segments,
             const std::vector<std::string_view>& parts) {
  return std::equal(segments.begin(), segments.end(), parts.begin(), parts.end(),
                    [](const PatternSegment& segment, std::string_view part) {
                      return segment.param ? !part.empty() : segment.text == part;
                    });
}

// True when `a` is the better match: at the first position where one has a literal and the
// other a parameter, the literal wins.
bool moreSpecific(const std::vector<PatternSegment>& a, const std::vector<PatternSegment>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].param != b[i].param) {
      return !a[i].param;
    }
  }
  return false;
}

// Routes running on this thread, so that removeOwner() from inside a handler does not wait
// for its own call.
thread_local std::vector<const void*> t_active_routes;

size_t callsOnThisThread(const void* route) {
  return static_cast<size_t>(std::count(t_active_routes.begin(), t_active_routes.end(), route));
}

// Holds one in-flight count of a route for the duration of a handler call.
class CallGuard {
public:
  CallGuard(std::mutex& mutex, std::condition_variable& idle, int& in_flight, const void* route)
      : mutex_(mutex), idle_(idle), in_flight_(in_flight) {
    t_active_routes.push_back(route);
  }
  ~CallGuard() {
    t_active_routes.pop_back();
    {
      std::lock_guard lock(mutex_);
      --in_flight_;
    }
    idle_.notify_all();
  }
  CallGuard(const CallGuard&) = delete;
  CallGuard& operator=(const CallGuard&) = delete;

private:
  std::mutex& mutex_;
  std::condition_variable& idle_;
  int& in_flight_;
};

} // namespace

Status Router::addRoute(std::string method, std::string pattern, HttpHandler handler,
                        std::string owner) {
  if (!isMethodToken(method)) {
    return invalidArgument("route " + quoted(pattern) + " has an invalid method " + quoted(method) +
                           " (expected an upper-case token such as GET)");
  }
  if (!handler || owner.empty()) {
    return invalidArgument("route " + method + " " + pattern + " needs a handler and an owner");
  }
  auto route = std::make_shared<Route>();
  HOTLINE_RETURN_IF_ERROR(parsePattern(pattern, route->segments));
  route->method = std::move(method);
  route->pattern = std::move(pattern);
  route->handler = std::move(handler);
  route->owner = std::move(owner);

  std::lock_guard lock(mutex_);
  for (const auto& existing : routes_) {
    if (existing->method == route->method && sameShape(existing->segments, route->segments)) {
      return Status(StatusCode::AlreadyExists,
                    "route " + route->method + " " + route->pattern + " (owner " +
                        quoted(route->owner) + ") conflicts with " + existing->method + " " +
                        existing->pattern + ", already routed for owner " +
                        quoted(existing->owner));
    }
  }
  routes_.push_back(std::move(route));
  return Status::ok();
}

void Router::removeOwner(const std::string& owner) {
  std::unique_lock lock(mutex_);
  std::vector<std::shared_ptr<Route>> removed;
  auto kept = std::stable_partition(routes_.begin(), routes_.end(),
                                    [&owner](const auto& route) { return route->owner != owner; });
  removed.assign(kept, routes_.end());
  routes_.erase(kept, routes_.end());
  idle_.wait(lock, [&removed] {
    return std::all_of(removed.begin(), removed.end(), [](const auto& route) {
      return static_cast<size_t>(route->in_flight) <= callsOnThisThread(route.get());
    });
  });
}

std::shared_ptr<Router::Route> Router::find(HttpRequest& request, bool& method_not_allowed) {
  method_not_allowed = false;
  if (request.path.empty() || request.path[0] != '/') {
    return nullptr;
  }
  const std::vector<std::string_view> parts = splitPath(request.path);
  std::lock_guard lock(mutex_);
  std::shared_ptr<Route> best;
  bool path_routed = false;
  for (const auto& route : routes_) {
    if (!matches(route->segments, parts)) {
      continue;
    }
    path_routed = true;
    if (route->method == request.method &&
        (!best || moreSpecific(route->segments, best->segments))) {
      best = route;
    }
  }
  if (!best) {
    method_not_allowed = path_routed;
    return nullptr;
  }
  ++best->in_flight;
  request.path_params.clear();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (best->segments[i].param) {
      request.path_params[best->segments[i].text] = std::string(parts[i]);
    }
  }
  return best;
}

std::string Router::allowedMethods(const std::string& path) {
  const std::vector<std::string_view> parts = splitPath(path);
  std::set<std::string> methods;
  {
    std::lock_guard lock(mutex_);
    for (const auto& route : routes_) {
      if (matches(route->segments, parts)) {
        methods.insert(route->method);
      }
    }
  }
  std::string allow;
  for (const std::string& method : methods) {
    allow += (allow.empty() ? "" : ", ") + method;
  }
  return allow;
}

bool Router::dispatch(HttpRequest& request, HttpResponse& response, bool& method_not_allowed) {
  const std::shared_ptr<Route> route = find(request, method_not_allowed);
  if (!route) {
    if (method_not_allowed) {
      response.headers.emplace_back("Allow", allowedMethods(request.path));
    }
    return false;
  }
  CallGuard guard(mutex_, idle_, route->in_flight, route.get());
  route->handler(request, response);
  return true;
}

} // namespace hotline::http
