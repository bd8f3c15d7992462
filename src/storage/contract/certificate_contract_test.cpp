// The storage contract for certificates: numbering, versions, status,
// settings, signatories, signing keys and mail batches.
#include <gtest/gtest.h>

#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

using core::Certificate;
using core::CertificateStatus;
using core::Id;

template <class Factory>
class CertificateContractTest : public StorageContractTest<Factory> {
 protected:
  // An approved application of the doctor, and a certificate of it.
  Certificate Issue(Id doctor, const std::string& number, int version, bool by_mail = false,
                    const std::string& verify_code = "") {
    auto uow = *this->store_->Begin(true);
    auto programme = *uow->Programmes().Current();
    auto tokyo = *uow->Organisations().FindByCode("13");
    core::NewApplication a{
        doctor,          programme.code, "online", tokyo->id, core::ReviewStatus::kApproved,
        Date{2026, 4, 1}};
    auto app = uow->Applications().Insert(a);
    EXPECT_TRUE(app.has_value());
    Certificate c;
    c.application_id = *app;
    c.doctor_id = doctor;
    c.programme_code = programme.code;
    c.issued = {number,           version, Date{2026, 4, 2},  "髙橋　太郎",   "タカハシ　タロウ",
                Date{1970, 4, 1}, "reg",   programme.name_ja, "日本医師会長", "松本　吉郎"};
    c.key_id = "k1";
    c.payload = "payload-" + number + "-" + std::to_string(version);
    c.delivery = by_mail ? "mail" : "download";
    c.verify_code = verify_code;
    auto id = uow->Certificates().Insert(c);
    EXPECT_TRUE(id.has_value());
    EXPECT_TRUE(uow->Commit().has_value());
    c.id = id.value_or(0);
    return c;
  }
};
TYPED_TEST_SUITE(CertificateContractTest, Implementations, ImplementationNames);

TYPED_TEST(CertificateContractTest, SequencesCountPerYearAndARollbackLeavesNoGap) {
  std::string p = (*(*this->store_->Begin(false))->Programmes().Current()).code;
  {
    auto uow = *this->store_->Begin(true);
    EXPECT_EQ(*uow->Certificates().NextSequence(p, 2026), 1);
    EXPECT_EQ(*uow->Certificates().NextSequence(p, 2026), 2);
    EXPECT_EQ(*uow->Certificates().NextSequence(p, 2027), 1);
    ASSERT_TRUE(uow->Commit().has_value());
  }
  {
    auto uow = *this->store_->Begin(true);
    EXPECT_EQ(*uow->Certificates().NextSequence(p, 2026), 3);
  }  // rolled back
  {
    auto reader = *this->store_->Begin(false);
    EXPECT_EQ(*reader->Certificates().LastSequence(p, 2026), 2);  // peeking moves nothing
    EXPECT_EQ(*reader->Certificates().LastSequence(p, 2026), 2);
    EXPECT_EQ(*reader->Certificates().LastSequence(p, 2028), 0);  // before the first
  }
  auto uow = *this->store_->Begin(true);
  EXPECT_EQ(*uow->Certificates().NextSequence(p, 2026), 3);
}

TYPED_TEST(CertificateContractTest, VersionsStatusAndListingsNewestFirst) {
  Id doctor = this->AddDoctor("100001");
  Id other = this->AddDoctor("100002");
  auto v1 = this->Issue(doctor, "第K2026-000001号", 1);
  auto v2 = this->Issue(doctor, "第K2026-000001号", 2);
  auto b = this->Issue(other, "第K2026-000002号", 1);
  auto uow = *this->store_->Begin(true);
  auto& certs = uow->Certificates();
  EXPECT_EQ((*certs.Find("第K2026-000001号", std::nullopt))->issued.version, 2);
  EXPECT_EQ((*certs.Find("第K2026-000001号", 1))->id, v1.id);
  EXPECT_FALSE(certs.Find("第K2026-000001号", 3)->has_value());
  EXPECT_FALSE(certs.Find("第K2026-999999号", std::nullopt)->has_value());
  auto found = *certs.FindById(v2.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->issued.name, "髙橋　太郎");
  EXPECT_EQ(found->issued.birth_date, (Date{1970, 4, 1}));
  EXPECT_EQ(found->payload, v2.payload);
  EXPECT_EQ(found->delivery, "download");
  EXPECT_EQ(certs.ForDoctor(doctor)->size(), 2u);
  auto page = *certs.List(2, 0);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].id, b.id);
  EXPECT_EQ((*certs.List(2, 2)).size(), 1u);

  ASSERT_TRUE(certs.SetStatus(v1.id, CertificateStatus::kSuperseded, "").has_value());
  ASSERT_TRUE(certs.SetStatus(b.id, CertificateStatus::kRevoked, "誤って発行").has_value());
  EXPECT_EQ((*certs.FindById(v1.id))->status, CertificateStatus::kSuperseded);
  auto revoked = *certs.FindById(b.id);
  EXPECT_EQ(revoked->status, CertificateStatus::kRevoked);
  EXPECT_EQ(revoked->revoked_reason, "誤って発行");

  auto facts = *certs.AllFacts();
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_LE(facts[0].first, facts[2].first);  // by doctor id
}

