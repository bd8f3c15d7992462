// Statistics through the services with the fakes: who may see which area,
// and figures that follow what doctors and staff did.
#include "core/services/statistics_service.hpp"

#include <gtest/gtest.h>

#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class StatisticsServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    auto uow = *store_->Begin(true);
    auto tokyo = *uow->Organisations().FindByCode("13");
    ASSERT_TRUE(uow->Organisations()
                    .Insert({0, tokyo->id, OrgLevel::kCounty, "13001", "千代田区医師会", "Chiyoda"})
                    .has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  static ActivityInput Vaccination() {
    return {
        "vaccination", "インフルエンザ予防接種", Date{2026, 4, 1}, Date{2026, 4, 30}, "練馬区", {}};
  }
  Id Report(const Caller& doctor) {
    auto id = ReportActivity(deps(), doctor, Vaccination());
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  void DecideActivity(const Caller& staff, Id id, ReviewAction action, std::string reason = "") {
    auto item = ViewItem(deps(), staff, ReviewKind::kActivity, id);
    ASSERT_TRUE(item.has_value());
    Decision d{action, std::move(reason), item->item.version};
    ASSERT_TRUE(Decide(deps(), staff, ReviewKind::kActivity, id, d).has_value());
  }
  static const AreaFigures& Area(const Statistics& s, std::string_view code) {
    for (const auto& a : s.areas) {
      if (a.area == code) return a;
    }
    static AreaFigures none;
    ADD_FAILURE() << "no area " << code;
    return none;
  }
};

TEST_F(StatisticsServiceTest, EachStaffMemberSeesTheirOwnAreaOnly) {
  auto jma = AreaStatistics(deps(), Staff(Role::kJmaAdmin, "00"), std::nullopt, std::nullopt);
  ASSERT_TRUE(jma.has_value()) << jma.error().message_en;
  EXPECT_EQ(jma->scope, "");
  EXPECT_EQ(jma->areas.size(), 47u) << "every prefecture, even with nothing in it";
  EXPECT_EQ(Area(*jma, "13").name_ja, "東京都医師会");
  EXPECT_EQ(jma->total.name_ja, "全国");

  auto tokyo = AreaStatistics(deps(), Staff(Role::kReviewer, "13"), std::nullopt, std::nullopt);
  ASSERT_TRUE(tokyo.has_value());
  EXPECT_EQ(tokyo->scope, "13");
  ASSERT_EQ(tokyo->areas.size(), 2u);  // the prefecture's own association and its county
  EXPECT_EQ(tokyo->areas[1].name_ja, "千代田区医師会");

  auto county =
      AreaStatistics(deps(), Staff(Role::kReviewer, "13"), std::string("13001"), std::nullopt);
  ASSERT_TRUE(county.has_value());
  EXPECT_EQ(county->areas.size(), 1u);

  auto osaka =
      AreaStatistics(deps(), Staff(Role::kReviewer, "27"), std::string("13"), std::nullopt);
  ASSERT_FALSE(osaka.has_value());
  EXPECT_EQ(osaka.error().code, ErrorCode::kNotFound);
  auto upward =
      AreaStatistics(deps(), Staff(Role::kReviewer, "13001"), std::string("13"), std::nullopt);
  ASSERT_FALSE(upward.has_value());
  EXPECT_EQ(upward.error().code, ErrorCode::kNotFound);
  auto doctor = AreaStatistics(deps(), NewDoctor("323456"), std::nullopt, std::nullopt);
  ASSERT_FALSE(doctor.has_value());
  EXPECT_EQ(doctor.error().code, ErrorCode::kPermissionDenied);
  auto bad =
      AreaStatistics(deps(), Staff(Role::kJmaAdmin, "00"), std::string("東京"), std::nullopt);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(StatisticsServiceTest, FiguresFollowSubmissionsAndDecisions) {
  auto abe = NewDoctor("423456", "13");
  auto ito = NewDoctor("523456", "13001");
  NewDoctor("623456", "27");
  Id returned = Report(abe);
  Id approved = Report(abe);
  Report(ito);  // still waiting
  auto reviewer = Staff(Role::kReviewer, "13");
  clock_.Advance(3 * 86400);
  DecideActivity(reviewer, returned, ReviewAction::kReturn, "日付が読めません");
  clock_.Advance(7 * 86400);
  DecideActivity(reviewer, approved, ReviewAction::kApprove);

  auto s = AreaStatistics(deps(), Staff(Role::kJmaAdmin, "00"), std::nullopt, std::nullopt);
  ASSERT_TRUE(s.has_value()) << s.error().message_en;
  EXPECT_EQ(s->as_of, clock_.TodayInJapan());
  EXPECT_EQ(s->fiscal_year, 2026);
  const auto& tokyo = Area(*s, "13");
  EXPECT_EQ(tokyo.doctors, 2);
  EXPECT_EQ(tokyo.complete, 0) << "an activity without lecture units completes nothing";
  EXPECT_EQ(tokyo.decisions, 2);
  EXPECT_EQ(tokyo.returns, 1);
  EXPECT_EQ(tokyo.approvals, 1);
  EXPECT_EQ(tokyo.median_days, 3);
  EXPECT_EQ(tokyo.p90_days, 10);
  EXPECT_EQ(tokyo.waiting_by_kind[static_cast<size_t>(ReviewKind::kActivity)], 1);
  EXPECT_EQ(Area(*s, "27").doctors, 1);
  EXPECT_EQ(s->total.doctors, 3);
  ASSERT_EQ(s->top_reasons.size(), 1u);
  EXPECT_EQ(s->top_reasons[0].reason, "日付が読めません");
  // The trend runs April to the as-of month (June 2026).
  ASSERT_EQ(s->trend.size(), 3u);
  EXPECT_EQ(s->trend.back().month, "2026-06");

  // Osaka's staff see none of it.
  auto osaka = AreaStatistics(deps(), Staff(Role::kReviewer, "27"), std::nullopt, std::nullopt);
  ASSERT_TRUE(osaka.has_value());
  EXPECT_EQ(osaka->total.decisions, 0);
  EXPECT_TRUE(osaka->top_reasons.empty());
  EXPECT_EQ(osaka->total.doctors, 1);
}

}  // namespace
}  // namespace kakari::core
