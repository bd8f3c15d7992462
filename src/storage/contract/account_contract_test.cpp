// The storage contract for accounts: users, sessions, credentials (throttle,
// one-time codes, API tokens), stored files and settings (routing rules,
// idempotency keys). What the auth, staff and workflow services rely on.
#include <gtest/gtest.h>

#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

using core::Id;
using core::Role;
using core::UserRecord;

template <class Factory>
class AccountContractTest : public StorageContractTest<Factory> {
 protected:
  Id AddUser(core::UnitOfWork& uow, const std::string& login, Role role,
             std::optional<Id> org = std::nullopt, std::optional<Id> doctor = std::nullopt) {
    UserRecord u;
    u.login = login;
    u.role = role;
    u.organisation_id = org;
    u.doctor_id = doctor;
    auto id = uow.Users().Insert(u);
    EXPECT_TRUE(id.has_value()) << login;
    return *id;
  }
};
TYPED_TEST_SUITE(AccountContractTest, Implementations, ImplementationNames);

TYPED_TEST(AccountContractTest, UsersByLoginDoctorAndEmailAndUniqueLogin) {
  Id doctor = this->AddDoctor("100001");
  auto uow = *this->store_->Begin(true);
  auto d = **uow->Doctors().FindById(doctor);
  d.email = "taro@example.jp";
  ASSERT_TRUE(uow->Doctors().Update(d));
  Id id = this->AddUser(*uow, "99100001", Role::kDoctor, std::nullopt, doctor);
  UserRecord twin;
  twin.login = "99100001";
  auto dup = uow->Users().Insert(twin);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, core::ErrorCode::kAlreadyExists);
  EXPECT_EQ((**uow->Users().FindByLogin("99100001")).id, id);
  EXPECT_EQ((**uow->Users().FindByLogin("taro@example.jp")).id, id) << "a doctor's e-mail logs in";
  EXPECT_FALSE(*uow->Users().FindByLogin(""));
  EXPECT_EQ((**uow->Users().FindByDoctor(doctor)).login, "99100001");
  EXPECT_TRUE((**uow->Users().FindById(id)).password_hash.empty());
  ASSERT_TRUE(uow->Users().SetPasswordHash(id, "$argon2id$x"));
  EXPECT_EQ((**uow->Users().FindById(id)).password_hash, "$argon2id$x");
}

TYPED_TEST(AccountContractTest, StaffListedByAssociationPrefixAndRoleChanges) {
  auto uow = *this->store_->Begin(true);
  Id tokyo = (**uow->Organisations().FindByCode("13")).id;
  Id osaka = (**uow->Organisations().FindByCode("27")).id;
  Id a = this->AddUser(*uow, "admin-13", Role::kAdmin, tokyo);
  this->AddUser(*uow, "admin-27", Role::kAdmin, osaka);
  this->AddUser(*uow, "99100009", Role::kDoctor);
  auto tokyo_staff = *uow->Users().ListStaff("13");
  ASSERT_EQ(tokyo_staff.size(), 1u);
  EXPECT_EQ(tokyo_staff[0].organisation_code, "13");
  EXPECT_EQ(uow->Users().ListStaff("")->size(), 2u) << "doctors are not staff";
  ASSERT_TRUE(uow->Users().SetRoleAndState(a, Role::kReviewer, true));
  auto changed = **uow->Users().FindById(a);
  EXPECT_EQ(changed.role, Role::kReviewer);
  EXPECT_TRUE(changed.disabled);
}

TYPED_TEST(AccountContractTest, SessionsTouchDeleteAndEndOthers) {
  auto uow = *this->store_->Begin(true);
  Id user = this->AddUser(*uow, "u", Role::kDoctor);
  for (const char* h : {"s1", "s2", "s3"}) {
    ASSERT_TRUE(uow->Sessions().Insert({h, user, std::string("csrf-") + h, 100, 100}));
  }
  auto s1 = **uow->Sessions().Find("s1");
  EXPECT_EQ(s1.user_id, user);
  EXPECT_EQ(s1.csrf_hash, "csrf-s1");
  ASSERT_TRUE(uow->Sessions().Touch("s1", 250));
  EXPECT_EQ((**uow->Sessions().Find("s1")).last_seen_at, 250);
  ASSERT_TRUE(uow->Sessions().Delete("s2"));
  EXPECT_FALSE(*uow->Sessions().Find("s2"));
  ASSERT_TRUE(uow->Sessions().DeleteOthers(user, "s1"));
  EXPECT_TRUE(*uow->Sessions().Find("s1"));
  EXPECT_FALSE(*uow->Sessions().Find("s3"));
  ASSERT_TRUE(uow->Sessions().DeleteOthers(user, ""));
  EXPECT_FALSE(*uow->Sessions().Find("s1"));
}

