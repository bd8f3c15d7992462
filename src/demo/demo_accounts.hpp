// Demo accounts: one login per kind of user, for trying the demo and for
// the black-box tests. The password is public demo data, not a secret.
// Run by one thread (the demo command); each call opens its own units of work.
#pragma once

#include <string>
#include <vector>

#include "core/services/service_support.hpp"

namespace kakari::demo {

inline constexpr const char* kDemoPassword = "kakari-demo-2026";

struct DemoLogin {
  std::string login;
  std::string role;
  std::string who_ja;
  std::string who_en;
};

// REQUIRES: GenerateDemo ran on this store (showcase doctors, 13001, institutions).
[[nodiscard]] core::Result<std::vector<DemoLogin>> CreateDemoAccounts(const core::Deps& deps);

}  // namespace kakari::demo
