// The storage contract for statistics counts: doctors by home association,
// applicants, items waiting, decisions paired with the submission they
// answered, certificate events and return reasons, each limited to an area
// and a period.
#include <gtest/gtest.h>

#include <numeric>

#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

using core::Id;
using core::ReviewKind;
using core::ReviewStatus;

// 2026 fiscal year, ending far enough ahead that what storage stamps with
// the wall clock (revocations, mail batches) falls inside it.
core::StatPeriod Fy2026() {
  return {Date{2026, 4, 1}, Date{2099, 12, 31}, "2026-03-31T15:00:00Z", "2100-01-01T00:00:00Z"};
}

template <class Factory>
class ReportContractTest : public StorageContractTest<Factory> {
 protected:
  void SetUp() override {
    StorageContractTest<Factory>::SetUp();
    auto uow = *this->store_->Begin(true);
    tokyo_ = (*uow->Organisations().FindByCode("13"))->id;
    osaka_ = (*uow->Organisations().FindByCode("27"))->id;
    chiyoda_ = *uow->Organisations().Insert(
        {0, tokyo_, core::OrgLevel::kCounty, "13001", "千代田区医師会", "Chiyoda"});
    abe_ = Doctor(*uow, "1001", tokyo_);
    ito_ = Doctor(*uow, "1002", chiyoda_);
    ueno_ = Doctor(*uow, "1003", osaka_);
    programme_ = (*uow->Programmes().Current()).code;
    a_ = Application(*uow, abe_, tokyo_, Date{2026, 5, 10});
    b_ = Application(*uow, ito_, chiyoda_, Date{2026, 6, 10});
    c_ = Application(*uow, ueno_, osaka_, Date{2026, 7, 1});
    Application(*uow, abe_, tokyo_, Date{2025, 12, 1});  // last fiscal year
    // a: returned two days after its submission, approved five days after
    // the resubmission. b: approved the day after it was made.
    History(*uow, a_, ReviewStatus::kSubmitted, "2026-05-10T01:00:00Z", "");
    Decide(*uow, a_, ReviewStatus::kReturned, "2026-05-12T03:00:00Z", "写しが不鮮明です");
    Decide(*uow, a_, ReviewStatus::kSubmitted, "2026-05-20T00:00:00Z", "");
    Decide(*uow, a_, ReviewStatus::kApproved, "2026-05-25T00:00:00Z", "");
    Decide(*uow, b_, ReviewStatus::kApproved, "2026-06-11T00:00:00Z", "");
    ASSERT_TRUE(uow->Commit().has_value());
  }
  Id Doctor(core::UnitOfWork& uow, const std::string& reg, Id home) {
    auto id = uow.Doctors().Insert({0, reg, "髙橋　太郎", "タカハシ　タロウ", std::nullopt,
                                    Date{1970, 4, 1}, home, "", "", ""});
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  Id Application(core::UnitOfWork& uow, Id doctor, Id routed_to, Date on) {
    auto id = uow.Applications().Insert(
        {doctor, programme_, "online", routed_to, ReviewStatus::kSubmitted, on});
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  void History(core::UnitOfWork& uow, Id app, ReviewStatus to, const std::string& at,
               const std::string& reason) {
    core::HistoryEntry e;
    e.at = at;
    e.to = to;
    e.action = "x";
    e.actor_role = "reviewer";
    e.reason = reason;
    ASSERT_TRUE(uow.Reviews().AddHistory(ReviewKind::kApplication, app, e).has_value());
  }
  void Decide(core::UnitOfWork& uow, Id app, ReviewStatus to, const std::string& at,
              const std::string& reason) {
    auto item = **uow.Reviews().Find(ReviewKind::kApplication, app);
    ASSERT_TRUE(
        *uow.Reviews().UpdateStatus(ReviewKind::kApplication, app, item.version, to, reason));
    History(uow, app, to, at, reason);
  }
  Id Certify(Id app, Id doctor, const std::string& number, int version, Date on) {
    auto uow = *this->store_->Begin(true);
    core::Certificate c;
    c.application_id = app;
    c.doctor_id = doctor;
    c.programme_code = programme_;
    c.issued = {number,           version, on,  "髙橋　太郎", "タカハシ　タロウ",
                Date{1970, 4, 1}, "reg",   "p", "会長",       "松本"};
    c.key_id = "k1";
    c.payload = number + std::to_string(version);
    c.delivery = "mail";
    auto id = uow->Certificates().Insert(c);
    EXPECT_TRUE(id.has_value());
    EXPECT_TRUE(uow->Commit().has_value());
    return id.value_or(0);
  }
  Id tokyo_ = 0, osaka_ = 0, chiyoda_ = 0;
  Id abe_ = 0, ito_ = 0, ueno_ = 0;
  Id a_ = 0, b_ = 0, c_ = 0;
  std::string programme_;
};
TYPED_TEST_SUITE(ReportContractTest, Implementations, ImplementationNames);

TYPED_TEST(ReportContractTest, DoctorsAndApplicantsByHomeAssociation) {
  auto uow = *this->store_->Begin(false);
  auto& r = uow->Reports();
  auto homes = *r.DoctorHomes("13");
  ASSERT_EQ(homes.size(), 2u);
  EXPECT_EQ(homes[0], std::pair(this->abe_, std::string("13")));
  EXPECT_EQ(homes[1], std::pair(this->ito_, std::string("13001")));
  EXPECT_EQ(r.DoctorHomes("")->size(), 3u);
  EXPECT_EQ(r.DoctorHomes("13001")->size(), 1u);

  auto applicants = *r.Applicants("", Date{2026, 12, 31});
  ASSERT_EQ(applicants.size(), 3u);
  EXPECT_EQ(applicants[0].code, "13");
  EXPECT_EQ(applicants[0].applied, 1) << "abe's two applications are one doctor";
  EXPECT_EQ(applicants[0].approved, 1);
  EXPECT_EQ(applicants[1].code, "13001");
  EXPECT_EQ(applicants[1].approved, 1);
  EXPECT_EQ(applicants[2].code, "27");
  EXPECT_EQ(applicants[2].approved, 0);
  // Before July, Osaka's application was not yet made.
  EXPECT_EQ(r.Applicants("27", Date{2026, 6, 30})->size(), 0u);
}

TYPED_TEST(ReportContractTest, WaitingItemsByAssociationKindAndDay) {
  auto uow = *this->store_->Begin(false);
  auto waiting = *uow->Reports().Waiting("");
  // abe's 2025 application and ueno's are still waiting.
  ASSERT_EQ(waiting.size(), 2u);
  EXPECT_EQ(waiting[0].code, "13");
  EXPECT_EQ(waiting[0].submitted_on, (Date{2025, 12, 1}));
  EXPECT_EQ(waiting[1].code, "27");
  EXPECT_EQ(waiting[1].kind, ReviewKind::kApplication);
  EXPECT_EQ(waiting[1].submitted_on, (Date{2026, 7, 1}));
  EXPECT_EQ(waiting[1].count, 1);
  EXPECT_TRUE(uow->Reports().Waiting("13001")->empty());
}

TYPED_TEST(ReportContractTest, DecisionsArePairedWithTheSubmissionTheyAnswered) {
  auto uow = *this->store_->Begin(false);
  auto decisions = *uow->Reports().Decisions("", Fy2026());
  ASSERT_EQ(decisions.size(), 3u);
  // Ordered by code, kind, outcome: 13 approved, 13 returned, 13001 approved.
  const auto& approved = decisions[0];
  EXPECT_EQ(approved.code, "13");
  EXPECT_EQ(approved.outcome, ReviewStatus::kApproved);
  EXPECT_EQ(approved.submitted_on, (Date{2026, 5, 20})) << "the resubmission";
  EXPECT_EQ(approved.decided_on, (Date{2026, 5, 25}));
  const auto& returned = decisions[1];
  EXPECT_EQ(returned.outcome, ReviewStatus::kReturned);
  EXPECT_EQ(returned.submitted_on, (Date{2026, 5, 10}));
  EXPECT_EQ(returned.decided_on, (Date{2026, 5, 12}));
  const auto& chiyoda = decisions[2];
  EXPECT_EQ(chiyoda.code, "13001");
  EXPECT_EQ(chiyoda.submitted_on, (Date{2026, 6, 10})) << "no submission in history: the item's";
  EXPECT_EQ(chiyoda.decided_on, (Date{2026, 6, 11}));
  EXPECT_EQ(uow->Reports().Decisions("27", Fy2026())->size(), 0u);
  core::StatPeriod june{Date{2026, 6, 1}, Date{2026, 6, 30}, "2026-05-31T15:00:00Z",
                        "2026-06-30T15:00:00Z"};
  EXPECT_EQ(uow->Reports().Decisions("", june)->size(), 1u);
}

TYPED_TEST(ReportContractTest, ReturnReasonsAndMonthlySubmissions) {
  auto uow = *this->store_->Begin(false);
  auto reasons = *uow->Reports().TopReturnReasons("13", Fy2026(), 5);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].reason, "写しが不鮮明です");
  EXPECT_EQ(reasons[0].count, 1);
  EXPECT_TRUE(uow->Reports().TopReturnReasons("27", Fy2026(), 5)->empty());
  auto submissions = *uow->Reports().Submissions("", Fy2026());
  ASSERT_EQ(submissions.size(), 3u);  // the 2025 application is outside
  EXPECT_EQ(submissions[0].code, "13");
  EXPECT_EQ(submissions[0].month, "2026-05");
  EXPECT_EQ(submissions[1].code, "13001");
  EXPECT_EQ(submissions[2].month, "2026-07");
}

