// Staff accounts, one-time codes and API tokens with the fakes: who may
// create what where, that a code issued works once, that secrets are kept
// only as hashes, and what each refusal says.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/services/auth_service.hpp"
#include "core/services/credential_admin.hpp"
#include "core/services/staff_accounts.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::kTestNow;
using testing::ServiceTest;

class AccountServiceTest : public ServiceTest {
 protected:
  AuthPolicies policies_;
};

TEST_F(AccountServiceTest, AdministratorsCreateStaffOnlyInTheirArea) {
  Caller admin = Staff(Role::kAdmin, "13");
  auto created = CreateStaffAccount(deps(), admin, {"rev.minato", "reviewer", "13"});
  ASSERT_TRUE(created.has_value()) << created.error().message_en;
  EXPECT_EQ(created->login, "rev.minato");
  EXPECT_EQ(created->expires_at, kTestNow + kOneTimeCodeLifetimeSeconds);
  ASSERT_EQ(AuditOf("user.create").size(), 1u);
  EXPECT_EQ(AuditOf("user.create")[0].detail, "reviewer@13");

  auto osaka = CreateStaffAccount(deps(), admin, {"rev.osaka", "reviewer", "27"});
  auto jma = CreateStaffAccount(deps(), admin, {"boss", "jma_admin", "00"});
  for (const auto& refused : {osaka, jma}) {
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(refused.error().message_ja, "この役割・医師会のアカウントは作成・変更できません");
  }
  auto reviewer =
      CreateStaffAccount(deps(), Staff(Role::kReviewer, "13"), {"rev.two", "reviewer", "13"});
  ASSERT_FALSE(reviewer.has_value());
  EXPECT_EQ(reviewer.error().code, ErrorCode::kPermissionDenied);
  auto taken = CreateStaffAccount(deps(), admin, {"rev.minato", "admin", "13"});
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(taken.error().message_ja, "このログインIDは既に使われています");
  auto digits = CreateStaffAccount(deps(), admin, {"1234567", "reviewer", "13"});
  ASSERT_FALSE(digits.has_value());
  EXPECT_EQ(digits.error().field, "login");
  EXPECT_EQ(AuditOf("user.create").size(), 1u);  // nothing refused was recorded

  auto listed = ListStaffAccounts(deps(), admin);
  ASSERT_TRUE(listed.has_value());
  auto it = std::find_if(listed->begin(), listed->end(),
                         [](const StaffAccount& a) { return a.login == "rev.minato"; });
  ASSERT_NE(it, listed->end());
  EXPECT_FALSE(it->has_password);  // until its owner redeems the code
  EXPECT_TRUE(ListStaffAccounts(deps(), Staff(Role::kAdmin, "27"))->size() == 1u);  // just itself
}

TEST_F(AccountServiceTest, AnIssuedCodeSetsThePasswordOnceAndDisablingEndsTheAccount) {
  Caller admin = Staff(Role::kAdmin, "13");
  auto created = CreateStaffAccount(deps(), admin, {"rev.minato", "reviewer", "13"});
  ASSERT_TRUE(created.has_value());
  const std::string password = "minato-kaigan-2026";
  auto first = RedeemOneTimeCode(deps(), policies_, "rev.minato", created->code, password, "ip");
  ASSERT_TRUE(first.session.has_value()) << first.session.error().message_en;
  auto replay = RedeemOneTimeCode(deps(), policies_, "rev.minato", created->code, password, "ip");
  EXPECT_FALSE(replay.session.has_value());
  EXPECT_TRUE(Login(deps(), policies_, "rev.minato", password, "ip").session.has_value());

  Id id = first.session->principal.user_id;
  auto disabled = UpdateStaffAccount(deps(), admin, id, "reviewer", true);
  ASSERT_TRUE(disabled.has_value()) << disabled.error().message_en;
  EXPECT_TRUE(disabled->disabled);
  EXPECT_FALSE(Login(deps(), policies_, "rev.minato", password, "ip").session.has_value());
  auto self = UpdateStaffAccount(deps(), admin, admin.principal.user_id, "reviewer", false);
  ASSERT_FALSE(self.has_value());
  EXPECT_EQ(self.error().message_en, "you cannot change your own account");
  auto outside = UpdateStaffAccount(deps(), Staff(Role::kAdmin, "27"), id, "admin", false);
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().code, ErrorCode::kNotFound);  // not theirs: not there
}

TEST_F(AccountServiceTest, CodesForDoctorsStayInsideTheAssociation) {
  NewDoctor("123456", "13");
  auto issued = IssueOneTimeCode(deps(), Staff(Role::kAdmin, "13"), "123456");
  ASSERT_TRUE(issued.has_value()) << issued.error().message_en;
  EXPECT_EQ(issued->registry_number, "123456");
  EXPECT_EQ(issued->doctor_name, "髙橋　花子");
  EXPECT_EQ(AuditOf("one_time_code.issue").size(), 1u);
  auto osaka = IssueOneTimeCode(deps(), Staff(Role::kAdmin, "27"), "123456");
  ASSERT_FALSE(osaka.has_value());
  EXPECT_EQ(osaka.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(AuditOf("one_time_code.issue").size(), 1u);
}

TEST_F(AccountServiceTest, ApiTokensAreShownOnceKeptAsHashesAndRevokedByTheirOwner) {
  Caller admin = Staff(Role::kAdmin, "13");
  auto token = CreateApiToken(deps(), admin, "夜間取込", {"credits:import"});
  ASSERT_TRUE(token.has_value()) << token.error().message_en;
  EXPECT_EQ(token->token.rfind("kk_", 0), 0u);
  EXPECT_NE(token->record.token_hash, token->token);
  {
    auto uow = *store_->Begin(false);
    auto kept = *uow->Credentials().FindTokenById(token->record.id);
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->token_hash, crypto_.Sha256Hex(token->token));
  }
  auto principal = AuthenticateToken(deps(), token->token);
  ASSERT_TRUE(principal.has_value());
  EXPECT_TRUE(principal->via_token);

  auto bad = CreateApiToken(deps(), admin, "x", {"no-such-scope"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message_ja, "使えないスコープです: no-such-scope");
  auto none = CreateApiToken(deps(), admin, "x", {});
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().message_en, "give at least one scope");

  auto stranger = RevokeApiToken(deps(), Staff(Role::kAdmin, "13"), token->record.id);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(RevokeApiToken(deps(), admin, token->record.id).has_value());
  EXPECT_FALSE(AuthenticateToken(deps(), token->token).has_value());
  EXPECT_EQ(AuditOf("api_token.create").size(), 1u);
  EXPECT_EQ(AuditOf("api_token.revoke").size(), 1u);
}

}  // namespace
}  // namespace kakari::core
