// kakari copy: a whole registry from one database to another, either engine
// to either engine (SQLite file ↔ PostgreSQL URL). The target is migrated to
// the latest schema and must hold no registry yet; every table is copied in
// foreign-key order inside one target transaction, from one consistent read
// of the source, and the row counts of both sides are compared before the
// commit. Queue counts and generations are rebuilt by the target's own
// triggers. Not thread-safe: one copy at a time per target.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/result.hpp"

namespace kakari::storage {

struct CopyReport {
  std::vector<std::pair<std::string, int64_t>> tables;  // name, rows on both sides
};

[[nodiscard]] core::Result<CopyReport> CopyRegistry(const std::string& from, const std::string& to);

// Every table the copy carries, in foreign-key order (also read by tests).
const std::vector<std::string>& CopiedTables();

}  // namespace kakari::storage
