#include "http/route_match.hpp"

#include <vector>

#include "util/strings.hpp"

namespace kakari::http {

namespace {

// Fills `params` and answers true when every segment of the path fits.
bool Fits(std::string_view pattern, const std::vector<std::string_view>& path,
          std::map<std::string, std::string>& params) {
  size_t i = 0;
  size_t start = 0;
  for (;;) {
    size_t end = pattern.find('/', start);
    std::string_view want =
        pattern.substr(start, end == std::string_view::npos ? end : end - start);
    if (i >= path.size()) return false;
    if (util::StartsWith(want, ":")) {
      if (path[i].empty()) return false;
      params[std::string(want.substr(1))] = util::PercentDecode(path[i]);
    } else if (want != path[i]) {
      return false;
    }
    ++i;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return i == path.size();
}

}  // namespace

std::optional<RouteMatch> MatchRoute(const std::vector<Route>& routes, std::string_view method,
                                     std::string_view path) {
  auto segments = util::Split(path, '/');
  for (const Route& route : routes) {
    if (method != route.method) continue;
    RouteMatch m{&route, {}};
    if (Fits(route.pattern, segments, m.params)) return m;
  }
  return std::nullopt;
}

}  // namespace kakari::http
