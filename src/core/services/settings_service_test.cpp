// Programme and certificate settings and signing keys, with the fakes:
// who may change them, and that each change and its audit record commit
// together or not at all.
#include <gtest/gtest.h>

#include "core/services/association_contact.hpp"
#include "core/services/certificate_settings.hpp"
#include "core/services/programme_settings.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

class SettingsServiceTest : public ServiceTest {};

TEST_F(SettingsServiceTest, OnlyJmaAdministratorsChangeTheProgramme) {
  auto current = GetProgrammeSettings(deps(), Staff(Role::kReviewer, "13"));
  ASSERT_TRUE(current.has_value());
  Programme rules = *current;
  rules.required_total = HalfUnits::FromUnits(12);
  for (Role role : {Role::kReviewer, Role::kAdmin}) {
    auto refused = PutProgrammeSettings(deps(), Staff(role, "13"), rules);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(refused.error().message_ja, "日本医師会の管理者のみが行える操作です");
    EXPECT_EQ(refused.error().message_en, "only JMA administrators may do this");
  }
  EXPECT_TRUE(AuditOf("programme.update").empty());
  auto done = PutProgrammeSettings(deps(), Staff(Role::kJmaAdmin, "00"), rules);
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->required_total, HalfUnits::FromUnits(12));
  auto audit = AuditOf("programme.update");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].actor_role, "jma_admin");
  EXPECT_EQ(audit[0].detail, "required_total=12 per_activity=5");
}

TEST_F(SettingsServiceTest, RefusedRulesLeaveTheProgrammeAndTheLogAsTheyWere) {
  auto jma = Staff(Role::kJmaAdmin, "00");
  auto before = GetProgrammeSettings(deps(), jma);
  ASSERT_TRUE(before.has_value());
  Programme bad = *before;
  bad.required_total = HalfUnits();
  auto refused = PutProgrammeSettings(deps(), jma, bad);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().message_ja, "単位の設定が正しくありません");
  EXPECT_EQ(refused.error().field, "units");
  EXPECT_EQ(GetProgrammeSettings(deps(), jma)->required_total, before->required_total);
  EXPECT_TRUE(AuditOf("programme.update").empty());
}

// Gives the doctor `halves` lecture units taken on `taken_on` and, when
// `activity`, one approved practical activity.
void GiveUnits(Store& store, const Caller& doctor, int halves, Date taken_on, bool activity) {
  Id id = *doctor.principal.doctor_id;
  auto uow = *store.Begin(true);
  auto lecture = uow->Credits().LectureId("かかりつけ医研修", "日本医師会");
  ASSERT_TRUE(lecture.has_value());
  ASSERT_TRUE(uow->Credits().StartImport("test").has_value());
  std::vector<CreditRepository::Row> rows = {
      {id, *lecture, static_cast<int32_t>(taken_on.ToDays()), halves, -1}};
  ASSERT_EQ(*uow->Credits().InsertMany(rows), 1);
  if (activity) {
    ASSERT_TRUE(uow->Activities()
                    .Insert({id, "vaccination", "予防接種", Date{2026, 4, 1}, std::nullopt, "市",
                             ActivityStatus::kApproved})
                    .has_value());
  }
  ASSERT_TRUE(uow->Commit().has_value());
}

