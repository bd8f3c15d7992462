// Accounts: login with throttling, server-side sessions, logout, password
// change, one-time codes issued by staff, and API tokens for machines.
// Secrets (passwords, session tokens, codes, API tokens) are only ever
// stored as hashes. No I/O of its own.
// Thread-safe: every call opens its own unit of work; Deps may be shared.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/domain/auth_policy.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

struct AuthPolicies {
  SessionPolicy session;
  ThrottlePolicy throttle;
};

struct NewSession {
  std::string token;       // for the HttpOnly cookie
  std::string csrf_token;  // for the page to send back with every change
  Principal principal;
};

// A login's result and how long the server should hold the answer back
// (throttling): slow answers apply to successes and failures alike.
struct LoginOutcome {
  Result<NewSession> session;
  int64_t delay_ms = 0;
};

LoginOutcome Login(const Deps& deps, const AuthPolicies& policies, std::string_view login,
                   std::string_view password, std::string_view remote_address);

// First login or lost password: the one-time code staff issued sets a new
// password and logs in.
LoginOutcome RedeemOneTimeCode(const Deps& deps, const AuthPolicies& policies,
                               std::string_view login, std::string_view code,
                               std::string_view new_password, std::string_view remote_address);

struct Authenticated {
  Principal principal;
  std::string token_hash;
  std::string csrf_hash;
};

// kUnauthenticated for an unknown, idle or expired session.
[[nodiscard]] Result<Authenticated> AuthenticateSession(const Deps& deps,
                                                        const SessionPolicy& policy,
                                                        std::string_view token);
// kUnauthenticated for an unknown or revoked token.
[[nodiscard]] Result<Principal> AuthenticateToken(const Deps& deps, std::string_view token);

// True when `csrf_token` is the one issued with the session.
bool CsrfMatches(const Deps& deps, const Authenticated& a, std::string_view csrf_token);

[[nodiscard]] Status Logout(const Deps& deps, const Caller& caller, std::string_view token_hash);

// The verdict on a new password for the account `login` (and, for a doctor,
// against their registry number, name and birth date): ok, or kUnprocessable on field
// new_password saying why. Also what the form shows as the person types.
[[nodiscard]] Status AssessNewPassword(const Deps& deps, std::string_view password,
                                       std::string_view login, std::optional<Id> doctor_id);

// The same for the signed-in caller's own account.
[[nodiscard]] Status AssessMyNewPassword(const Deps& deps, const Caller& caller,
                                         std::string_view password);

struct ThrottledStatus {
  Status status;
  int64_t delay_ms = 0;  // answer this much later (a wrong current password)
};

// Ends every other session of the user. A wrong current password counts
// against the account and the address exactly as a failed login does:
// slower answers, then kRateLimited with the seconds to wait.
[[nodiscard]] ThrottledStatus ChangePassword(const Deps& deps, const ThrottlePolicy& throttle,
                                             const Caller& caller, std::string_view current,
                                             std::string_view next,
                                             std::string_view keep_token_hash);

// An account set up from the command line (demo, first administrator).
[[nodiscard]] Result<Id> CreateUser(const Deps& deps, UserRecord user, std::string_view password);

Principal PrincipalOf(const UserRecord& user);

}  // namespace kakari::core
