// The storage contract for institutions and affiliations.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/domain/text.hpp"
#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

using core::Affiliation;
using core::AffiliationSource;
using core::AffiliationState;
using core::Id;
using core::Institution;

template <class Factory>
class InstitutionContractTest : public StorageContractTest<Factory> {
 protected:
  Id AddInstitution(const std::string& code, const std::string& name, bool advanced = false,
                    const std::string& association = "") {
    auto uow = *this->store_->Begin(true);
    Institution i;
    i.code = code;
    i.name = name;
    i.kana = "テスト";
    i.kind = advanced ? "hospital" : "clinic";
    i.advanced_treatment = advanced;
    i.association_code = association;
    auto id = uow->Institutions().Insert(i);
    EXPECT_TRUE(id.has_value());
    EXPECT_TRUE(uow->Commit().has_value());
    return *id;
  }
};
TYPED_TEST_SUITE(InstitutionContractTest, Implementations, ImplementationNames);

// Valid codes (check digit computed by core::InstitutionCodeCheckDigit).
constexpr const char* kTokyoClinic = "1310000011";
constexpr const char* kTokyoDental = "1330000017";
constexpr const char* kTokyoHospital = "1310000029";
constexpr const char* kOsakaClinic = "2710000015";

TYPED_TEST(InstitutionContractTest, InsertFindUpdateAndCodeIsUnique) {
  Id id = this->AddInstitution(kTokyoClinic, "髙橋内科クリニック", false, "13001");
  auto uow = *this->store_->Begin(true);
  auto found = **uow->Institutions().FindByCode(kTokyoClinic);
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.name, "髙橋内科クリニック");
  EXPECT_EQ(found.association_code, "13001");
  Institution twin = found;
  auto dup = uow->Institutions().Insert(twin);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, core::ErrorCode::kAlreadyExists);
  found.name = "髙橋医院";
  found.advanced_treatment = false;
  ASSERT_TRUE(uow->Institutions().Update(found));
  EXPECT_EQ((**uow->Institutions().FindById(id)).name, "髙橋医院");
  EXPECT_EQ(uow->Institutions().CodeIndex()->at(kTokyoClinic), id);
}

TYPED_TEST(InstitutionContractTest, SearchByCodeNameOrKanaWithinArea) {
  this->AddInstitution(kTokyoClinic, "髙橋内科クリニック", false, "13001");
  this->AddInstitution(kOsakaClinic, "髙橋医院");
  auto uow = *this->store_->Begin(false);
  auto& repo = uow->Institutions();
  EXPECT_EQ(repo.Search("", "", core::SearchKey("髙橋"), 10)->size(), 2u);
  EXPECT_EQ(repo.Search("13", "", core::SearchKey("髙橋"), 10)->size(), 1u);
  EXPECT_EQ(repo.Search("13001", "", core::SearchKey("内科"), 10)->size(), 1u);
  EXPECT_EQ(repo.Search("13002", "", core::SearchKey("内科"), 10)->size(), 0u);
  EXPECT_EQ(repo.Search("", kOsakaClinic, "", 10)->at(0).code, kOsakaClinic);
  EXPECT_EQ(repo.Search("", "", core::SearchKey("てすと"), 10)->size(), 2u);
  EXPECT_EQ(repo.Search("", "", core::SearchKey("髙橋"), 1)->size(), 1u);
}

TYPED_TEST(InstitutionContractTest, ReportableSitesLeaveOutDentalAndAdvancedTreatment) {
  this->AddInstitution(kTokyoClinic, "A");
  this->AddInstitution(kTokyoDental, "B");
  this->AddInstitution(kTokyoHospital, "C", true);
  this->AddInstitution(kOsakaClinic, "D");
  auto uow = *this->store_->Begin(false);
  auto all = *uow->Institutions().ReportableSites("");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, kTokyoClinic);
  EXPECT_EQ(all[1].code, kOsakaClinic);
  EXPECT_EQ(uow->Institutions().ReportableSites("27")->size(), 1u);
}

