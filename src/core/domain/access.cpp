#include "core/domain/access.hpp"

#include <algorithm>
#include <array>

namespace kakari::core {

namespace {

constexpr std::array<const char*, 5> kRoleNames = {"doctor", "reviewer", "admin", "jma_admin",
                                                   "institution"};
constexpr std::array<const char*, 5> kScopeNames = {"own:read-write", "review", "administer",
                                                    "institution:read", "credits:import"};

}  // namespace

const char* RoleName(Role r) { return kRoleNames[static_cast<size_t>(r)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (name == kRoleNames[i]) return static_cast<Role>(i);
  }
  return std::nullopt;
}

const char* ScopeName(Permission p) { return kScopeNames[static_cast<size_t>(p)]; }

std::optional<Permission> ParseScope(std::string_view scope) {
  for (size_t i = 0; i < kScopeNames.size(); ++i) {
    if (scope == kScopeNames[i]) return static_cast<Permission>(i);
  }
  return std::nullopt;
}

bool RoleGrants(Role r, Permission p) {
  switch (p) {
    case Permission::kOwnRecord:
      return r == Role::kDoctor;
    case Permission::kReview:
      return IsStaff(r);
    case Permission::kAdminister:
      return r == Role::kAdmin || r == Role::kJmaAdmin;
    case Permission::kInstitutionView:
      return r == Role::kInstitution;
    case Permission::kImportCredits:
      return r == Role::kAdmin || r == Role::kJmaAdmin;
  }
  return false;
}

bool IsStaff(Role r) { return r == Role::kReviewer || r == Role::kAdmin || r == Role::kJmaAdmin; }

bool Allows(const Principal& who, Permission p) {
  if (!RoleGrants(who.role, p)) return false;
  if (!who.via_token) return true;
  return std::find(who.token_scopes.begin(), who.token_scopes.end(), p) != who.token_scopes.end();
}

std::optional<std::string> ScopePrefix(const Principal& who) {
  if (who.role == Role::kJmaAdmin) return std::string();
  if ((who.role != Role::kReviewer && who.role != Role::kAdmin) || who.organisation_code.empty()) {
    return std::nullopt;
  }
  return who.organisation_code;
}

bool CoversAssociation(const Principal& who, std::string_view association_code) {
  if (who.role == Role::kJmaAdmin) return true;
  if (who.role != Role::kReviewer && who.role != Role::kAdmin) return false;
  if (who.organisation_code.empty()) return false;
  return association_code.substr(0, who.organisation_code.size()) == who.organisation_code;
}

bool MayManageStaffAccount(const Principal& who, Role role, std::string_view code) {
  if (who.role != Role::kAdmin && who.role != Role::kJmaAdmin) return false;
  if (role == Role::kJmaAdmin) return who.role == Role::kJmaAdmin && code == "00";
  if (role != Role::kReviewer && role != Role::kAdmin) return false;
  return code != "00" && CoversAssociation(who, code);
}

bool MaySeeDoctor(const Principal& who, Id doctor_id, std::string_view home_association_code) {
  if (who.role == Role::kDoctor) return who.doctor_id && *who.doctor_id == doctor_id;
  return CoversAssociation(who, home_association_code);
}

}  // namespace kakari::core
