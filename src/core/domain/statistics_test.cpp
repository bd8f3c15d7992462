#include "core/domain/statistics.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kakari::core {
namespace {

TEST(StatisticsTest, PercentileIsNearestRank) {
  struct Case {
    std::vector<DaysCount> histogram;
    int percent;
    std::optional<int64_t> expected;
  };
  const std::vector<Case> cases = {
      {{}, 50, std::nullopt},
      {{{3, 0}}, 50, std::nullopt},
      {{{4, 1}}, 50, 4},
      {{{4, 1}}, 90, 4},
      // 1,2,3,4: rank ceil(0.5*4)=2 -> 2; ceil(0.9*4)=4 -> 4.
      {{{4, 1}, {1, 1}, {3, 1}, {2, 1}}, 50, 2},
      {{{4, 1}, {1, 1}, {3, 1}, {2, 1}}, 90, 4},
      // Ten at 0 days and one at 30: the median and the 90th are 0.
      {{{30, 1}, {0, 10}}, 50, 0},
      {{{30, 1}, {0, 10}}, 90, 0},
      {{{30, 1}, {0, 10}}, 100, 30},
      // Repeated days in separate entries are counted together.
      {{{5, 2}, {7, 1}, {5, 2}}, 90, 7},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(PercentileDays(c.histogram, c.percent), c.expected)
        << c.percent << "% of " << c.histogram.size() << " entries";
  }
}

TEST(StatisticsTest, WaitBandsCloseOnTheirLastDay) {
  struct Case {
    int64_t days;
    WaitBand band;
  };
  for (const Case& c : std::vector<Case>{{0, WaitBand::kUpTo7},
                                         {7, WaitBand::kUpTo7},
                                         {8, WaitBand::kUpTo14},
                                         {14, WaitBand::kUpTo14},
                                         {15, WaitBand::kUpTo30},
                                         {30, WaitBand::kUpTo30},
                                         {31, WaitBand::kOver30},
                                         {400, WaitBand::kOver30}}) {
    EXPECT_EQ(WaitBandOf(c.days), c.band) << c.days;
  }
}

TEST(StatisticsTest, TrendMonthsRunFromAprilToTheAsOfMonth) {
  EXPECT_EQ(TrendMonths(Date{2026, 4, 1}), std::vector<std::string>{"2026-04"});
  auto months = TrendMonths(Date{2027, 2, 10});
  ASSERT_EQ(months.size(), 11u);
  EXPECT_EQ(months.front(), "2026-04");
  EXPECT_EQ(months[8], "2026-12");
  EXPECT_EQ(months.back(), "2027-02");
  EXPECT_EQ(TrendMonths(Date{2026, 3, 31}).front(), "2025-04");
}

TEST(StatisticsTest, PeriodIsTheFiscalYearInJapaneseDays) {
  auto p = FiscalYearUpTo(Date{2027, 1, 15});
  EXPECT_EQ(p.from, (Date{2026, 4, 1}));
  EXPECT_EQ(p.from_utc, "2026-03-31T15:00:00Z");
  EXPECT_EQ(p.until_utc, "2027-01-15T15:00:00Z");
  EXPECT_EQ(FiscalYearUpTo(Date{2026, 3, 31}).from, (Date{2025, 4, 1}));
}

TEST(StatisticsTest, AreasFollowTheBreakdown) {
  EXPECT_EQ(AreaOfCode("13001", Breakdown::kPrefecture), "13");
  EXPECT_EQ(AreaOfCode("13", Breakdown::kPrefecture), "13");
  EXPECT_EQ(AreaOfCode("13001", Breakdown::kAssociation), "13001");
  EXPECT_EQ(AreaOfCode("13", Breakdown::kAssociation), "13");
}

StatisticsInputs TwoPrefectures() {
  StatisticsInputs in;
  in.completion = {{"13001", 10, 4}, {"13002", 5, 1}, {"27001", 8, 8}};
  in.applicants = {{"13001", 5, 3}, {"27001", 8, 7}};
  in.waiting = {{"13001", ReviewKind::kApplication, Date{2026, 12, 1}, 2},
                {"13", ReviewKind::kActivity, Date{2026, 11, 1}, 1},
                {"27001", ReviewKind::kDeclaration, Date{2026, 10, 1}, 3}};
  in.decisions = {{"13001", ReviewKind::kApplication, ReviewStatus::kApproved, Date{2026, 5, 1},
                   Date{2026, 5, 3}, 3},
                  {"13001", ReviewKind::kActivity, ReviewStatus::kReturned, Date{2026, 6, 1},
                   Date{2026, 6, 11}, 1},
                  {"27001", ReviewKind::kApplication, ReviewStatus::kApproved, Date{2026, 7, 1},
                   Date{2026, 7, 31}, 2},
                  {"27001", ReviewKind::kApplication, ReviewStatus::kRejected, Date{2026, 7, 1},
                   Date{2026, 7, 1}, 1}};
  in.certificates = {{"13001", "2026-05", 3, 0, 0, 2}, {"27001", "2026-07", 2, 1, 1, 0}};
  in.submissions = {{"13001", "2026-05", 4}, {"27001", "2026-07", 3}, {"27001", "2025-12", 9}};
  in.coverage = {{"13", 20, 5}, {"27", 10, 10}};
  return in;
}

TEST(StatisticsTest, NationalReportHasOneRowPerPrefectureAndATotal) {
  auto s = AssembleStatistics(TwoPrefectures(), "", Breakdown::kPrefecture, Date{2026, 12, 5},
                              {{"証明書が不鮮明", 1}});
  ASSERT_EQ(s.areas.size(), 2u);
  const auto& tokyo = s.areas[0];
  EXPECT_EQ(tokyo.area, "13");
  EXPECT_EQ(tokyo.doctors, 15);
  EXPECT_EQ(tokyo.complete, 5);
  EXPECT_EQ(tokyo.applied, 5);
  EXPECT_EQ(tokyo.approved, 3);
  EXPECT_EQ(tokyo.Waiting(), 3);
  EXPECT_EQ(tokyo.waiting_by_kind[static_cast<size_t>(ReviewKind::kActivity)], 1);
  // 4 days and 34 days old on 2026-12-05.
  EXPECT_EQ(tokyo.waiting_by_age[static_cast<size_t>(WaitBand::kUpTo7)], 2);
  EXPECT_EQ(tokyo.waiting_by_age[static_cast<size_t>(WaitBand::kOver30)], 1);
  EXPECT_EQ(tokyo.decisions, 4);
  EXPECT_EQ(tokyo.approvals, 3);
  EXPECT_EQ(tokyo.returns, 1);
  EXPECT_EQ(tokyo.median_days, 2);  // 2,2,2,10
  EXPECT_EQ(tokyo.p90_days, 10);
  EXPECT_EQ(tokyo.issued, 3);
  EXPECT_EQ(tokyo.mailed, 2);
  EXPECT_EQ(tokyo.reportable, 20);
  EXPECT_EQ(tokyo.covered, 5);
  const auto& osaka = s.areas[1];
  EXPECT_EQ(osaka.area, "27");
  EXPECT_EQ(osaka.rejections, 1);
  EXPECT_EQ(osaka.median_days, 30);  // 0,30,30
  EXPECT_EQ(osaka.reissued, 1);
  EXPECT_EQ(osaka.revoked, 1);

  EXPECT_EQ(s.total.doctors, 23);
  EXPECT_EQ(s.total.complete, 13);
  EXPECT_EQ(s.total.Waiting(), 6);
  EXPECT_EQ(s.total.decisions, 7);
  EXPECT_EQ(s.total.median_days, 2);  // 0,2,2,2,10,30,30
  EXPECT_EQ(s.total.p90_days, 30);
  EXPECT_EQ(s.total.reportable, 30);
  EXPECT_EQ(s.fiscal_year, 2026);
  ASSERT_EQ(s.top_reasons.size(), 1u);
}

TEST(StatisticsTest, TrendCountsOnlyMonthsOfTheFiscalYear) {
  auto s = AssembleStatistics(TwoPrefectures(), "", Breakdown::kPrefecture, Date{2026, 12, 5}, {});
  ASSERT_EQ(s.trend.size(), 9u);
  EXPECT_EQ(s.trend[1].month, "2026-05");
  EXPECT_EQ(s.trend[1].submitted, 4);
  EXPECT_EQ(s.trend[1].approved, 3);
  EXPECT_EQ(s.trend[1].issued, 3);
  EXPECT_EQ(s.trend[3].submitted, 3);  // July; the 2025-12 row is outside
  EXPECT_EQ(s.trend[3].approved, 2);   // the rejection is not an approval
  int64_t submitted = 0;
  for (const auto& m : s.trend) submitted += m.submitted;
  EXPECT_EQ(submitted, 7);
}

TEST(StatisticsTest, PrefectureReportKeepsItsOwnAssociationApartFromCounties) {
  auto s =
      AssembleStatistics(TwoPrefectures(), "13", Breakdown::kAssociation, Date{2026, 12, 5}, {});
  std::vector<std::string> areas;
  for (const auto& a : s.areas) areas.push_back(a.area);
  // The inputs are the store's: it gives only the scope's codes. Here the
  // Osaka rows were not filtered, so they show as their own associations.
  EXPECT_EQ(areas, (std::vector<std::string>{"13", "13001", "13002", "27", "27001"}));
  EXPECT_EQ(s.areas[0].waiting_by_kind[static_cast<size_t>(ReviewKind::kActivity)], 1);
  EXPECT_EQ(s.areas[2].doctors, 5);
}

}  // namespace
}  // namespace kakari::core