TYPED_TEST(ReportContractTest, CertificateEventsCountIssuesReissuesRevocationsAndMail) {
  Id first = this->Certify(this->a_, this->abe_, "第K2026-000001号", 1, Date{2026, 5, 25});
  this->Certify(this->a_, this->abe_, "第K2026-000001号", 2, Date{2026, 6, 2});
  Id chiyoda = this->Certify(this->b_, this->ito_, "第K2026-000002号", 1, Date{2026, 6, 11});
  {
    auto uow = *this->store_->Begin(true);
    auto& certs = uow->Certificates();
    ASSERT_TRUE(certs.SetStatus(first, core::CertificateStatus::kRevoked, "誤発行").has_value());
    Id ids[] = {chiyoda};
    auto batch = certs.CreateMailBatch(this->chiyoda_, 0, ids);
    ASSERT_TRUE(batch.has_value());
    ASSERT_TRUE(certs.MarkBatchSent(*batch).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto uow = *this->store_->Begin(false);
  auto events = *uow->Reports().CertificateEvents("", Fy2026());
  auto sum = [&](const std::string& code, int64_t core::CertificateEventFact::*field) {
    return std::accumulate(events.begin(), events.end(), int64_t{0}, [&](int64_t n, const auto& e) {
      return e.code == code ? n + e.*field : n;
    });
  };
  using E = core::CertificateEventFact;
  EXPECT_EQ(sum("13", &E::issued), 1);
  EXPECT_EQ(sum("13", &E::reissued), 1);
  EXPECT_EQ(sum("13", &E::revoked), 1);
  EXPECT_EQ(sum("13", &E::mailed), 0);
  EXPECT_EQ(sum("13001", &E::issued), 1);
  EXPECT_EQ(sum("13001", &E::mailed), 1);
  for (const auto& e : events) {
    if (e.issued > 0 && e.code == "13") {
      EXPECT_EQ(e.month, "2026-05");
    }
  }
  EXPECT_EQ(uow->Reports().CertificateEvents("27", Fy2026())->size(), 0u);
}

TYPED_TEST(ReportContractTest, ListsDoctorsAndCertificatesOfTheArea) {
  Id first = this->Certify(this->a_, this->abe_, "第K2026-000001号", 1, Date{2026, 5, 25});
  this->Certify(this->a_, this->abe_, "第K2026-000001号", 2, Date{2026, 6, 2});
  this->Certify(this->c_, this->ueno_, "第K2026-000003号", 1, Date{2026, 7, 2});
  {
    auto uow = *this->store_->Begin(true);
    ASSERT_TRUE(
        uow->Certificates().SetStatus(first, core::CertificateStatus::kSuperseded, "").has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto uow = *this->store_->Begin(false);
  std::vector<core::DoctorListing> doctors;
  auto collect = [&](const core::DoctorListing& d) -> core::Status {
    doctors.push_back(d);
    return {};
  };
  ASSERT_TRUE(uow->Reports().ForEachDoctor("13", collect).has_value());
  ASSERT_EQ(doctors.size(), 2u);
  EXPECT_EQ(doctors[0].registry_number, "1001");
  EXPECT_EQ(doctors[0].association_code, "13");
  EXPECT_EQ(doctors[0].application, ReviewStatus::kSubmitted) << "the 2025 one is the latest";
  EXPECT_EQ(doctors[0].certificate_number, "第K2026-000001号");
  EXPECT_EQ(doctors[0].certificate_issued_on, (Date{2026, 6, 2})) << "the valid version";
  EXPECT_EQ(doctors[1].association_name, "千代田区医師会");
  EXPECT_EQ(doctors[1].application, ReviewStatus::kApproved);
  EXPECT_TRUE(doctors[1].certificate_number.empty());
  EXPECT_FALSE(doctors[1].certificate_issued_on.has_value());

  std::vector<core::CertificateListing> certs;
  ASSERT_TRUE(uow->Reports()
                  .ForEachCertificate("",
                                      [&](const core::CertificateListing& c) -> core::Status {
                                        certs.push_back(c);
                                        return {};
                                      })
                  .has_value());
  ASSERT_EQ(certs.size(), 3u);
  EXPECT_EQ(certs[0].version, 1);
  EXPECT_EQ(certs[0].status, "superseded");
  EXPECT_EQ(certs[1].version, 2);
  EXPECT_EQ(certs[1].association_code, "13");
  EXPECT_EQ(certs[2].association_code, "27");
  EXPECT_FALSE(certs[2].mailed_on.has_value());

  // A failing consumer stops the walk and its error comes back.
  int seen = 0;
  auto stop = uow->Reports().ForEachCertificate("", [&](const core::CertificateListing&) {
    ++seen;
    return core::Status(
        tl::unexpected(core::MakeError(core::ErrorCode::kUnavailable, "満杯", "disk full")));
  });
  ASSERT_FALSE(stop.has_value());
  EXPECT_EQ(stop.error().message_en, "disk full");
  EXPECT_EQ(seen, 1);
  // The statement is usable again afterwards.
  int count = 0;
  ASSERT_TRUE(uow->Reports()
                  .ForEachCertificate("27",
                                      [&](const core::CertificateListing&) -> core::Status {
                                        ++count;
                                        return {};
                                      })
                  .has_value());
  EXPECT_EQ(count, 1);
}

}  // namespace
}  // namespace kakari::storage
