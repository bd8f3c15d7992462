#include "storage/copy/registry_copy.hpp"

#include <memory>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kakari::storage {

namespace {

using sql::Connection;
using sql::Engine;

// Opens (and migrates) `db`, then hands back one raw connection to it.
core::Result<std::unique_ptr<Connection>> OpenMigrated(const std::string& db) {
  if (postgres::IsPostgresUrl(db)) {
    KAKARI_TRY(store, postgres::PostgresStore::Open(db));
    (void)store;
    KAKARI_TRY(conn, postgres::Connection::Open(db));
    return std::unique_ptr<Connection>(std::move(conn));
  }
  KAKARI_TRY(store, sqlite::SqliteStore::Open(db));
  (void)store;
  KAKARI_TRY(conn, sqlite::Connection::Open(db));
  return std::unique_ptr<Connection>(std::move(conn));
}

core::Result<int64_t> CountRows(Connection& c, const std::string& table) {
  KAKARI_TRY(st, c.Prepare("SELECT COUNT(*) FROM " + table));
  KAKARI_TRY(row, st->Step());
  (void)row;
  int64_t n = st->Int(0);
  st->Reset();
  return n;
}

core::Status RefuseNonEmpty(Connection& target, const std::string& to) {
  for (const char* table : {"organisations", "doctors", "users", "audit_log"}) {
    KAKARI_TRY(n, CountRows(target, table));
    if (n > 0) {
      return core::Fail(core::ErrorCode::kConflict,
                        to + " には既に登録簿があります。空のデータベースを指定してください",
                        to + " already holds a registry; give an empty database", "to");
    }
  }
  return {};
}

// The rows a fresh schema starts with, which the source's own rows replace.
core::Status ClearSeeds(Connection& target) {
  return target.Exec(
      "DELETE FROM activity_categories; DELETE FROM certificate_settings; "
      "DELETE FROM signatories;");
}

std::string SelectAll(const std::string& table, Engine engine) {
  // SQLite's implicit rowid orders signing keys; PostgreSQL keeps it as a column.
  if (table == "signing_keys" && engine == Engine::kSqlite) {
    return "SELECT rowid AS rowid, * FROM signing_keys ORDER BY rowid";
  }
  return "SELECT * FROM " + table + " ORDER BY 1";
}

std::string InsertFor(const std::string& table, const sql::Statement& row) {
  std::string cols, marks;
  for (int i = 0; i < row.ColumnCount(); ++i) {
    cols += (i ? ", " : "") + row.ColumnName(i);
    marks += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  return "INSERT INTO " + table + "(" + cols + ") VALUES (" + marks + ")";
}

// One row per statement: right for SQLite (in process, no round trip).
core::Status InsertRows(Connection& target, const std::string& table, sql::Statement& read) {
  KAKARI_TRY(write, target.Prepare(InsertFor(table, read)));
  for (bool more = true; more;) {
    write->Reset();
    for (int i = 0; i < read.ColumnCount(); ++i) {
      if (read.IsNull(i)) {
        write->BindNull(i + 1);
      } else if (read.IsBlob(i)) {
        write->BindBlob(i + 1, read.Blob(i));
      } else {
        write->Bind(i + 1, std::string_view(read.Text(i)));
      }
    }
    KAKARI_RETURN_IF_ERROR(write->Run());
    KAKARI_TRY(stepped, read.Step());
    more = stepped;
  }
  return {};
}

// One field in COPY's text format: \N for NULL, bytea as \\x hex, text with
// backslash escapes. Text goes through the column type's input function,
// exactly as the row-by-row path's untyped text parameters do.
void AppendCopyField(std::string& out, sql::Statement& read, int col) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (read.IsNull(col)) {
    out += "\\N";
    return;
  }
  if (read.IsBlob(col)) {
    out += "\\\\x";
    for (unsigned char b : read.Blob(col)) {
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
    return;
  }
  sql::AppendCopyText(out, read.Text(col));
}

// PostgreSQL: the rows streamed through COPY, about a megabyte per message,
// instead of a round trip per row (a national registry has ~12.5M rows).
core::Status CopyRows(Connection& target, const std::string& table, sql::Statement& read) {
  std::string cols;
  for (int i = 0; i < read.ColumnCount(); ++i) cols += (i ? ", " : "") + read.ColumnName(i);
  bool pending = true;  // `read` stands on a row not yet sent
  core::Status failed;
  auto next = [&](std::string& chunk) {
    if (!pending) return false;
    while (pending && chunk.size() < (1 << 20)) {
      for (int i = 0; i < read.ColumnCount(); ++i) {
        if (i) chunk += '\t';
        AppendCopyField(chunk, read, i);
      }
      chunk += '\n';
      auto more = read.Step();
      if (!more) failed = tl::unexpected(more.error());
      pending = more.value_or(false);
    }
    return true;
  };
  KAKARI_RETURN_IF_ERROR(target.CopyIn("COPY " + table + "(" + cols + ") FROM STDIN", next));
  return failed;
}

// The review item tables and their kind in review_counts.
const char* ReviewKindOf(const std::string& table) {
  if (table == "completion_applications") return "application";
  if (table == "practical_activities") return "activity";
  if (table == "credit_declarations") return "declaration";
  return nullptr;
}

// Each review item's row triggers update the same few counter rows
// (review_counts, review_generation). In one PostgreSQL transaction every
// update of a row adds a version the next must step over, so 215,000 items
// took minutes per table; the counts are instead made once, set-based, after
// the table is in, with its triggers off meanwhile (DDL is transactional:
// they are on again before the commit, and a failed copy leaves them on).
core::Status SetItemTriggers(Connection& target, const std::string& table, bool on) {
  const char* verb = on ? "ENABLE" : "DISABLE";
  return target.Exec("ALTER TABLE " + table + " " + verb + " TRIGGER " + table + "_count_insert, " +
                     verb + " TRIGGER " + table + "_generation");
}

core::Status CountItems(Connection& target, const std::string& table, const char* kind) {
  return target.Exec(
      "INSERT INTO review_counts(routed_to, kind, status, n) SELECT routed_to_association_id, '" +
      std::string(kind) + "', status, COUNT(*) FROM " + table +
      " WHERE routed_to_association_id IS NOT NULL GROUP BY routed_to_association_id, status "
      "ON CONFLICT (routed_to, kind, status) DO UPDATE SET n = review_counts.n + EXCLUDED.n; "
      "UPDATE review_generation SET n = n + 1");
}

core::Status CopyTable(Connection& source, Connection& target, const std::string& table) {
  KAKARI_TRY(read, source.Prepare(SelectAll(table, source.engine())));
  KAKARI_TRY(any, read->Step());
  if (!any) {
    read->Reset();
    return {};
  }
  if (target.engine() != Engine::kPostgres) {
    auto done = InsertRows(target, table, *read);
    read->Reset();
    return done;
  }
  const char* kind = ReviewKindOf(table);
  if (kind) KAKARI_RETURN_IF_ERROR(SetItemTriggers(target, table, false));
  auto done = CopyRows(target, table, *read);
  read->Reset();
  KAKARI_RETURN_IF_ERROR(done);
  if (!kind) return {};
  KAKARI_RETURN_IF_ERROR(CountItems(target, table, kind));
  return SetItemTriggers(target, table, true);
}

// Explicit ids went in: move each identity past them.
core::Status AdvanceIdentities(Connection& target) {
  if (target.engine() != Engine::kPostgres) return {};
  KAKARI_TRY(st, target.Prepare("SELECT table_name, column_name FROM information_schema.columns "
                                "WHERE table_schema = current_schema() AND is_identity = 'YES'"));
  using Column = std::pair<std::string, std::string>;
  auto read = [](sql::Statement& r) { return Column(r.Text(0), r.Text(1)); };
  KAKARI_TRY(rows, sql::CollectRows<Column>(*st, read));
  for (const auto& [table, column] : rows) {
    KAKARI_RETURN_IF_ERROR(target.Exec("SELECT setval(pg_get_serial_sequence('" + table + "', '" +
                                       column + "'), COALESCE(MAX(" + column +
                                       "), 0) + 1, false) FROM " + table));
  }
  return {};
}

core::Result<CopyReport> CopyAll(Connection& source, Connection& target) {
  CopyReport report;
  for (const std::string& table : CopiedTables()) {
    KAKARI_RETURN_IF_ERROR(CopyTable(source, target, table));
    KAKARI_TRY(from_rows, CountRows(source, table));
    KAKARI_TRY(to_rows, CountRows(target, table));
    if (from_rows != to_rows) {
      return core::Fail(core::ErrorCode::kInternal,
                        table + " の行数が一致しません（" + std::to_string(from_rows) + " → " +
                            std::to_string(to_rows) + "）",
                        table + ": row counts differ (" + std::to_string(from_rows) + " → " +
                            std::to_string(to_rows) + ")");
    }
    report.tables.emplace_back(table, to_rows);
  }
  KAKARI_RETURN_IF_ERROR(AdvanceIdentities(target));
  return report;
}

}  // namespace

const std::vector<std::string>& CopiedTables() {
  static const std::vector<std::string> tables = {"organisations",
                                                  "programmes",
                                                  "doctors",
                                                  "institutions",
                                                  "lectures",
                                                  "credit_imports",
                                                  "lecture_credits",
                                                  "doctor_lecture_totals",
                                                  "doctor_lecture_sums",
                                                  "users",
                                                  "user_roles",
                                                  "stored_files",
                                                  "practical_activities",
                                                  "credit_declarations",
                                                  "completion_applications",
                                                  "application_activities",
                                                  "mail_batches",
                                                  "certificates",
                                                  "audit_log",
                                                  "sessions",
                                                  "login_throttle",
                                                  "one_time_codes",
                                                  "api_tokens",
                                                  "activity_categories",
                                                  "routing_rules",
                                                  "idempotency_keys",
                                                  "review_history",
                                                  "certificate_settings",
                                                  "certificate_counters",
                                                  "signatories",
                                                  "signing_keys",
                                                  "affiliations",
                                                  "notices",
                                                  "notice_preferences"};
  return tables;
}

core::Result<CopyReport> CopyRegistry(const std::string& from, const std::string& to) {
  KAKARI_TRY(source, OpenMigrated(from));
  KAKARI_TRY(target, OpenMigrated(to));
  KAKARI_RETURN_IF_ERROR(RefuseNonEmpty(*target, to));
  bool pg_source = source->engine() == Engine::kPostgres;
  KAKARI_RETURN_IF_ERROR(
      source->Exec(pg_source ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN"));
  KAKARI_RETURN_IF_ERROR(
      target->Exec(target->engine() == Engine::kPostgres ? "BEGIN" : "BEGIN IMMEDIATE"));
  auto copied = [&]() -> core::Result<CopyReport> {
    KAKARI_RETURN_IF_ERROR(ClearSeeds(*target));
    return CopyAll(*source, *target);
  }();
  (void)source->Exec("ROLLBACK");
  if (!copied) {
    (void)target->Exec("ROLLBACK");
    return copied;
  }
  KAKARI_RETURN_IF_ERROR(target->Exec("COMMIT"));
  return copied;
}

}  // namespace kakari::storage
