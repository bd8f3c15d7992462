// Mail batches with the fakes: staff batch only the certificates of their
// area, a batch is marked sent once, and other areas cannot see it.
#include "core/services/mail_service.hpp"

#include <gtest/gtest.h>

#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class MailServiceTest : public ServiceTest {
 protected:
  // A valid certificate to mail to a new doctor of association `code`.
  Id MailedCertificate(const std::string& registry_number, const std::string& code, int seq) {
    Id doctor = *NewDoctor(registry_number, code).principal.doctor_id;
    auto uow = *store_->Begin(true);
    auto org = *uow->Organisations().FindByCode(code);
    auto programme = *uow->Programmes().Current();
    auto app = uow->Applications().Insert(
        {doctor, programme.code, "paper", org->id, ReviewStatus::kApproved, Date{2026, 5, 1}});
    EXPECT_TRUE(app.has_value());
    Certificate c;
    c.application_id = *app;
    c.doctor_id = doctor;
    c.programme_code = programme.code;
    c.issued.number = "第K2026-00000" + std::to_string(seq) + "号";
    c.issued.issued_on = Date{2026, 5, 2};
    c.issued.name = "髙橋　花子";
    c.delivery = "mail";
    auto id = uow->Certificates().Insert(c);
    EXPECT_TRUE(id.has_value());
    EXPECT_TRUE(uow->Commit().has_value());
    return id.value_or(0);
  }
};

TEST_F(MailServiceTest, ABatchTakesTheAreasPendingCertificatesAndIsSentOnce) {
  Id tokyo_cert = MailedCertificate("111111", "13", 1);
  MailedCertificate("222222", "27", 2);
  Caller tokyo = Staff(Role::kReviewer, "13");
  auto pending = PendingMail(deps(), tokyo);
  ASSERT_TRUE(pending.has_value());
  ASSERT_EQ(pending->size(), 1u);  // Osaka's is not Tokyo's to mail
  EXPECT_EQ(pending->front().id, tokyo_cert);

  auto batch = CreateMailBatch(deps(), tokyo);
  ASSERT_TRUE(batch.has_value()) << batch.error().message_en;
  EXPECT_EQ(batch->certificates.size(), 1u);
  EXPECT_EQ(batch->batch.association_code, "13");
  EXPECT_EQ(AuditOf("mail_batch.create").size(), 1u);
  auto empty = CreateMailBatch(deps(), tokyo);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(empty.error().message_ja, "郵送待ちの修了証はありません");

  Id id = batch->batch.id;
  auto osaka = LoadMailBatch(deps(), Staff(Role::kReviewer, "27"), id);
  ASSERT_FALSE(osaka.has_value());
  EXPECT_EQ(osaka.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(MarkBatchSent(deps(), Staff(Role::kReviewer, "27"), id).has_value());

  ASSERT_TRUE(MarkBatchSent(deps(), tokyo, id).has_value());
  auto twice = MarkBatchSent(deps(), tokyo, id);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().message_ja.rfind("このバッチは発送済みです（", 0), 0u);
  EXPECT_EQ(AuditOf("mail_batch.sent").size(), 1u);
  auto loaded = LoadMailBatch(deps(), tokyo, id);
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->certificates.size(), 1u);
  EXPECT_TRUE(loaded->certificates[0].mailed_at.has_value());  // the doctor sees the date
  EXPECT_EQ(AuditOf("mail_batch.view").size(), 1u);            // names and addresses were read
}

TEST_F(MailServiceTest, DoctorsAndInstitutionsHaveNoMailDesk) {
  auto doctor = PendingMail(deps(), NewDoctor("333333"));
  ASSERT_FALSE(doctor.has_value());
  EXPECT_EQ(doctor.error().code, ErrorCode::kPermissionDenied);
  auto clinic = CreateMailBatch(deps(), InstitutionUser(AddClinic("1310000011", "医院", "")));
  ASSERT_FALSE(clinic.has_value());
  EXPECT_EQ(clinic.error().code, ErrorCode::kPermissionDenied);
}

}  // namespace
}  // namespace kakari::core
