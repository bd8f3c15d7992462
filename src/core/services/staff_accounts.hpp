// Administrators manage the staff accounts of their association and below:
// list, create (with a one-time code to set the password), change the role,
// disable. The rule of who may grant what is MayManageStaffAccount (access).
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <string>
#include <vector>

#include "core/services/auth_service.hpp"
#include "core/services/credential_admin.hpp"

namespace kakari::core {

struct StaffAccount {
  Id id = 0;
  std::string login;
  Role role = Role::kReviewer;
  std::string association_code;
  std::string association_name;  // its Japanese name, for screens that speak in names
  bool disabled = false;
  bool has_password = false;
};

[[nodiscard]] Result<std::vector<StaffAccount>> ListStaffAccounts(const Deps& deps,
                                                                  const Caller& caller);

struct NewStaffAccount {
  std::string login;
  std::string role;
  std::string association_code;
};
// The new account has no password: the answer carries a one-time code
// (shown once) with which its owner sets one.
[[nodiscard]] Result<IssuedCode> CreateStaffAccount(const Deps& deps, const Caller& caller,
                                                    const NewStaffAccount& account);

// Changes the role or disables the account; ends its sessions.
[[nodiscard]] Result<StaffAccount> UpdateStaffAccount(const Deps& deps, const Caller& caller, Id id,
                                                      std::string_view role, bool disabled);

}  // namespace kakari::core
