#include "core/domain/guidance.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

ReviewItem Item(ReviewKind kind, Id id, ReviewStatus status, std::string reason = "") {
  ReviewItem i;
  i.kind = kind;
  i.id = id;
  i.status = status;
  i.last_reason = std::move(reason);
  return i;
}

std::vector<std::string> Kinds(const std::vector<NextStep>& steps) {
  std::vector<std::string> names;
  for (const auto& s : steps) names.emplace_back(StepKindName(s.kind));
  return names;
}

struct Case {
  const char* what;
  int lecture_halves;
  int approved_activities;
  PendingWork pending;
  std::vector<ReviewItem> items;
  std::vector<std::string> steps;
};

const auto kSubmitted = ReviewStatus::kSubmitted;
const auto kReturned = ReviewStatus::kReturned;
const auto kApproved = ReviewStatus::kApproved;
const auto kApp = ReviewKind::kApplication;
const auto kAct = ReviewKind::kActivity;
const auto kDecl = ReviewKind::kDeclaration;

TEST(GuidanceTest, StepsFollowEachMissingPartAndWhatIsUnderReview) {
  const std::vector<Case> cases = {
      {"nothing yet", 0, 0, {}, {}, {"report_activity", "take_lectures"}},
      {"15 practical units, no lecture: lectures, not another activity",
       0,
       3,
       {},
       {},
       {"take_lectures"}},
      {"lecture short only", 9, 1, {}, {}, {"take_lectures"}},
      {"activity short only", 20, 0, {}, {}, {"report_activity"}},
      {"declared 2.5 under review covers 0.5 short",
       0,
       3,
       {HalfUnits::FromHalves(5), 1, 0},
       {},
       {"await_lecture_review"}},
      {"declared 0.5 under review, 5 short: still lectures",
       0,
       1,
       {HalfUnits::FromHalves(1), 1, 0},
       {},
       {"take_lectures"}},
      {"activity under review covers the practical part",
       20,
       0,
       {HalfUnits(), 0, 1},
       {},
       {"await_activity_review"}},
      {"both parts under review",
       0,
       0,
       {HalfUnits::FromUnits(5), 1, 1},
       {},
       {"await_activity_review", "await_lecture_review"}},
      {"complete: apply", 10, 1, {}, {}, {"apply"}},
      {"complete, application under review",
       10,
       1,
       {},
       {Item(kApp, 4, kSubmitted)},
       {"await_application"}},
      {"complete, application returned: fix it, do not apply anew",
       10,
       1,
       {},
       {Item(kApp, 4, kReturned, "印影が不鮮明")},
       {"fix_returned"}},
      {"certified", 10, 1, {}, {Item(kApp, 4, kApproved)}, {"certified"}},
      {"returned activity first, then the lecture part",
       0,
       1,
       {},
       {Item(kAct, 9, kReturned, "日付"), Item(kDecl, 3, kReturned, "証明書")},
       {"fix_returned", "fix_returned", "take_lectures"}},
      {"withdrawn application does not block applying again",
       10,
       1,
       {},
       {Item(kApp, 4, ReviewStatus::kWithdrawn)},
       {"apply"}},
      {"a newer application decides",
       10,
       1,
       {},
       {Item(kApp, 7, kSubmitted), Item(kApp, 4, ReviewStatus::kRejected)},
       {"await_application"}},
  };
  const Programme p = DefaultProgramme();
  for (const auto& c : cases) {
    Eligibility e =
        Evaluate(p, UnitTally{HalfUnits::FromHalves(c.lecture_halves), c.approved_activities});
    EXPECT_EQ(Kinds(NextSteps(e, c.pending, c.items)), c.steps) << c.what;
  }
}

TEST(GuidanceTest, StepsCarryTheirFigures) {
  const Programme p = DefaultProgramme();
  Eligibility e = Evaluate(p, UnitTally{HalfUnits(), 0});  // 1 activity, 5 units short
  auto steps = NextSteps(e, PendingWork{HalfUnits::FromUnits(2), 1, 0}, {});
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].kind, StepKind::kReportActivity);
  EXPECT_EQ(steps[0].activities, 1);
  EXPECT_EQ(steps[1].kind, StepKind::kTakeLectures);
  EXPECT_EQ(steps[1].units, HalfUnits::FromUnits(3));  // 5 short, 2 under review

  auto fix = NextSteps(e, {}, {Item(kAct, 12, kReturned, "活動日が空欄です")});
  ASSERT_FALSE(fix.empty());
  EXPECT_EQ(fix[0].item_kind, kAct);
  EXPECT_EQ(fix[0].item_id, 12);
  EXPECT_EQ(fix[0].reason, "活動日が空欄です");
}

TEST(GuidanceTest, MeterIsFullOnlyWhenNothingIsMissing) {
  const Programme p = DefaultProgramme();
  struct Row {
    int lecture_halves;
    int activities;
    int towards_halves;
  };
  for (const Row& r : std::vector<Row>{{0, 3, 19},    // 15 practical, 0.5 lecture short
                                       {19, 0, 10},   // one activity (5) short
                                       {0, 0, 0},     // 10 missing of 10
                                       {10, 1, 20},   // complete
                                       {40, 4, 20}})  // over: capped at the total
  {
    Eligibility e = Evaluate(p, UnitTally{HalfUnits::FromHalves(r.lecture_halves), r.activities});
    EXPECT_EQ(UnitsTowardsCompletion(p, e).halves(), r.towards_halves)
        << r.lecture_halves << "/" << r.activities;
  }
}

}  // namespace
}  // namespace kakari::core
