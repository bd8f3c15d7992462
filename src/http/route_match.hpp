// Finding the route for a request without regular expressions: RESTinio's
// express router ran a std::regex per route on every request, which cost
// more than answering a doctor's progress.
// Thread-safe: pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/api.hpp"

namespace kakari::http {

struct RouteMatch {
  const Route* route;
  std::map<std::string, std::string> params;  // percent-decoded
};

// Matches `path` (without its query) segment by segment against the route
// patterns: literal segments must be equal, ":name" takes one non-empty
// segment. nullopt when no route has this method and path.
std::optional<RouteMatch> MatchRoute(const std::vector<Route>& routes, std::string_view method,
                                     std::string_view path);

}  // namespace kakari::http
