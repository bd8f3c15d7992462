// The SQL of PostgreSQL's numbered migrations; the version of a script is
// its position + 1. Thread-safe: constant SQL text.
#pragma once

#include <string>
#include <vector>

namespace kakari::storage::postgres {

const std::vector<std::string>& MigrationScripts();

// Migrations 3 and later (schema_notices.cpp).
extern const char* const kNoticesMigration;
extern const char* const kVerifyCodeMigration;
extern const char* const kContactMigration;
extern const char* const kQueueKeysMigration;

}  // namespace kakari::storage::postgres
