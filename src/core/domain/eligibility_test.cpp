#include "core/domain/eligibility.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

struct Case {
  const char* what;
  int lecture_halves;
  int approved;
  bool complete;
  int total_halves;
  std::vector<std::string> missing_ja;
};

TEST(EligibilityTest, DefaultProgrammeBoundaries) {
  const std::vector<Case> cases = {
      {"9.5 total", 9, 1, false, 19, {"座学研修（知識）があと0.5単位必要です"}},
      {"exactly 10", 10, 1, true, 20, {}},
      {"10.5", 11, 1, true, 21, {}},
      {"doc example: 2 activities + 0.5", 1, 2, true, 21, {}},
      {"doc example: 3 activities, no lecture",
       0,
       3,
       false,
       30,
       {"座学研修（知識）があと0.5単位必要です"}},
      {"doc example: 9.5 lecture, no activity",
       19,
       0,
       false,
       19,
       {"実地研修（経験）があと1件（5単位）必要です"}},
      {"zero of both",
       0,
       0,
       false,
       0,
       {"実地研修（経験）があと1件（5単位）必要です", "座学研修（知識）があと5単位必要です"}},
      {"lecture 2.5 + 1 activity", 5, 1, false, 15, {"座学研修（知識）があと2.5単位必要です"}},
      {"20 lecture units, no activity",
       40,
       0,
       false,
       40,
       {"実地研修（経験）があと1件（5単位）必要です"}},
      {"half unit + 1 activity", 1, 1, false, 11, {"座学研修（知識）があと4.5単位必要です"}},
  };
  Programme p = DefaultProgramme();
  for (const auto& c : cases) {
    Eligibility e = Evaluate(p, UnitTally{HalfUnits::FromHalves(c.lecture_halves), c.approved});
    EXPECT_EQ(e.complete, c.complete) << c.what;
    EXPECT_EQ(IsComplete(p, UnitTally{HalfUnits::FromHalves(c.lecture_halves), c.approved}),
              c.complete)
        << c.what;
    EXPECT_EQ(e.total_units.halves(), c.total_halves) << c.what;
    EXPECT_EQ(e.practical_units, HalfUnits::FromUnits(5) * c.approved) << c.what;
    ASSERT_EQ(e.missing.size(), c.missing_ja.size()) << c.what;
    for (size_t i = 0; i < e.missing.size(); ++i) {
      EXPECT_EQ(e.missing[i].message_ja, c.missing_ja[i]) << c.what;
    }
  }
}

TEST(EligibilityTest, EnglishMessagesReadNaturally) {
  Eligibility e = Evaluate(DefaultProgramme(), UnitTally{HalfUnits::FromHalves(10), 0});
  ASSERT_EQ(e.missing.size(), 1u);
  EXPECT_EQ(e.missing[0].message_en, "1 more approved practical activity (5 units) is needed");
  e = Evaluate(DefaultProgramme(), UnitTally{HalfUnits::FromHalves(5), 1});
  EXPECT_EQ(e.missing[0].message_en, "2.5 more lecture units are needed");
  EXPECT_EQ(e.missing[0].units.halves(), 5);
}

TEST(EligibilityTest, ProgrammeNumbersAreData) {
  Programme p = DefaultProgramme();
  p.required_total = HalfUnits::FromUnits(12);
  p.units_per_activity = HalfUnits::FromUnits(4);
  Eligibility e = Evaluate(p, UnitTally{HalfUnits::FromUnits(7), 1});
  EXPECT_FALSE(e.complete);
  EXPECT_EQ(e.total_units, HalfUnits::FromUnits(11));
  EXPECT_EQ(e.missing[0].message_ja, "座学研修（知識）があと1単位必要です");
}

TEST(EligibilityTest, OnlyApprovedActivitiesAndCreditsInWindowCount) {
  Programme p = DefaultProgramme();
  p.credit_window = DateRange{Date{2025, 4, 1}, Date{2026, 3, 31}};
  std::vector<LectureCreditFact> credits = {
      {{2025, 3, 31}, HalfUnits::FromUnits(3)},   // the day before the window
      {{2025, 4, 1}, HalfUnits::FromUnits(2)},    // first day
      {{2026, 3, 31}, HalfUnits::FromHalves(1)},  // last day
      {{2026, 4, 1}, HalfUnits::FromUnits(4)},    // the day after
  };
  std::vector<ActivityStatus> activities = {ActivityStatus::kSubmitted, ActivityStatus::kReturned,
                                            ActivityStatus::kDraft,     ActivityStatus::kRejected,
                                            ActivityStatus::kWithdrawn, ActivityStatus::kApproved};
  UnitTally t = TallyRecord(p, credits, activities);
  EXPECT_EQ(t.lecture.halves(), 5);
  EXPECT_EQ(t.approved_activities, 1);
  EXPECT_FALSE(Evaluate(p, t).complete);

  p.credit_window.reset();
  t = TallyRecord(p, credits, activities);
  EXPECT_EQ(t.lecture.halves(), 19);
  EXPECT_TRUE(Evaluate(p, t).complete);
}

TEST(EligibilityTest, NoApprovedActivityNoPracticalUnits) {
  std::vector<ActivityStatus> pending = {ActivityStatus::kSubmitted, ActivityStatus::kReturned};
  UnitTally t =
      TallyRecord(DefaultProgramme(), {{{2025, 5, 1}, HalfUnits::FromUnits(20)}}, pending);
  Eligibility e = Evaluate(DefaultProgramme(), t);
  EXPECT_EQ(e.practical_units, HalfUnits());
  EXPECT_FALSE(e.complete);
}

TEST(ProgrammeTest, ValidationRefusesInvertedWindow) {
  Programme p = DefaultProgramme();
  EXPECT_TRUE(ValidateProgramme(p).has_value());
  p.credit_window = DateRange{Date{2026, 1, 1}, Date{2025, 1, 1}};
  EXPECT_FALSE(ValidateProgramme(p).has_value());
  p = DefaultProgramme();
  p.certificate_validity_years = 0;
  EXPECT_FALSE(ValidateProgramme(p).has_value());
}

}  // namespace
}  // namespace kakari::core
