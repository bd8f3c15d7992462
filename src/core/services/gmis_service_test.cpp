// The G-MIS answer and coverage with the fakes: who sees which institution,
// and what an institution without a trained doctor is told.
#include "core/services/gmis_service.hpp"

#include <gtest/gtest.h>

#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class GmisServiceTest : public ServiceTest {
 protected:
  // A Tokyo clinic of county 13001 (code check digit valid), and the county.
  void SetUp() override {
    clinic_ = AddClinic("1310000011", "テスト診療所", "13001");
    auto uow = *store_->Begin(true);
    auto tokyo = *uow->Organisations().FindByCode("13");
    ASSERT_TRUE(uow->Organisations()
                    .Insert({0, tokyo->id, OrgLevel::kCounty, "13001", "テスト区医師会", "Test"})
                    .has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  Id clinic_ = 0;
};

TEST_F(GmisServiceTest, AnInstitutionWithoutATrainedDoctorAnswersNo) {
  auto answer = InstitutionAnswer(deps(), InstitutionUser(clinic_), std::nullopt, std::nullopt);
  ASSERT_TRUE(answer.has_value()) << answer.error().message_en;
  EXPECT_EQ(answer->institution.code, "1310000011");
  EXPECT_EQ(answer->as_of, clock_.TodayInJapan());
  ASSERT_TRUE(answer->answer.has_value());
  EXPECT_FALSE(*answer->answer);
  EXPECT_TRUE(answer->completed.empty());
  ASSERT_EQ(AuditOf("gmis.view").size(), 1u);
  EXPECT_EQ(AuditOf("gmis.view")[0].detail, "as_of=2026-06-01");
}

TEST_F(GmisServiceTest, OthersLearnNothingAboutAnInstitutionOutsideTheirArea) {
  // An institution user asking for another code, and Osaka's staff asking
  // for a Tokyo clinic, get the same answer as for a code that is unknown.
  auto other =
      InstitutionAnswer(deps(), InstitutionUser(clinic_), std::string("1310000029"), std::nullopt);
  auto osaka = InstitutionAnswer(deps(), Staff(Role::kReviewer, "27"), std::string("1310000011"),
                                 std::nullopt);
  for (const auto& refused : {other, osaka}) {
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(refused.error().message_ja, "医療機関が見つかりません");
  }
  EXPECT_TRUE(InstitutionAnswer(deps(), Staff(Role::kReviewer, "13001"), std::string("1310000011"),
                                std::nullopt)
                  .has_value());
  auto doctor =
      InstitutionAnswer(deps(), NewDoctor("123456"), std::string("1310000011"), std::nullopt);
  ASSERT_FALSE(doctor.has_value());
  EXPECT_EQ(doctor.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(AuditOf("gmis.view").size(), 1u);  // only the answer given was recorded
}

TEST_F(GmisServiceTest, CoverageCountsTheAreaAndListsThoseWithout) {
  auto tokyo = AreaCoverage(deps(), Staff(Role::kAdmin, "13"), std::nullopt, std::nullopt);
  ASSERT_TRUE(tokyo.has_value()) << tokyo.error().message_en;
  EXPECT_EQ(tokyo->reportable, 1);
  EXPECT_EQ(tokyo->covered, 0);
  ASSERT_EQ(tokyo->without.size(), 1u);
  EXPECT_EQ(tokyo->without[0].code, "1310000011");
  auto osaka = AreaCoverage(deps(), Staff(Role::kAdmin, "27"), std::nullopt, std::nullopt);
  ASSERT_TRUE(osaka.has_value());
  EXPECT_EQ(osaka->reportable, 0);
  // Osaka's staff may not look at Tokyo's area.
  auto wider = AreaCoverage(deps(), Staff(Role::kAdmin, "27"), std::string("13"), std::nullopt);
  ASSERT_FALSE(wider.has_value());
}

}  // namespace
}  // namespace kakari::core