TYPED_TEST(CertificateContractTest, AShortCodeFindsItsVersionOnceOnly) {
  Id doctor = this->AddDoctor("100001");
  auto v1 = this->Issue(doctor, "第K2026-000001号", 1, false, "7K3M9QX2AB");
  auto v2 = this->Issue(doctor, "第K2026-000001号", 2, false, "8ZZZZ00000");
  auto uow = *this->store_->Begin(true);
  auto& certs = uow->Certificates();
  auto found = *certs.FindByVerifyCode("7K3M9QX2AB");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, v1.id);
  EXPECT_EQ(found->issued.version, 1);
  EXPECT_EQ(found->verify_code, "7K3M9QX2AB");
  EXPECT_EQ((*certs.FindByVerifyCode("8ZZZZ00000"))->id, v2.id);
  EXPECT_FALSE(certs.FindByVerifyCode("0000000000")->has_value());
  EXPECT_FALSE(certs.FindByVerifyCode("")->has_value());
  // Two certificates never share a code.
  Certificate copy = v1;
  copy.issued.number = "第K2026-000009号";
  EXPECT_FALSE(certs.Insert(copy).has_value());
}

TYPED_TEST(CertificateContractTest, SettingsSignatoriesAndKeys) {
  auto uow = *this->store_->Begin(true);
  auto& certs = uow->Certificates();
  EXPECT_EQ(certs.Settings()->number_pattern, core::kDefaultNumberPattern);
  core::CertificateSettings s{"第{year}-{seq:4}号", false, true, false};
  ASSERT_TRUE(certs.PutSettings(s).has_value());
  auto back = *certs.Settings();
  EXPECT_EQ(back.number_pattern, s.number_pattern);
  EXPECT_FALSE(back.show_birth_date);
  EXPECT_FALSE(back.show_western_date);

  size_t before = certs.Signatories()->size();
  core::Signatory next{0, Date{2027, 7, 1}, "日本医師会長", "次の会長", "\x89PNG\r\n\x1a\nseal"};
  auto id = certs.AddSignatory(next);
  ASSERT_TRUE(id.has_value());
  auto all = *certs.Signatories();
  ASSERT_EQ(all.size(), before + 1);
  auto added = std::find_if(all.begin(), all.end(), [&](auto& x) { return x.id == *id; });
  ASSERT_NE(added, all.end());
  EXPECT_EQ(added->seal_image, next.seal_image);
  EXPECT_EQ(added->effective_from, next.effective_from);

  ASSERT_TRUE(certs.PublishKey("k1", std::string(32, 'a')).has_value());
  ASSERT_TRUE(certs.PublishKey("k2", std::string(32, 'b')).has_value());
  auto keys = *certs.Keys();
  ASSERT_EQ(keys.size(), 2u);
  for (const auto& k : keys) {
    EXPECT_EQ(k.retired_at.has_value(), k.id == "k1") << k.id;
    EXPECT_EQ(k.public_key, std::string(32, k.id == "k1" ? 'a' : 'b'));
  }
}

TYPED_TEST(CertificateContractTest, MailBatchesTakeValidMailCertificatesOfTheirArea) {
  Id doctor = this->AddDoctor("100003");
  auto mail = this->Issue(doctor, "第K2026-000010号", 1, true);
  auto download = this->Issue(doctor, "第K2026-000011号", 1, false);
  auto revoked = this->Issue(doctor, "第K2026-000012号", 1, true);
  auto uow = *this->store_->Begin(true);
  auto& certs = uow->Certificates();
  ASSERT_TRUE(certs.SetStatus(revoked.id, CertificateStatus::kRevoked, "x").has_value());
  auto pending = *certs.PendingMail("13");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].id, mail.id);
  EXPECT_TRUE(certs.PendingMail("27")->empty());  // Osaka's see none of Tokyo's

  auto tokyo = *uow->Organisations().FindByCode("13");
  Id ids[] = {mail.id};
  auto batch = certs.CreateMailBatch(tokyo->id, 0, ids);
  ASSERT_TRUE(batch.has_value()) << batch.error().detail;
  EXPECT_TRUE(certs.PendingMail("13")->empty());
  auto found = *certs.FindMailBatch(*batch);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->count, 1);
  EXPECT_EQ(found->association_code, "13");
  EXPECT_FALSE(found->sent_at.has_value());
  EXPECT_EQ(certs.MailBatches("13")->size(), 1u);
  EXPECT_TRUE(certs.MailBatches("27")->empty());
  EXPECT_EQ((*certs.BatchCertificates(*batch))[0].id, mail.id);
  ASSERT_TRUE(certs.MarkBatchSent(*batch).has_value());
  EXPECT_TRUE((*certs.FindMailBatch(*batch))->sent_at.has_value());
  EXPECT_TRUE((*certs.FindById(mail.id))->mailed_at.has_value());
  EXPECT_FALSE((*certs.FindById(download.id))->mailed_at.has_value());
}

}  // namespace
}  // namespace kakari::storage
