#include "storage/sqlite/migrations.hpp"

#include <string>
#include <vector>

#include "storage/sqlite/schema_sql.hpp"

namespace kakari::storage::sqlite {

namespace {

// Every migration in order; the version of a script is its position + 1.
const std::vector<std::string>& Scripts() {
  static const std::vector<std::string> scripts = [] {
    std::vector<std::string> all = RegistryAndWorkflowScripts();
    for (auto& s : CertificateAndQueueScripts()) all.push_back(std::move(s));
    for (auto& s : InstitutionScripts()) all.push_back(std::move(s));
    for (auto& s : NoticeScripts()) all.push_back(std::move(s));
    return all;
  }();
  return scripts;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Scripts().size()); }

core::Result<int> SchemaVersion(Connection& conn) {
  KAKARI_RETURN_IF_ERROR(
      conn.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
  auto st = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  KAKARI_RETURN_IF_ERROR(st);
  auto row = (*st)->Step();
  KAKARI_RETURN_IF_ERROR(row);
  int v = static_cast<int>((*st)->Int(0));
  (*st)->Reset();
  return v;
}

core::Status Migrate(Connection& conn, int target) {
  if (target < 0) target = LatestSchemaVersion();
  auto current = SchemaVersion(conn);
  KAKARI_RETURN_IF_ERROR(current);
  if (*current > LatestSchemaVersion()) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "このデータベースは新しい版のKakariで作られています",
                      "this database was written by a newer Kakari");
  }
  for (int v = *current + 1; v <= target; ++v) {
    std::string sql = "BEGIN IMMEDIATE;";
    sql += Scripts()[static_cast<size_t>(v - 1)];
    sql += "INSERT INTO schema_migrations(version, applied_at) VALUES (" + std::to_string(v) +
           ", " KAKARI_NOW "); COMMIT;";
    if (auto s = conn.Exec(sql); !s) {
      (void)conn.Exec("ROLLBACK");
      return s;
    }
  }
  return {};
}

}  // namespace kakari::storage::sqlite
