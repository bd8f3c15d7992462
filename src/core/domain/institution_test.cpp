#include "core/domain/institution.hpp"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace kakari::core {
namespace {

using S = AffiliationState;
using Side = AffiliationSide;
using A = AffiliationAction;

TEST(Institution, ReportExemptionFollowsCodeAndFlag) {
  struct Case {
    const char* code;
    bool advanced;
    ExemptReason want;
  } cases[] = {
      {"1311234567", false, ExemptReason::kNone},
      {"1311234567", true, ExemptReason::kAdvancedTreatment},
      {"1331234567", false, ExemptReason::kDental},
      {"1331234567", true, ExemptReason::kDental},  // dental wins: it is never reportable
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ReportExemption(c.code, c.advanced), c.want) << c.code << " " << c.advanced;
  }
  EXPECT_STREQ(ExemptReasonName(ExemptReason::kDental), "dental");
  EXPECT_STREQ(ExemptReasonName(ExemptReason::kAdvancedTreatment), "advanced_treatment");
}

TEST(Institution, EmploymentAcceptsBothLanguages) {
  EXPECT_EQ(ParseEmployment("常勤"), Employment::kFullTime);
  EXPECT_EQ(ParseEmployment("full_time"), Employment::kFullTime);
  EXPECT_EQ(ParseEmployment("非常勤"), Employment::kPartTime);
  EXPECT_EQ(ParseEmployment("part_time"), Employment::kPartTime);
  EXPECT_FALSE(ParseEmployment("sometimes"));
}

TEST(Affiliation, StartsAwaitingTheOtherSideUnlessStaffOrImport) {
  EXPECT_EQ(InitialState(AffiliationSource::kDoctor), S::kAwaitingInstitution);
  EXPECT_EQ(InitialState(AffiliationSource::kInstitution), S::kAwaitingDoctor);
  EXPECT_EQ(InitialState(AffiliationSource::kStaff), S::kConfirmed);
  EXPECT_EQ(InitialState(AffiliationSource::kImport), S::kConfirmed);
}

// Every (state, side, action): allowed ones lead where the table says.
TEST(Affiliation, EveryActionFollowsTheTable) {
  const std::map<std::tuple<S, Side, A>, S> allowed = {
      {{S::kAwaitingInstitution, Side::kInstitution, A::kConfirm}, S::kConfirmed},
      {{S::kAwaitingInstitution, Side::kInstitution, A::kDecline}, S::kDeclined},
      {{S::kAwaitingInstitution, Side::kStaff, A::kConfirm}, S::kConfirmed},
      {{S::kAwaitingInstitution, Side::kStaff, A::kDecline}, S::kDeclined},
      {{S::kAwaitingDoctor, Side::kDoctor, A::kConfirm}, S::kConfirmed},
      {{S::kAwaitingDoctor, Side::kDoctor, A::kDecline}, S::kDeclined},
      {{S::kAwaitingDoctor, Side::kStaff, A::kConfirm}, S::kConfirmed},
      {{S::kAwaitingDoctor, Side::kStaff, A::kDecline}, S::kDeclined},
      // Ending a pending request withdraws it; ending a confirmed one keeps it.
      {{S::kAwaitingInstitution, Side::kDoctor, A::kEnd}, S::kDeclined},
      {{S::kAwaitingInstitution, Side::kInstitution, A::kEnd}, S::kDeclined},
      {{S::kAwaitingInstitution, Side::kStaff, A::kEnd}, S::kDeclined},
      {{S::kAwaitingDoctor, Side::kDoctor, A::kEnd}, S::kDeclined},
      {{S::kAwaitingDoctor, Side::kInstitution, A::kEnd}, S::kDeclined},
      {{S::kAwaitingDoctor, Side::kStaff, A::kEnd}, S::kDeclined},
      {{S::kConfirmed, Side::kDoctor, A::kEnd}, S::kConfirmed},
      {{S::kConfirmed, Side::kInstitution, A::kEnd}, S::kConfirmed},
      {{S::kConfirmed, Side::kStaff, A::kEnd}, S::kConfirmed},
  };
  int checked = 0;
  for (int s = 0; s <= static_cast<int>(S::kDeclined); ++s) {
    for (int side = 0; side <= static_cast<int>(Side::kStaff); ++side) {
      for (int a = 0; a <= static_cast<int>(A::kEnd); ++a) {
        auto key = std::make_tuple(static_cast<S>(s), static_cast<Side>(side), static_cast<A>(a));
        auto got = ApplyAffiliationAction(std::get<0>(key), std::get<1>(key), std::get<2>(key));
        auto it = allowed.find(key);
        std::string what = std::string(AffiliationStateName(std::get<0>(key))) + " side " +
                           std::to_string(side) + " " + AffiliationActionName(std::get<2>(key));
        if (it == allowed.end()) {
          ASSERT_FALSE(got) << what;
          EXPECT_EQ(got.error().code, ErrorCode::kConflict) << what;
          EXPECT_FALSE(got.error().message_ja.empty());
        } else {
          ASSERT_TRUE(got) << what;
          EXPECT_EQ(*got, it->second) << what;
        }
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 4 * 3 * 3);
}

TEST(Affiliation, ActiveOnCountsBothEndsAndOpenEnds) {
  Affiliation a;
  a.started_on = Date{2025, 4, 1};
  a.ended_on = Date{2026, 3, 31};
  EXPECT_FALSE(ActiveOn(a, Date{2025, 3, 31}));
  EXPECT_TRUE(ActiveOn(a, Date{2025, 4, 1}));
  EXPECT_TRUE(ActiveOn(a, Date{2026, 3, 31}));
  EXPECT_FALSE(ActiveOn(a, Date{2026, 4, 1}));
  a.started_on.reset();
  a.ended_on.reset();
  EXPECT_TRUE(ActiveOn(a, Date{1990, 1, 1}));
}

TEST(Affiliation, OnlyConfirmedIsVisible) {
  Affiliation a;
  for (auto s : {S::kAwaitingInstitution, S::kAwaitingDoctor, S::kDeclined}) {
    a.state = s;
    EXPECT_FALSE(VisibleToInstitution(a)) << AffiliationStateName(s);
  }
  a.state = S::kConfirmed;
  EXPECT_TRUE(VisibleToInstitution(a));
}

TEST(Affiliation, PeriodEndMayNotPrecedeStart) {
  EXPECT_TRUE(ValidatePeriod(Date{2025, 4, 1}, Date{2025, 4, 1}));
  EXPECT_TRUE(ValidatePeriod(std::nullopt, Date{2025, 4, 1}));
  auto bad = ValidatePeriod(Date{2025, 4, 2}, Date{2025, 4, 1});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message_ja, "終了日 2025-04-01 が開始日 2025-04-02 より前です");
  EXPECT_EQ(bad.error().field, "ended_on");
}

}  // namespace
}  // namespace kakari::core
