// Runs PostgreSQL's numbered migrations (schema.hpp) under a session-level
// advisory lock, so that several servers starting at once migrate once: the
// first applies them, the others wait and then find nothing left to do.
// Not thread-safe: works on one connection.
#pragma once

#include "core/domain/result.hpp"
#include "storage/postgres/connection.hpp"

namespace kakari::storage::postgres {

int LatestSchemaVersion();
[[nodiscard]] core::Result<int> SchemaVersion(Connection& conn);
[[nodiscard]] core::Status Migrate(Connection& conn);

}  // namespace kakari::storage::postgres
