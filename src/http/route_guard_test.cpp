// The route guard, table-driven: every kind of guard against sessions of
// each role and tokens of each scope. The black-box matrix test drives the
// real route table through the server.
#include <gtest/gtest.h>

#include "http/api.hpp"

namespace kakari::http {
namespace {

using core::Permission;
using core::Principal;
using core::Role;

Principal Session(Role role) {
  Principal p;
  p.role = role;
  return p;
}

Principal Token(Role role, std::vector<Permission> scopes) {
  Principal p = Session(role);
  p.via_token = true;
  p.token_scopes = std::move(scopes);
  return p;
}

constexpr uint32_t kOwn = ScopeBit(Permission::kOwnRecord);
constexpr uint32_t kReview = ScopeBit(Permission::kReview);
constexpr uint32_t kImport = ScopeBit(Permission::kImportCredits);

struct Case {
  const char* what;
  Guard guard;
  Principal who;
  bool allowed;
};

TEST(RouteGuard, DecidesEveryKindOfCredential) {
  const std::vector<Case> cases = {
      {"public, token of any scope", Public(), Token(Role::kAdmin, {Permission::kImportCredits}),
       true},
      {"doctor session on own record", Needs(kOwn), Session(Role::kDoctor), true},
      {"reviewer session on own record", Needs(kOwn), Session(Role::kReviewer), false},
      {"institution session on own or review", Needs(kOwn | kReview), Session(Role::kInstitution),
       false},
      {"reviewer session on own or review", Needs(kOwn | kReview), Session(Role::kReviewer), true},
      {"import token on review route", Needs(kReview),
       Token(Role::kAdmin, {Permission::kImportCredits}), false},
      {"import token on own or review", Needs(kOwn | kReview),
       Token(Role::kJmaAdmin, {Permission::kImportCredits}), false},
      {"import token on import route", Needs(kImport),
       Token(Role::kAdmin, {Permission::kImportCredits}), true},
      {"review token on review route", Needs(kReview), Token(Role::kAdmin, {Permission::kReview}),
       true},
      {"scope the owner's role lacks", Needs(kImport),
       Token(Role::kReviewer, {Permission::kImportCredits}), false},
      {"session-only, any person", SessionOnly(), Session(Role::kDoctor), true},
      {"session-only, token with every scope", SessionOnly(),
       Token(Role::kJmaAdmin,
             {Permission::kReview, Permission::kAdminister, Permission::kImportCredits}),
       false},
      {"session-only admin route, reviewer", SessionOnly(ScopeBit(Permission::kAdminister)),
       Session(Role::kReviewer), false},
      {"session-only admin route, admin", SessionOnly(ScopeBit(Permission::kAdminister)),
       Session(Role::kAdmin), true},
      {"undeclared route, token", Needs(0), Token(Role::kJmaAdmin, {Permission::kReview}), false},
  };
  for (const Case& c : cases) {
    auto r = CheckGuard(c.guard, c.who);
    EXPECT_EQ(r.has_value(), c.allowed) << c.what;
    if (!r) {
      EXPECT_EQ(r.error().code, core::ErrorCode::kPermissionDenied) << c.what;
      EXPECT_FALSE(r.error().message_ja.empty()) << c.what;
    }
  }
}

// Deny by default: every authenticated route names what it needs.
TEST(RouteGuard, EveryRouteDeclaresItsScopeOrIsSessionOnly) {
  for (const Route& r : Routes()) {
    if (!r.guard.authenticated) continue;
    EXPECT_TRUE(r.guard.scopes != 0 || r.guard.interactive_only)
        << r.method << " " << r.pattern << " declares no scope";
  }
}

}  // namespace
}  // namespace kakari::http