TEST_F(SettingsServiceTest, APreviewCountsWhoWouldBecomeOrStopBeingCompleteAndChangesNothing) {
  auto jma = Staff(Role::kJmaAdmin, "00");
  // Default rules: 10 units, 5 per activity, one activity required.
  GiveUnits(*store_, NewDoctor("100001"), 10, Date{2026, 4, 1}, true);   // 5 + 5: complete
  GiveUnits(*store_, NewDoctor("100002"), 8, Date{2026, 4, 1}, true);    // 4 + 5: short
  GiveUnits(*store_, NewDoctor("100003"), 12, Date{2020, 4, 1}, true);   // 6 + 5, old
  GiveUnits(*store_, NewDoctor("100004"), 20, Date{2026, 4, 1}, false);  // no activity
  auto before = *GetProgrammeSettings(deps(), jma);

  Programme lower = before;
  lower.required_total = HalfUnits::FromUnits(9);
  auto p = PreviewProgrammeChange(deps(), jma, lower);
  ASSERT_TRUE(p.has_value()) << p.error().message_en;
  EXPECT_EQ(p->doctors, 4);
  EXPECT_EQ(p->complete_now, 2);       // 100001, 100003 (no window by default)
  EXPECT_EQ(p->becoming_complete, 1);  // 100002
  EXPECT_EQ(p->ceasing_complete, 0);
  EXPECT_EQ(p->complete_after, 3);

  Programme windowed = before;
  windowed.credit_window = DateRange{Date{2025, 4, 1}, std::nullopt};
  p = PreviewProgrammeChange(deps(), jma, windowed);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->ceasing_complete, 1);  // 100003's credits fall outside
  EXPECT_EQ(p->becoming_complete, 0);
  EXPECT_EQ(p->complete_after, 1);

  EXPECT_EQ(GetProgrammeSettings(deps(), jma)->required_total, before.required_total);
  EXPECT_TRUE(AuditOf("programme.update").empty());
  auto refused = PreviewProgrammeChange(deps(), Staff(Role::kAdmin, "13"), lower);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  Programme bad = before;
  bad.required_total = HalfUnits();
  EXPECT_EQ(PreviewProgrammeChange(deps(), jma, bad).error().field, "units");
}

TEST_F(SettingsServiceTest, AnAssociationsAdministratorsSetItsContactAndOnlyTheirOwn) {
  OrganisationContact typed{"１１３－８６２１", "東京都文京区本駒込2-28-16", "03-3946-2121"};
  auto refused = PutOwnAssociationContact(deps(), Staff(Role::kReviewer, "13"), typed);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  auto bad =
      PutOwnAssociationContact(deps(), Staff(Role::kAdmin, "13"), {"1138621", "", "03-3946-2121"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "address");
  EXPECT_TRUE(AuditOf("association.contact").empty());

  auto saved = PutOwnAssociationContact(deps(), Staff(Role::kAdmin, "13"), typed);
  ASSERT_TRUE(saved.has_value()) << saved.error().message_en;
  EXPECT_EQ(saved->code, "13");
  EXPECT_EQ(saved->contact.postal_code, "1138621");
  auto read = GetOwnAssociation(deps(), Staff(Role::kReviewer, "13"));
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->contact.address, "東京都文京区本駒込2-28-16");
  // Another prefecture's staff see their own, still empty.
  EXPECT_EQ(GetOwnAssociation(deps(), Staff(Role::kAdmin, "27"))->contact.address, "");
  auto audit = AuditOf("association.contact");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].subject_id, "13");
}

TEST_F(SettingsServiceTest, PublishingAKeyFromTheCommandLineIsAudited) {
  auto refused = PublishSigningKey(deps(), Staff(Role::kAdmin, "13"), "k1", signer_.PublicKey());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);

  auto cli = CommandLineCaller();
  ASSERT_TRUE(PublishSigningKey(deps(), cli, "k1", signer_.PublicKey()).has_value());
  testing::DeterministicSigner second("k2");
  ASSERT_TRUE(PublishSigningKey(deps(), cli, "k2", second.PublicKey()).has_value());

  auto keys = ListSigningKeys(deps(), cli);
  ASSERT_TRUE(keys.has_value());
  ASSERT_EQ(keys->size(), 2u);
  int current = 0;
  for (const auto& k : *keys) current += k.retired_at ? 0 : 1;
  EXPECT_EQ(current, 1);  // publishing the second retired the first

  auto audit = AuditOf("signing_key.publish");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].actor_role, "operator");
  EXPECT_FALSE(audit[0].actor_user_id.has_value());
  EXPECT_EQ(audit[0].remote_address, "command line");
  EXPECT_EQ(audit[1].subject_id, "k2");
  EXPECT_EQ(audit[1].detail, Base64Url(second.PublicKey()));
}

TEST_F(SettingsServiceTest, AMalformedKeyIsRefusedAndNothingIsWritten) {
  auto bad = PublishSigningKey(deps(), CommandLineCaller(), "k1", "short");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message_ja, "署名鍵の形式が正しくありません");
  EXPECT_TRUE(ListSigningKeys(deps(), CommandLineCaller())->empty());
  EXPECT_TRUE(AuditOf("signing_key.publish").empty());
}

}  // namespace
}  // namespace kakari::core
