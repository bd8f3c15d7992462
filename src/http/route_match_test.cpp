#include "http/route_match.hpp"

#include <gtest/gtest.h>

namespace kakari::http {
namespace {

const std::vector<Route>& Table() {
  static const std::vector<Route> routes = {
      {"GET", "/api/v1/me/progress", Needs(ScopeBit(core::Permission::kOwnRecord)), BodyKind::kNone,
       Lane::kInline, nullptr},
      {"GET", "/api/v1/me/items/:kind/:id", Needs(ScopeBit(core::Permission::kOwnRecord)),
       BodyKind::kNone, Lane::kInline, nullptr},
      {"POST", "/api/v1/me/items/:kind/:id", Needs(ScopeBit(core::Permission::kOwnRecord)),
       BodyKind::kJson, Lane::kWorker, nullptr},
      {"GET", "/verify/:number", Public(), BodyKind::kNone, Lane::kInline, nullptr},
  };
  return routes;
}

struct Case {
  const char* method;
  const char* path;
  int route;  // index in Table(), -1 for no match
  std::map<std::string, std::string> params;
};

TEST(RouteMatch, MatchesSegmentBySegment) {
  const Case cases[] = {
      {"GET", "/api/v1/me/progress", 0, {}},
      {"GET", "/api/v1/me/progress/", -1, {}},
      {"GET", "/api/v1/me/progres", -1, {}},
      {"GET", "/api/v1/me", -1, {}},
      {"GET", "/api/v1/me/items/activity/12", 1, {{"kind", "activity"}, {"id", "12"}}},
      {"POST", "/api/v1/me/items/activity/12", 2, {{"kind", "activity"}, {"id", "12"}}},
      {"DELETE", "/api/v1/me/items/activity/12", -1, {}},
      {"GET", "/api/v1/me/items/activity/", -1, {}},
      {"GET", "/api/v1/me/items/activity/12/x", -1, {}},
      {"GET", "/verify/%E7%AC%AC1%E5%8F%B7", 3, {{"number", "第1号"}}},
  };
  for (const auto& c : cases) {
    auto m = MatchRoute(Table(), c.method, c.path);
    if (c.route < 0) {
      EXPECT_FALSE(m.has_value()) << c.method << " " << c.path;
      continue;
    }
    ASSERT_TRUE(m.has_value()) << c.method << " " << c.path;
    EXPECT_EQ(m->route, &Table()[static_cast<size_t>(c.route)]) << c.path;
    EXPECT_EQ(m->params, c.params) << c.path;
  }
}

}  // namespace
}  // namespace kakari::http