TYPED_TEST(InstitutionContractTest, AffiliationsKeyVersionAndActiveLinks) {
  Id doctor = this->AddDoctor("100001");
  Id clinic = this->AddInstitution(kTokyoClinic, "A");
  Id dental = this->AddInstitution(kTokyoDental, "B");
  auto uow = *this->store_->Begin(true);
  auto& repo = uow->Institutions();
  Affiliation a;
  a.doctor_id = doctor;
  a.institution_id = clinic;
  a.started_on = Date{2020, 4, 1};
  a.employment = core::Employment::kFullTime;
  a.state = AffiliationState::kAwaitingInstitution;
  a.source = AffiliationSource::kDoctor;
  Id id = *repo.AddAffiliation(a);
  auto again = repo.AddAffiliation(a);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kAlreadyExists);
  // A second period at the same place is a different affiliation.
  Affiliation earlier = a;
  earlier.started_on = Date{2010, 4, 1};
  earlier.ended_on = Date{2015, 3, 31};
  earlier.state = AffiliationState::kConfirmed;
  ASSERT_TRUE(repo.AddAffiliation(earlier));
  Affiliation at_dental = a;
  at_dental.institution_id = dental;
  at_dental.state = AffiliationState::kConfirmed;
  ASSERT_TRUE(repo.AddAffiliation(at_dental));

  auto by_key = **repo.FindAffiliationByKey(doctor, clinic, Date{2020, 4, 1});
  EXPECT_EQ(by_key.id, id);
  EXPECT_EQ(by_key.source, AffiliationSource::kDoctor);
  EXPECT_EQ(by_key.employment, core::Employment::kFullTime);
  EXPECT_FALSE(*repo.FindAffiliationByKey(doctor, clinic, std::nullopt));
  // Pending: not a link yet; the old period is over; the dental one counts.
  auto now = *repo.ActiveLinks("", Date{2027, 1, 15});
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].institution_id, dental);
  EXPECT_EQ(repo.ActiveLinks("13", Date{2012, 1, 15})->size(), 1u);  // the old period
  EXPECT_TRUE(repo.ActiveLinks("27", Date{2012, 1, 15})->empty());

  by_key.state = AffiliationState::kConfirmed;
  EXPECT_TRUE(*repo.UpdateAffiliation(by_key, by_key.version));
  EXPECT_FALSE(*repo.UpdateAffiliation(by_key, by_key.version)) << "stale version";
  auto links = *repo.ActiveLinks("13", Date{2027, 1, 15});
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(std::count_if(links.begin(), links.end(),
                          [&](const auto& l) { return l.institution_id == clinic; }),
            1);
  EXPECT_EQ((**repo.FindAffiliation(id)).version, 2);
  EXPECT_EQ(repo.AffiliationsOfDoctor(doctor)->size(), 3u);
  EXPECT_EQ(repo.AffiliationsOfInstitution(clinic)->size(), 2u);
}

TYPED_TEST(InstitutionContractTest, UsersOfAnInstitutionComeFirstCreatedFirst) {
  Id clinic = this->AddInstitution(kTokyoClinic, "A");
  Id other = this->AddInstitution(kOsakaClinic, "B");
  auto uow = *this->store_->Begin(true);
  for (auto [login, inst] :
       {std::pair{"i-a", clinic}, std::pair{"i-b", other}, std::pair{"i-a-2", clinic}}) {
    core::UserRecord u;
    u.login = login;
    u.role = core::Role::kInstitution;
    u.institution_id = inst;
    ASSERT_TRUE(uow->Users().Insert(u));
  }
  auto users = *uow->Users().OfInstitution(clinic);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].login, "i-a");
  EXPECT_EQ(users[1].login, "i-a-2");
  EXPECT_EQ(users[1].institution_id, clinic);
  EXPECT_TRUE(uow->Users().OfInstitution(999)->empty());
}

}  // namespace
}  // namespace kakari::storage
