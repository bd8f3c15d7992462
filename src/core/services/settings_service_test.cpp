// Programme and certificate settings and signing keys, with the fakes:
// who may change them, and that each change and its audit record commit
// together or not at all.
#include <gtest/gtest.h>

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
