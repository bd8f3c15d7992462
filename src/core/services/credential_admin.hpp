// Credentials that staff and machines are given: one-time codes staff issue
// for doctors, and API tokens. Secrets are shown once and kept as hashes.
// Thread-safe: every call opens its own unit of work; Deps may be shared.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/services/service_support.hpp"

namespace kakari::core {

struct IssuedCode {
  std::string login;
  std::string code;  // shown once; only its hash is kept
  int64_t expires_at = 0;
  std::string doctor_name;
  std::string registry_number;
};

// Staff issue a code for a doctor in their scope, creating the doctor's
// account when it has none (login: member ID, else the registry number).
[[nodiscard]] Result<IssuedCode> IssueOneTimeCode(const Deps& deps, const Caller& caller,
                                                  std::string_view registry_number);

struct CreatedToken {
  ApiTokenRecord record;
  std::string token;  // shown once
};
[[nodiscard]] Result<CreatedToken> CreateApiToken(const Deps& deps, const Caller& caller,
                                                  std::string_view name,
                                                  const std::vector<std::string>& scopes);
[[nodiscard]] Result<std::vector<ApiTokenRecord>> ListApiTokens(const Deps& deps,
                                                                const Caller& caller);
[[nodiscard]] Status RevokeApiToken(const Deps& deps, const Caller& caller, Id token_id);

}  // namespace kakari::core
