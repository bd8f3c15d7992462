#include "core/domain/date.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(DateTest, DaysRoundTrip) {
  for (Date d : {Date{1970, 1, 1}, Date{2000, 2, 29}, Date{2026, 1, 15}, Date{1945, 8, 15}}) {
    EXPECT_EQ(Date::FromDays(d.ToDays()), d) << d.ToIso();
  }
  EXPECT_EQ(Date({1970, 1, 2}).ToDays(), 1);
}

TEST(DateTest, ParseWesternForms) {
  EXPECT_EQ(*ParseWesternDate("2025-04-01"), (Date{2025, 4, 1}));
  EXPECT_EQ(*ParseWesternDate("2025/4/1"), (Date{2025, 4, 1}));
  for (auto bad : {"2025-4-1", "2025-02-29", "25/4/1", "2025/13/1", "2025.4.1", ""}) {
    EXPECT_FALSE(ParseWesternDate(bad).has_value()) << bad;
  }
}

TEST(DateTest, FiscalYearTurnsInApril) {
  EXPECT_EQ(FiscalYear({2026, 3, 31}), 2025);
  EXPECT_EQ(FiscalYear({2026, 4, 1}), 2026);
  EXPECT_EQ(FiscalYearEnd(2025), (Date{2026, 3, 31}));
}

TEST(DateTest, RangeIsInclusiveAndMayBeOpen) {
  DateRange r{Date{2025, 4, 1}, Date{2026, 3, 31}};
  EXPECT_TRUE(r.Contains({2025, 4, 1}));
  EXPECT_TRUE(r.Contains({2026, 3, 31}));
  EXPECT_FALSE(r.Contains({2025, 3, 31}));
  EXPECT_FALSE(r.Contains({2026, 4, 1}));
  EXPECT_TRUE((DateRange{std::nullopt, Date{2026, 3, 31}}).Contains({1990, 1, 1}));
}

}  // namespace
}  // namespace kakari::core
