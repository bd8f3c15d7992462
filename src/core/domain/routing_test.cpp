#include "core/domain/routing.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(Routing, FollowsThePrefecturesRule) {
  Organisation pref{10, 1, OrgLevel::kPrefecture, "13", "東京都医師会", "Tokyo"};
  Organisation county{20, 10, OrgLevel::kCounty, "13001", "千代田区医師会", "Chiyoda"};
  struct Case {
    ApprovingLevel members, non_members;
    const Organisation* home;
    bool member;
    Id expected;
    const char* reason;
  };
  const Case cases[] = {
      {ApprovingLevel::kCounty, ApprovingLevel::kPrefecture, &county, true, 20, "county"},
      {ApprovingLevel::kPrefecture, ApprovingLevel::kPrefecture, &county, true, 10, "prefecture"},
      {ApprovingLevel::kCounty, ApprovingLevel::kPrefecture, &county, false, 10,
       "non_member_prefecture"},
      {ApprovingLevel::kCounty, ApprovingLevel::kCounty, &county, false, 20, "non_member_county"},
      {ApprovingLevel::kCounty, ApprovingLevel::kCounty, &pref, true, 10, "prefecture"},
  };
  for (const auto& c : cases) {
    RoutingRule rule{"13", c.members, c.non_members};
    auto d = Route(rule, *c.home, pref, c.member);
    EXPECT_EQ(d.association_id, c.expected) << c.reason;
    EXPECT_EQ(d.reason, c.reason);
  }
}

}  // namespace
}  // namespace kakari::core
