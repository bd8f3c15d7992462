#include "core/domain/reminders.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kakari::core {
namespace {

TEST(RemindersTest, DoctorsInNovemberAndDecemberInstitutionsInDecember) {
  struct Case {
    Date day;
    bool doctors;
    bool institutions;
  };
  for (const Case& c : std::vector<Case>{{{2026, 10, 31}, false, false},
                                         {{2026, 11, 1}, true, false},
                                         {{2026, 12, 31}, true, true},
                                         {{2027, 1, 1}, false, false}}) {
    EXPECT_EQ(IsCompletionReminderMonth(c.day), c.doctors) << c.day.ToIso();
    EXPECT_EQ(IsGmisReminderMonth(c.day), c.institutions) << c.day.ToIso();
  }
}

TEST(RemindersTest, EachServerRunsThemOnceADayAtTheHourInJapan) {
  // 2026-12-06 07:00 in Japan is 2026-12-05 22:00 UTC.
  constexpr int64_t kSevenInTokyo = 1796508000;
  const Date today{2026, 12, 6};
  const Date yesterday{2026, 12, 5};
  struct Case {
    int64_t at;
    std::optional<Date> last;
    std::optional<Date> due;
  };
  for (const Case& c : std::vector<Case>{
           {kSevenInTokyo, std::nullopt, today},
           {kSevenInTokyo + 3599, yesterday, today},
           {kSevenInTokyo + 60, today, std::nullopt},                  // made already
           {kSevenInTokyo - 1, yesterday, std::nullopt},               // 06:59
           {kSevenInTokyo + 3600, std::nullopt, std::nullopt},         // 08:00: started later
           {kSevenInTokyo - 9 * 3600, std::nullopt, std::nullopt}}) {  // midnight
    auto due = ReminderRunDue(c.at, kDefaultReminderHour, c.last);
    ASSERT_EQ(due.has_value(), c.due.has_value()) << c.at;
    if (due) {
      EXPECT_EQ(due->ToIso(), c.due->ToIso());
    }
  }
  // Midnight in Japan is 15:00 UTC the day before.
  auto midnight = ReminderRunDue(kSevenInTokyo - 7 * 3600, 0, std::nullopt);
  ASSERT_TRUE(midnight);
  EXPECT_EQ(midnight->ToIso(), "2026-12-06");
}

TEST(RemindersTest, PeriodsAreMonthsAndIsoWeeks) {
  EXPECT_EQ(MonthPeriod(Date{2026, 12, 5}), "2026-12");
  // Checked against GNU date +%G-W%V.
  struct Case {
    Date day;
    const char* week;
  };
  for (const Case& c : std::vector<Case>{{{2026, 12, 5}, "2026-W49"},
                                         {{2027, 1, 1}, "2026-W53"},
                                         {{2026, 12, 28}, "2026-W53"},
                                         {{2027, 1, 4}, "2027-W01"},
                                         {{2020, 12, 31}, "2020-W53"},
                                         {{2021, 1, 3}, "2020-W53"},
                                         {{2024, 12, 30}, "2025-W01"}}) {
    EXPECT_EQ(WeekPeriod(c.day), c.week) << c.day.ToIso();
  }
}

Eligibility Short(std::vector<Missing> missing) {
  Eligibility e;
  e.complete = missing.empty();
  e.missing = std::move(missing);
  return e;
}

TEST(RemindersTest, OnlyDoctorsCloseToCompletionAreReminded) {
  Missing half{MissingKind::kLectureUnits, HalfUnits::FromHalves(1), 0,
               "座学研修（知識）があと0.5単位必要です", "0.5 more lecture units are needed"};
  Missing two{MissingKind::kLectureUnits, HalfUnits::FromHalves(4), 0, "あと2単位", "2 more"};
  Missing five{MissingKind::kLectureUnits, HalfUnits::FromHalves(10), 0, "あと5単位", "5 more"};
  Missing one_activity{MissingKind::kPracticalActivities, HalfUnits::FromHalves(2), 1, "あと1件",
                       "1 more"};
  Missing two_activities{MissingKind::kPracticalActivities, HalfUnits::FromHalves(4), 2, "あと2件",
                         "2 more"};
  auto words = NearCompletionWords(Short({half}));
  ASSERT_TRUE(words);
  EXPECT_EQ(words->ja, "座学研修（知識）があと0.5単位必要です。");
  EXPECT_EQ(words->en, "0.5 more lecture units are needed.");
  EXPECT_TRUE(NearCompletionWords(Short({two})));
  EXPECT_FALSE(NearCompletionWords(Short({five})));
  EXPECT_TRUE(NearCompletionWords(Short({one_activity})));
  EXPECT_FALSE(NearCompletionWords(Short({two_activities})));
  EXPECT_FALSE(NearCompletionWords(Short({half, one_activity}))) << "two parts missing";
  auto apply = NearCompletionWords(Short({}));
  ASSERT_TRUE(apply);
  EXPECT_EQ(apply->ja, "修了の要件を満たしています。修了の申請をしてください。");
}

}  // namespace
}  // namespace kakari::core
