// Certificates with the fakes: approval issues a certificate signed by the
// deterministic signer, verification trusts only published keys, revocation
// and forgery are told apart, and each step leaves its audit record.
#include "core/services/certificate_service.hpp"

#include <gtest/gtest.h>

#include "core/services/certificate_settings.hpp"
#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class CertificateServiceTest : public ServiceTest {
 protected:
  // A doctor with 5 lecture units and one approved activity: complete
  // under the default programme (10 units, 5 for an activity).
  Caller CompleteDoctor(const std::string& registry_number) {
    Caller doctor = NewDoctor(registry_number);
    Id id = *doctor.principal.doctor_id;
    auto uow = *store_->Begin(true);
    auto lecture = uow->Credits().LectureId("かかりつけ医研修", "日本医師会");
    EXPECT_TRUE(lecture.has_value());
    EXPECT_TRUE(uow->Credits().StartImport("test").has_value());
    std::vector<CreditRepository::Row> rows = {
        {id, *lecture, static_cast<int32_t>(Date{2026, 4, 1}.ToDays()), 10, -1}};
    EXPECT_EQ(*uow->Credits().InsertMany(rows), 1);
    EXPECT_TRUE(uow->Activities()
                    .Insert({id, "vaccination", "予防接種", Date{2026, 4, 1}, std::nullopt, "市",
                             ActivityStatus::kApproved})
                    .has_value());
    EXPECT_TRUE(uow->Commit().has_value());
    return doctor;
  }
  // The doctor applies and Tokyo's reviewer approves: the certificate.
  Certificate Certify(const Caller& doctor) {
    EXPECT_TRUE(
        PublishSigningKey(deps(), CommandLineCaller(), signer_.CurrentKeyId(), signer_.PublicKey())
            .has_value());
    auto application = Apply(deps(), doctor);
    EXPECT_TRUE(application.has_value()) << application.error().message_en;
    auto reviewer = Staff(Role::kReviewer, "13");
    auto decided = Decide(deps(), reviewer, ReviewKind::kApplication, *application,
                          Decision{ReviewAction::kApprove, "", std::nullopt});
    EXPECT_TRUE(decided.has_value()) << decided.error().message_en;
    auto mine = MyCertificates(deps(), doctor);
    EXPECT_EQ(mine->size(), 1u);
    return mine->empty() ? Certificate{} : mine->front();
  }
};

TEST_F(CertificateServiceTest, ApprovalIssuesASignedCertificateAnyoneCanVerify) {
  auto cert = Certify(CompleteDoctor("123456"));
  EXPECT_EQ(cert.issued.version, 1);
  EXPECT_EQ(cert.issued.name, "髙橋　花子");
  EXPECT_EQ(cert.issued.issued_on, clock_.TodayInJapan());
  EXPECT_EQ(cert.key_id, signer_.CurrentKeyId());
  EXPECT_EQ(cert.issued.number, "第K2026-000001号");
  auto answer = VerifyPayload(deps(), cert.payload);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->verdict, Verdict::kValid);
  EXPECT_EQ(answer->number, cert.issued.number);
  EXPECT_EQ(answer->name, "髙橋　花子");
  EXPECT_EQ(VerifyOnline(deps(), cert.issued.number, cert.payload)->verdict, Verdict::kValid);
}

TEST_F(CertificateServiceTest, AForgedOrRevokedCertificateIsToldApart) {
  auto cert = Certify(CompleteDoctor("223456"));
  // Someone edits the name inside the payload: the signature no longer fits.
  auto split = DecodePayload(cert.payload);
  ASSERT_TRUE(split.has_value());
  PayloadFields forged = split->fields;
  forged.name = "別人　太郎";
  auto tampered = EncodePayload(PayloadBody(forged), split->signature);
  EXPECT_EQ(VerifyPayload(deps(), tampered)->verdict, Verdict::kNotGenuine);
  // Signed by a key nobody published: not genuine either.
  testing::DeterministicSigner stranger("stranger");
  auto unpublished = EncodePayload(split->body, stranger.Sign("stranger", split->body));
  EXPECT_EQ(VerifyPayload(deps(), unpublished)->verdict, Verdict::kNotGenuine);

  auto reviewer = Staff(Role::kReviewer, "13");
  auto refused = Revoke(deps(), reviewer, cert.issued.number, "誤って発行");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  auto admin = Staff(Role::kAdmin, "13");
  auto no_reason = Revoke(deps(), admin, cert.issued.number, "  ");
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_EQ(no_reason.error().message_ja, "取消しの理由を入力してください");
  ASSERT_TRUE(Revoke(deps(), admin, cert.issued.number, "誤って発行").has_value());
  auto revoked = VerifyPayload(deps(), cert.payload);
  EXPECT_EQ(revoked->verdict, Verdict::kRevoked);
  EXPECT_EQ(revoked->revoked_reason, "誤って発行");
  EXPECT_EQ(AuditOf("certificate.revoke").size(), 1u);
}

TEST_F(CertificateServiceTest, ApprovalWithoutAPublishedKeyChangesNothing) {
  auto doctor = CompleteDoctor("323456");
  auto application = Apply(deps(), doctor);
  ASSERT_TRUE(application.has_value());
  Deps unsigned_deps{*store_, crypto_, clock_, nullptr};
  auto refused = Decide(unsigned_deps, Staff(Role::kReviewer, "13"), ReviewKind::kApplication,
                        *application, Decision{ReviewAction::kApprove, "", std::nullopt});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(refused.error().message_ja,
            "署名鍵がありません。管理者が `kakari keys generate` を実行してください");
  EXPECT_TRUE(MyCertificates(deps(), doctor)->empty());
  auto item = ViewItem(deps(), doctor, ReviewKind::kApplication, *application);
  EXPECT_EQ(item->item.status, ReviewStatus::kSubmitted);  // the approval rolled back
}

}  // namespace
}  // namespace kakari::core
