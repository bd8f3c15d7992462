// Numbered, forward-only schema migrations. Each runs in its own transaction
// and is recorded in schema_migrations; running them again is a no-op.
// Not thread-safe: runs on one connection, before the store is shared.
#pragma once

#include "core/domain/result.hpp"
#include "storage/sqlite/connection.hpp"

namespace kakari::storage::sqlite {

// The schema version this build writes.
int LatestSchemaVersion();

// Brings the database up to LatestSchemaVersion(), or up to `target` when
// given (for tests of upgrades from an older schema).
[[nodiscard]] core::Status Migrate(Connection& conn, int target = -1);

[[nodiscard]] core::Result<int> SchemaVersion(Connection& conn);

}  // namespace kakari::storage::sqlite
