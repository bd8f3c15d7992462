// Demo certificates, issued through the certificate service as the JMA
// would. Run by one thread (the demo command).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/services/service_support.hpp"

namespace kakari::demo {

// Certificates for up to three approved demo applications: the first valid,
// the second reissued (version 2), the third revoked. Needs deps.signer.
// Returns their numbers. Run after CreateDemoAccounts (uses jma-admin).
[[nodiscard]] core::Result<std::vector<std::string>> CreateDemoCertificates(const core::Deps& deps);

// Gives the signatory in office a seal image (`png`) from the next day on,
// so that demo certificates show a seal as printed ones do.
[[nodiscard]] core::Status AddDemoSeal(core::Store& store, const std::string& png);

// The national demo: a certificate for every other approved application,
// so that coverage is realistic. Returns how many were issued.
[[nodiscard]] core::Result<int64_t> CertifyOtherApproved(const core::Deps& deps);

}  // namespace kakari::demo
