#include "core/domain/wareki.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(WarekiTest, FormatsThroughIcu) {
  struct Case {
    Date d;
    const char* text;
  };
  for (auto c : {Case{{2026, 1, 15}, "令和8年1月15日"}, Case{{2019, 5, 1}, "令和元年5月1日"},
                 Case{{2019, 4, 30}, "平成31年4月30日"}, Case{{1989, 1, 8}, "平成元年1月8日"},
                 Case{{1989, 1, 7}, "昭和64年1月7日"}}) {
    EXPECT_EQ(FormatWareki(c.d), c.text);
  }
  EXPECT_EQ(FormatJapaneseWestern({2026, 1, 15}), "2026年1月15日");
}

TEST(WarekiTest, ParsesEveryFormAssociationsUse) {
  struct Case {
    const char* text;
    Date d;
  };
  for (auto c : {Case{"2025-04-01", {2025, 4, 1}}, Case{"2025/4/1", {2025, 4, 1}},
                 Case{"2025年4月1日", {2025, 4, 1}}, Case{"令和7年4月1日", {2025, 4, 1}},
                 Case{"平成31年4月30日", {2019, 4, 30}}, Case{"令和元年5月1日", {2019, 5, 1}},
                 Case{"R7.4.1", {2025, 4, 1}}, Case{"H31/4/30", {2019, 4, 30}},
                 Case{"昭和45年4月1日", {1970, 4, 1}}}) {
    auto r = ParseDate(c.text);
    ASSERT_TRUE(r.has_value()) << c.text << ": " << r.error().message_en;
    EXPECT_EQ(*r, c.d) << c.text;
  }
}

TEST(WarekiTest, RefusesDatesOutsideTheirEra) {
  for (auto bad : {"平成32年1月1日", "令和7年2月29日", "令和0年1月1日", "大化1年1月1日",
                   "令和7年4月", "2025年13月1日", "令和七年四月一日"}) {
    EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace kakari::core
