#include "core/domain/access.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

Principal Staff(Role role, std::string code) {
  Principal p;
  p.user_id = 9;
  p.role = role;
  p.organisation_id = 1;
  p.organisation_code = std::move(code);
  return p;
}

Principal InstitutionPrincipal(Id institution_id) {
  Principal p;
  p.role = Role::kInstitution;
  p.institution_id = institution_id;
  return p;
}

Principal DoctorPrincipal(Id doctor_id) {
  Principal p;
  p.role = Role::kDoctor;
  p.doctor_id = doctor_id;
  return p;
}

struct ScopeCase {
  const char* who;
  Principal principal;
  const char* home_code;
  Id doctor_id;
  bool visible;
};

struct AccountCase {
  const char* who;
  Principal principal;
  Role role;
  const char* code;
  bool allowed;
};

TEST(Access, WhoManagesWhichStaffAccount) {
  const AccountCase cases[] = {
      {"JMA makes a reviewer anywhere", Staff(Role::kJmaAdmin, "00"), Role::kReviewer, "27001",
       true},
      {"JMA makes a JMA admin at the JMA", Staff(Role::kJmaAdmin, "00"), Role::kJmaAdmin, "00",
       true},
      {"JMA admin elsewhere is refused", Staff(Role::kJmaAdmin, "00"), Role::kJmaAdmin, "13",
       false},
      {"a reviewer at the JMA is refused", Staff(Role::kJmaAdmin, "00"), Role::kReviewer, "00",
       false},
      {"Tokyo admin: county reviewer", Staff(Role::kAdmin, "13"), Role::kReviewer, "13001", true},
      {"Tokyo admin: prefecture admin", Staff(Role::kAdmin, "13"), Role::kAdmin, "13", true},
      {"Tokyo admin: Osaka is out", Staff(Role::kAdmin, "13"), Role::kReviewer, "27001", false},
      {"Tokyo admin cannot make a JMA admin", Staff(Role::kAdmin, "13"), Role::kJmaAdmin, "00",
       false},
      {"doctor accounts are not staff", Staff(Role::kJmaAdmin, "00"), Role::kDoctor, "13001",
       false},
      {"a reviewer manages nobody", Staff(Role::kReviewer, "13001"), Role::kReviewer, "13001",
       false},
      {"a county admin: own county", Staff(Role::kAdmin, "13001"), Role::kReviewer, "13001", true},
      {"a county admin: not the prefecture", Staff(Role::kAdmin, "13001"), Role::kAdmin, "13",
       false},
      {"a doctor manages nobody", DoctorPrincipal(1), Role::kReviewer, "13001", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MayManageStaffAccount(c.principal, c.role, c.code), c.allowed) << c.who;
  }
}

TEST(Access, WhoSeesWhichDoctor) {
  const ScopeCase cases[] = {
      {"doctor sees themself", DoctorPrincipal(5), "13001", 5, true},
      {"doctor never sees another", DoctorPrincipal(5), "13001", 6, false},
      {"county sees its own", Staff(Role::kReviewer, "13001"), "13001", 1, true},
      {"county not a sibling", Staff(Role::kReviewer, "13001"), "13002", 1, false},
      {"county not its prefecture's direct members", Staff(Role::kReviewer, "13001"), "13", 1,
       false},
      {"prefecture sees its counties", Staff(Role::kAdmin, "13"), "13045", 1, true},
      {"prefecture sees its direct members", Staff(Role::kReviewer, "13"), "13", 1, true},
      {"prefecture not another prefecture", Staff(Role::kAdmin, "13"), "14001", 1, false},
      {"prefecture 01 not 010..", Staff(Role::kAdmin, "01"), "11001", 1, false},
      {"JMA sees all", Staff(Role::kJmaAdmin, "00"), "47012", 1, true},
      {"institution sees nobody this way", InstitutionPrincipal(3), "13001", 1, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MaySeeDoctor(c.principal, c.doctor_id, c.home_code), c.visible) << c.who;
  }
}

TEST(Access, RolesGrantPermissions) {
  struct Row {
    Role role;
    bool own, review, administer, institution, import;
  };
  const Row rows[] = {
      {Role::kDoctor, true, false, false, false, false},
      {Role::kReviewer, false, true, false, false, false},
      {Role::kAdmin, false, true, true, false, true},
      {Role::kJmaAdmin, false, true, true, false, true},
      {Role::kInstitution, false, false, false, true, false},
  };
  for (const auto& r : rows) {
    Principal p;
    p.role = r.role;
    EXPECT_EQ(Allows(p, Permission::kOwnRecord), r.own) << RoleName(r.role);
    EXPECT_EQ(Allows(p, Permission::kReview), r.review) << RoleName(r.role);
    EXPECT_EQ(Allows(p, Permission::kAdminister), r.administer) << RoleName(r.role);
    EXPECT_EQ(Allows(p, Permission::kInstitutionView), r.institution) << RoleName(r.role);
    EXPECT_EQ(Allows(p, Permission::kImportCredits), r.import) << RoleName(r.role);
  }
}

TEST(Access, TokenIsLimitedToItsScopesAndItsRole) {
  Principal p = Staff(Role::kAdmin, "13");
  p.via_token = true;
  p.token_scopes = {Permission::kImportCredits, Permission::kOwnRecord};
  EXPECT_TRUE(Allows(p, Permission::kImportCredits));
  EXPECT_FALSE(Allows(p, Permission::kReview));     // not in the token's scopes
  EXPECT_FALSE(Allows(p, Permission::kOwnRecord));  // in scope, but not the role's
  EXPECT_EQ(ParseScope("credits:import"), Permission::kImportCredits);
  EXPECT_EQ(ParseScope("root"), std::nullopt);
}

TEST(Access, ScopePrefixLimitsStaffLists) {
  EXPECT_EQ(ScopePrefix(Staff(Role::kJmaAdmin, "00")), std::string(""));
  EXPECT_EQ(ScopePrefix(Staff(Role::kAdmin, "13")), std::string("13"));
  EXPECT_EQ(ScopePrefix(Staff(Role::kReviewer, "13001")), std::string("13001"));
  EXPECT_EQ(ScopePrefix(Staff(Role::kReviewer, "")), std::nullopt);  // never "everyone"
  EXPECT_EQ(ScopePrefix(Staff(Role::kDoctor, "13")), std::nullopt);
  EXPECT_EQ(ScopePrefix(Staff(Role::kInstitution, "13")), std::nullopt);
}

}  // namespace
}  // namespace kakari::core
