// The SQL of the numbered migrations (internal to src/storage/sqlite).
// Frozen once landed: a change is a new number, never an edit.
// Thread-safe: constant SQL text.
#pragma once

#include <string>
#include <vector>

#include "storage/sql/sql_now.hpp"

namespace kakari::storage::sqlite {

// 1-3: the registry, the workflow, accounts and review.
std::vector<std::string> RegistryAndWorkflowScripts();
// 4-6: certificates, queue counts, queue generations.
std::vector<std::string> CertificateAndQueueScripts();
// 7-8: the institution registry and affiliations.
std::vector<std::string> InstitutionScripts();
std::vector<std::string> NoticeScripts();

}  // namespace kakari::storage::sqlite