TYPED_TEST(AccountContractTest, ASessionIsReadWithItsUserInOneGo) {
  auto uow = *this->store_->Begin(true);
  Id tokyo = (**uow->Organisations().FindByCode("13")).id;
  Id staff = this->AddUser(*uow, "admin-13", Role::kAdmin, tokyo);
  Id doctor = this->AddUser(*uow, "99100009", Role::kDoctor);
  ASSERT_TRUE(uow->Sessions().Insert({"staff-session", staff, "csrf-a", 100, 160}));
  ASSERT_TRUE(uow->Sessions().Insert({"doctor-session", doctor, "csrf-b", 200, 260}));
  auto found = **uow->Sessions().FindWithUser("staff-session");
  EXPECT_EQ(found.session.token_hash, "staff-session");
  EXPECT_EQ(found.session.user_id, staff);
  EXPECT_EQ(found.session.csrf_hash, "csrf-a");
  EXPECT_EQ(found.session.created_at, 100);
  EXPECT_EQ(found.session.last_seen_at, 160);
  EXPECT_EQ(found.user.id, staff);
  EXPECT_EQ(found.user.login, "admin-13");
  EXPECT_EQ(found.user.role, Role::kAdmin);
  EXPECT_EQ(found.user.organisation_code, "13");  // as FindById reads it
  EXPECT_EQ(found.user.organisation_code, (**uow->Users().FindById(staff)).organisation_code);
  auto other = **uow->Sessions().FindWithUser("doctor-session");
  EXPECT_EQ(other.user.id, doctor);
  EXPECT_EQ(other.user.organisation_code, "");
  EXPECT_FALSE(*uow->Sessions().FindWithUser("no-such-session"));
  ASSERT_TRUE(uow->Users().SetRoleAndState(staff, Role::kAdmin, true));
  EXPECT_TRUE((**uow->Sessions().FindWithUser("staff-session")).user.disabled);
}

TYPED_TEST(AccountContractTest, ThrottleOneTimeCodesAndTokens) {
  auto uow = *this->store_->Begin(true);
  Id user = this->AddUser(*uow, "u", Role::kAdmin);
  auto& cred = uow->Credentials();
  EXPECT_EQ(cred.Throttle("login:u")->failures, 0);
  ASSERT_TRUE(cred.PutThrottle("login:u", {3, 1000}));
  EXPECT_EQ(cred.Throttle("login:u")->failures, 3);
  EXPECT_EQ(cred.Throttle("login:u")->last_failure_at, 1000);
  ASSERT_TRUE(cred.ClearThrottle("login:u"));
  EXPECT_EQ(cred.Throttle("login:u")->failures, 0);

  Id first = *cred.InsertCode({0, user, "h1", 5000, user});
  Id second = *cred.InsertCode({0, user, "h2", 5000, user});
  auto active = **cred.ActiveCode(user, 4000);
  EXPECT_EQ(active.id, second) << "a new code cancels the earlier one";
  EXPECT_NE(active.id, first);
  EXPECT_FALSE(*cred.ActiveCode(user, 5001)) << "expired";
  ASSERT_TRUE(cred.UseCode(second, 4100));
  EXPECT_FALSE(*cred.ActiveCode(user, 4200)) << "used";

  core::ApiTokenRecord t{0, user, "nightly", "th", {core::Permission::kImportCredits}, 10, {}};
  Id token = *cred.InsertToken(t);
  auto found = **cred.FindToken("th");
  EXPECT_EQ(found.id, token);
  EXPECT_EQ(found.scopes, std::vector<core::Permission>{core::Permission::kImportCredits});
  EXPECT_FALSE(found.revoked_at);
  EXPECT_EQ(cred.TokensOf(user)->size(), 1u);
  ASSERT_TRUE(cred.RevokeToken(token, 20));
  EXPECT_EQ((**cred.FindTokenById(token)).revoked_at, 20);
}

TYPED_TEST(AccountContractTest, FilesKeepBytesAndAttachments) {
  Id doctor = this->AddDoctor("100001");
  auto uow = *this->store_->Begin(true);
  Id user = this->AddUser(*uow, "u", Role::kDoctor, std::nullopt, doctor);
  core::StoredFileMeta m;
  m.uploaded_by = user;
  m.content_type = "application/pdf";
  m.name = "証明書.pdf";
  m.size = 5;
  m.sha256 = "ab";
  std::string bytes("%PDF\0", 5);
  Id file = *uow->Files().Insert(m, bytes);
  EXPECT_EQ(*uow->Files().Bytes(file), bytes) << "binary-safe";
  auto meta = **uow->Files().Find(file);
  EXPECT_EQ(meta.name, "証明書.pdf");
  EXPECT_FALSE(meta.attached_kind);
  ASSERT_TRUE(uow->Files().Attach(file, core::ReviewKind::kActivity, 7, doctor));
  auto attached = *uow->Files().AttachedTo(core::ReviewKind::kActivity, 7);
  ASSERT_EQ(attached.size(), 1u);
  EXPECT_EQ(attached[0].doctor_id, doctor);
  EXPECT_TRUE(uow->Files().AttachedTo(core::ReviewKind::kDeclaration, 7)->empty());
}

TYPED_TEST(AccountContractTest, RoutingDefaultsAndIdempotencyKeys) {
  auto uow = *this->store_->Begin(true);
  auto rule = *uow->Settings().Routing("13");
  EXPECT_EQ(rule.members, core::ApprovingLevel::kCounty) << "the default rule";
  ASSERT_TRUE(uow->Settings().PutRouting(
      {"13", core::ApprovingLevel::kPrefecture, core::ApprovingLevel::kPrefecture}));
  EXPECT_EQ(uow->Settings().Routing("13")->members, core::ApprovingLevel::kPrefecture);
  EXPECT_EQ(uow->Settings().Routing("27")->members, core::ApprovingLevel::kCounty);
  Id user = this->AddUser(*uow, "u", Role::kDoctor);
  EXPECT_FALSE(*uow->Settings().Idempotency(user, "k1"));
  ASSERT_TRUE(uow->Settings().PutIdempotency(user, "k1", {"fp", "apply", 42}));
  auto rec = **uow->Settings().Idempotency(user, "k1");
  EXPECT_EQ(rec.fingerprint, "fp");
  EXPECT_EQ(rec.operation, "apply");
  EXPECT_EQ(rec.result_id, 42);
  EXPECT_FALSE(*uow->Settings().Idempotency(user + 1, "k1")) << "keys are per user";
}

}  // namespace
}  // namespace kakari::storage
