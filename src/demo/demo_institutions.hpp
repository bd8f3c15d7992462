// Demo institutions beside the generator's, one per G-MIS case, with their
// logins. Run by one thread (the demo command).
#pragma once

#include <string>
#include <vector>

#include "demo/demo_accounts.hpp"

namespace kakari::demo {

// Four Tokyo institutions beside institution 1, one per G-MIS case, with
// their logins (institution-2..5). `numbers` are CreateDemoCertificates'.
[[nodiscard]] core::Result<std::vector<DemoLogin>> CreateDemoInstitutions(
    const core::Deps& deps, const std::vector<std::string>& numbers);

}  // namespace kakari::demo
