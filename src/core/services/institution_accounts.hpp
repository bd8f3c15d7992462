// Institution accounts: association staff issue an institution's first
// user (its administrator) with the same one-time code letter doctors get;
// that administrator may add one more user of the same institution.
// Thread-safe (a unit of work per call).
#pragma once

#include <string>

#include "core/services/auth_service.hpp"
#include "core/services/credential_admin.hpp"

namespace kakari::core {

inline constexpr int kMaxInstitutionUsers = 2;

// Staff administrators of the institution's area: creates the first account
// ("i" + code) when there is none, else issues a new code for it (a lost
// letter). `doctor_name` of the answer holds the institution's name.
[[nodiscard]] Result<IssuedCode> IssueInstitutionCode(const Deps& deps, const Caller& caller,
                                                      const std::string& institution_code);

// The institution's administrator (its first account) adds the second user.
[[nodiscard]] Result<IssuedCode> AddInstitutionUser(const Deps& deps, const Caller& caller);

}  // namespace kakari::core
