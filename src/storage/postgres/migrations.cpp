#include "storage/postgres/migrations.hpp"

#include <string>

#include "storage/postgres/schema.hpp"

namespace kakari::storage::postgres {

namespace {

// Any fixed number: advisory locks are named by 64-bit keys per database.
constexpr const char* kLock = "SELECT pg_advisory_lock(4242424201)";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock(4242424201)";

core::Status ApplyPending(Connection& conn) {
  KAKARI_TRY(current, SchemaVersion(conn));
  if (current > LatestSchemaVersion()) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "このデータベースは新しい版のKakariで作られています",
                      "this database was written by a newer Kakari");
  }
  for (int v = current + 1; v <= LatestSchemaVersion(); ++v) {
    std::string sql = "BEGIN;";
    sql += MigrationScripts()[static_cast<size_t>(v - 1)];
    sql += ";INSERT INTO schema_migrations(version, applied_at) VALUES (" + std::to_string(v) +
           ", to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'));"
           "COMMIT;";
    if (auto s = conn.Exec(sql); !s) {
      (void)conn.Exec("ROLLBACK");
      return s;
    }
  }
  return {};
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(MigrationScripts().size()); }

core::Result<int> SchemaVersion(Connection& conn) {
  KAKARI_RETURN_IF_ERROR(
      conn.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)"));
  KAKARI_TRY(st, conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  KAKARI_TRY(row, st->Step());
  (void)row;
  int v = static_cast<int>(st->Int(0));
  st->Reset();
  return v;
}

core::Status Migrate(Connection& conn) {
  KAKARI_RETURN_IF_ERROR(conn.Exec(kLock));
  core::Status applied = ApplyPending(conn);
  (void)conn.Exec(kUnlock);
  return applied;
}

}  // namespace kakari::storage::postgres
