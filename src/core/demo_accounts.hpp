// Demo accounts: one login per kind of user, for trying the demo and for
// the black-box tests. The password is public demo data, not a secret.
// Run by one thread (the demo command); each call opens its own units of work.
#pragma once

#include <string>
#include <vector>

#include "core/service_support.hpp"

namespace kakari::core {

inline constexpr const char* kDemoPassword = "kakari-demo-2026";

struct DemoLogin {
  std::string login;
  std::string role;
  std::string who_ja;
  std::string who_en;
};

// REQUIRES: GenerateDemo ran on this store (showcase doctors, 13001, institutions).
[[nodiscard]] Result<std::vector<DemoLogin>> CreateDemoAccounts(const Deps& deps);

// Certificates for up to three approved demo applications: the first valid,
// the second reissued (version 2), the third revoked. Needs deps.signer.
// Returns their numbers. Run after CreateDemoAccounts (uses jma-admin).
[[nodiscard]] Result<std::vector<std::string>> CreateDemoCertificates(const Deps& deps);

// The national demo: a certificate for every other approved application,
// so that coverage is realistic. Returns how many were issued.
[[nodiscard]] Result<int64_t> CertifyOtherApproved(const Deps& deps);

// Four Tokyo institutions beside institution 1, one per G-MIS case, with
// their logins (institution-2..5). `numbers` are CreateDemoCertificates'.
[[nodiscard]] Result<std::vector<DemoLogin>> CreateDemoInstitutions(
    const Deps& deps, const std::vector<std::string>& numbers);

}  // namespace kakari::core
