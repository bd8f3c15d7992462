// Who is asking, and what they may see and do. A doctor sees only themself;
// staff see doctors whose home association is theirs or below it (a
// prefecture sees its counties, by association code prefix: "13" covers
// "13001"); JMA sees everyone; an institution user sees only the completion
// status of its affiliated doctors. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/entities.hpp"

namespace kakari::core {

enum class Role { kDoctor, kReviewer, kAdmin, kJmaAdmin, kInstitution };

const char* RoleName(Role r);
std::optional<Role> ParseRole(std::string_view name);

// What an endpoint needs. A session carries every permission of its role; an
// API token only those of its scopes (and never more than its user's role).
enum class Permission {
  kOwnRecord,        // a doctor's own progress, credits, activities, applications
  kReview,           // staff queue, items, decisions, paper entry
  kAdminister,       // one-time codes, routing, API tokens of the association
  kInstitutionView,  // completion status of an institution's doctors
  kImportCredits,    // machine import of lecture credits
};

// API token scope names ("credits:import", ...); nullopt for an unknown name.
std::optional<Permission> ParseScope(std::string_view scope);
const char* ScopeName(Permission p);

struct Principal {
  Id user_id = 0;
  Role role = Role::kDoctor;
  std::optional<Id> doctor_id;        // doctors
  std::optional<Id> organisation_id;  // staff and JMA
  std::string organisation_code;      // "13", "13001", "00" for JMA
  std::optional<Id> institution_id;   // institution users
  bool via_token = false;
  std::vector<Permission> token_scopes;  // only when via_token
};

bool IsStaff(Role r);  // reviewer, admin, JMA admin

constexpr size_t kRoleCount = 5;
constexpr size_t kPermissionCount = 5;

// True when every session of role `r` carries permission `p`.
bool RoleGrants(Role r, Permission p);

// True when the principal's role grants `p` (and, for a token, its scopes do).
bool Allows(const Principal& who, Permission p);

// The association-code prefix a staff member's lists are limited to: "" for
// the JMA (everyone), their association's code otherwise; nullopt for anyone
// without an association (who then sees nothing).
std::optional<std::string> ScopePrefix(const Principal& who);

// True when staff (or JMA) `who` covers the association with `code`.
bool CoversAssociation(const Principal& who, std::string_view association_code);

// True when administrator `who` may create or change a staff account with
// `role` homed at the association `code`: prefecture administrators within
// their prefecture (reviewers and administrators), the JMA anywhere; only
// the JMA makes JMA administrators, and only at the JMA ("00").
bool MayManageStaffAccount(const Principal& who, Role role, std::string_view code);

// True when `who` may see the personal data of a doctor with this id and home
// association code. Institutions go through their affiliation instead.
bool MaySeeDoctor(const Principal& who, Id doctor_id, std::string_view home_association_code);

}  // namespace kakari::core
