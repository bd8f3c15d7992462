// Affiliations with the fakes: a doctor names a workplace, the institution
// confirms it once (a stale version is refused), nobody else sees or
// decides it, and what was refused leaves nothing behind.
#include "core/services/affiliation_service.hpp"

#include <gtest/gtest.h>

#include "core/domain/validation.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class AffiliationServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    clinic_ = AddClinic("1310000011", "みなと医院", "13001");
    other_ = AddClinic("1310000029", "しらかば診療所", "13001");
    doctor_ = NewDoctor("123456");
  }
  // How many affiliations the store holds for the clinic.
  size_t AffiliationsOfClinic() {
    auto uow = *store_->Begin(false);
    return uow->Institutions().AffiliationsOfInstitution(clinic_)->size();
  }
  Id clinic_ = 0, other_ = 0;
  Caller doctor_;
};

TEST_F(AffiliationServiceTest, TheInstitutionConfirmsWhatTheDoctorNamedOnce) {
  auto added = AddMyWorkplace(deps(), doctor_, "1310000011", {Date{2024, 4, 1}, std::nullopt});
  ASSERT_TRUE(added.has_value()) << added.error().message_en;
  EXPECT_EQ(added->affiliation.state, AffiliationState::kAwaitingInstitution);
  EXPECT_FALSE(added->visible);  // not before the institution confirms
  EXPECT_EQ(added->institution.name, "みなと医院");
  ASSERT_EQ(AuditOf("affiliation.add").size(), 1u);
  EXPECT_EQ(AuditOf("affiliation.add")[0].actor_role, "doctor");

  Caller clinic = InstitutionUser(clinic_);
  auto requests = InstitutionAffiliations(deps(), clinic);
  ASSERT_TRUE(requests.has_value());
  ASSERT_EQ(requests->size(), 1u);
  EXPECT_EQ((*requests)[0].registry_number, "123456");
  EXPECT_EQ((*requests)[0].name, "髙橋　花子");

  Id id = added->affiliation.id;
  auto confirmed = DecideInstitutionAffiliation(deps(), clinic, id,
                                                {AffiliationAction::kConfirm, 1, std::nullopt});
  ASSERT_TRUE(confirmed.has_value()) << confirmed.error().message_en;
  EXPECT_EQ(confirmed->affiliation.state, AffiliationState::kConfirmed);
  auto again = DecideInstitutionAffiliation(deps(), clinic, id,
                                            {AffiliationAction::kConfirm, 1, std::nullopt});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message_ja, "この勤務先は既に確認済みです");
  // The doctor ending it from a page read before the confirmation.
  auto stale = DecideMyWorkplace(deps(), doctor_, id, {AffiliationAction::kEnd, 1, std::nullopt});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().message_ja, "先に更新されました。最新の状態を確認してください");
  EXPECT_TRUE(AuditOf("affiliation.end").empty());
  EXPECT_EQ(AuditOf("affiliation.confirm").size(), 1u);  // the refused one left nothing

  auto mine = MyWorkplaces(deps(), doctor_);
  ASSERT_TRUE(mine.has_value());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_TRUE((*mine)[0].visible);
}

TEST_F(AffiliationServiceTest, NobodyElseSeesOrDecidesIt) {
  auto added = AddMyWorkplace(deps(), doctor_, "1310000011", {});
  ASSERT_TRUE(added.has_value());
  Id id = added->affiliation.id;
  auto by_other = DecideInstitutionAffiliation(deps(), InstitutionUser(other_), id,
                                               {AffiliationAction::kConfirm, 1, std::nullopt});
  auto by_doctor = DecideMyWorkplace(deps(), NewDoctor("654321"), id,
                                     {AffiliationAction::kEnd, 1, std::nullopt});
  ASSERT_FALSE(by_other.has_value());
  EXPECT_EQ(by_other.error().code, ErrorCode::kNotFound);
  ASSERT_FALSE(by_doctor.has_value());
  EXPECT_EQ(by_doctor.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(by_doctor.error().message_ja, by_other.error().message_ja);
  EXPECT_TRUE(InstitutionAffiliations(deps(), InstitutionUser(other_))->empty());
  auto staff = InstitutionAffiliations(deps(), Staff(Role::kReviewer, "13"));
  ASSERT_FALSE(staff.has_value());
  EXPECT_EQ(staff.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(staff.error().message_ja, "医療機関の担当者のみが行える操作です");
  EXPECT_EQ(AffiliationsOfClinic(), 1u);
  EXPECT_TRUE(AuditOf("affiliation.confirm").empty());
}

TEST_F(AffiliationServiceTest, UnknownCodesTwinsAndWrongNamesAreRefusedWithTheirReason) {
  std::string nowhere = "131000003" + std::to_string(InstitutionCodeCheckDigit("131000003"));
  auto unknown = AddMyWorkplace(deps(), doctor_, nowhere, {});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message_ja,
            "医療機関コード " + nowhere + " の医療機関は登録されていません");
  EXPECT_EQ(unknown.error().field, "institution_code");

  NewAffiliation april{Date{2024, 4, 1}, Employment::kFullTime};
  ASSERT_TRUE(AddMyWorkplace(deps(), doctor_, "1310000011", april).has_value());
  auto twin = AddMyWorkplace(deps(), doctor_, "1310000011", april);
  ASSERT_FALSE(twin.has_value());
  EXPECT_EQ(twin.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(twin.error().message_en, "this workplace is already recorded with the same start date");

  Caller clinic = InstitutionUser(clinic_);
  auto wrong = ProposeDoctor(deps(), clinic, "123456", "髙橋　太郎", {});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message_ja, "医籍登録番号と氏名が一致する医師が見つかりません");
  // The name as typed with a plain 高 and no space still finds her.
  auto right = ProposeDoctor(deps(), clinic, "123456", "高橋花子", {});
  ASSERT_TRUE(right.has_value()) << right.error().message_en;
  EXPECT_EQ(right->affiliation.state, AffiliationState::kAwaitingDoctor);
  EXPECT_EQ(AffiliationsOfClinic(), 2u);
  EXPECT_EQ(AuditOf("affiliation.add").size(), 2u);
}

}  // namespace
}  // namespace kakari::core
