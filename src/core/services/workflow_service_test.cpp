// The completion workflow with the fakes: idempotent replays, stale
// versions, scope, and the words people see.
#include <gtest/gtest.h>

#include "core/services/certificate_service.hpp"
#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class WorkflowServiceTest : public ServiceTest {
 protected:
  ActivityInput Vaccination() {
    return ActivityInput{
        "vaccination", "インフルエンザ予防接種", Date{2026, 4, 1}, Date{2026, 4, 30}, "練馬区", {}};
  }
};

TEST_F(WorkflowServiceTest, AReplayedRequestReturnsTheFirstResultAndWritesNothingMore) {
  auto doctor = NewDoctor("123456");
  doctor.idempotency_key = "key-1";
  doctor.fingerprint = "body-1";
  auto first = ReportActivity(deps(), doctor, Vaccination());
  ASSERT_TRUE(first.has_value());
  auto again = ReportActivity(deps(), doctor, Vaccination());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *first);
  EXPECT_EQ(MyItems(deps(), doctor)->size(), 1u);
  EXPECT_EQ(AuditOf("activity.submit").size(), 1u);

  doctor.fingerprint = "another body";
  auto reused = ReportActivity(deps(), doctor, Vaccination());
  ASSERT_FALSE(reused.has_value());
  EXPECT_EQ(reused.error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(reused.error().message_ja,
            "この Idempotency-Key は別の要求に使われています。新しいキーで送ってください");
  EXPECT_EQ(reused.error().field, "Idempotency-Key");
  EXPECT_EQ(MyItems(deps(), doctor)->size(), 1u);
}

TEST_F(WorkflowServiceTest, AStaleVersionIsAConflictAndChangesNothing) {
  auto doctor = NewDoctor("223456");
  auto id = ReportActivity(deps(), doctor, Vaccination());
  ASSERT_TRUE(id.has_value());
  auto reviewer = Staff(Role::kReviewer, "13");
  auto view = ViewItem(deps(), reviewer, ReviewKind::kActivity, *id);
  ASSERT_TRUE(view.has_value());

  Decision stale{ReviewAction::kApprove, "", view->item.version + 1};
  auto refused = Decide(deps(), reviewer, ReviewKind::kActivity, *id, stale);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message_ja,
            "他の担当者が先に更新しました。最新の状態を確認してください");
  EXPECT_EQ(refused.error().message_en, "someone else changed this item first; reload it");
  EXPECT_TRUE(AuditOf("activity.approve").empty());

  auto withdrawn = Withdraw(deps(), doctor, ReviewKind::kActivity, *id, view->item.version + 5);
  ASSERT_FALSE(withdrawn.has_value());
  EXPECT_EQ(withdrawn.error().code, ErrorCode::kConflict);

  Decision current{ReviewAction::kApprove, "", view->item.version};
  ASSERT_TRUE(Decide(deps(), reviewer, ReviewKind::kActivity, *id, current).has_value());
  auto after = ViewItem(deps(), reviewer, ReviewKind::kActivity, *id);
  EXPECT_EQ(after->item.status, ReviewStatus::kApproved);
  EXPECT_EQ(after->item.version, view->item.version + 1);
  ASSERT_EQ(AuditOf("activity.approve").size(), 1u);
  EXPECT_EQ(AuditOf("activity.approve")[0].actor_user_id, reviewer.principal.user_id);
}

TEST_F(WorkflowServiceTest, OtherAssociationsAndOtherRolesAreRefused) {
  auto doctor = NewDoctor("323456", "13");
  auto id = ReportActivity(deps(), doctor, Vaccination());
  ASSERT_TRUE(id.has_value());
  // Osaka's reviewer cannot even learn that Tokyo's item exists.
  auto osaka = ViewItem(deps(), Staff(Role::kReviewer, "27"), ReviewKind::kActivity, *id);
  ASSERT_FALSE(osaka.has_value());
  EXPECT_EQ(osaka.error().code, ErrorCode::kNotFound);
  // A doctor may not decide, not even on their own item.
  auto self = Decide(deps(), doctor, ReviewKind::kActivity, *id, Decision{});
  ASSERT_FALSE(self.has_value());
  EXPECT_EQ(self.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(self.error().message_ja, "審査担当者のみが行える操作です");
  // And staff may not report activities as if they were a doctor.
  auto staff = ReportActivity(deps(), Staff(Role::kAdmin, "13"), Vaccination());
  ASSERT_FALSE(staff.has_value());
  EXPECT_EQ(staff.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(WorkflowServiceTest, AFutureStartDateNamesItsField) {
  auto doctor = NewDoctor("423456");
  auto input = Vaccination();
  input.started_on = Date{2026, 7, 1};  // the fixed clock says 2026-06-01
  input.ended_on.reset();
  auto refused = ReportActivity(deps(), doctor, input);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(refused.error().message_ja, "開始日が未来の日付です");
  EXPECT_EQ(refused.error().message_en, "the start date is in the future");
  EXPECT_EQ(refused.error().field, "started_on");
  EXPECT_TRUE(MyItems(deps(), doctor)->empty());
}

TEST_F(WorkflowServiceTest, APdfNeedsARenderer) {
  auto missing = CertificatePdf(deps(), CommandLineCaller(), "X", std::nullopt, "https://x");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(missing.error().message_ja, "この環境ではPDFを作れません");
  EXPECT_EQ(missing.error().detail, "no renderer in Deps");
}

}  // namespace
}  // namespace kakari::core
