#include "storage/sqlite/connection.hpp"

#include <sqlite3.h>

namespace kakari::storage::sqlite {

// Storage that cannot be written (disk full, read-only, I/O failure) or is busy is a
// passing condition of the machine, not a bug: 503 with Retry-After, and it heals by itself.
bool IsStorageUnavailable(int rc) {
  switch (rc & 0xff) {
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return true;
    default:
      return false;
  }
}

core::Error SqlError(sqlite3* db, std::string_view context) {
  int rc = sqlite3_extended_errcode(db);
  core::Error e{core::ErrorCode::kInternal, "データベースの処理に失敗しました",
                "a database operation failed", std::string(context) + ": " + sqlite3_errmsg(db),
                ""};
  if (IsStorageUnavailable(rc)) {
    e.code = core::ErrorCode::kUnavailable;
    e.message_ja =
        "いまは保存できません（ディスクの空きがないか、書き込みが止められています）。"
        "しばらくしてからもう一度お試しください";
    e.message_en =
        "storage cannot be written right now (disk full, read-only or busy); "
        "please try again shortly";
    e.retry_after_seconds = 30;
  }
  return e;
}

bool IsUniqueViolation(sqlite3* db) {
  return sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE ||
         sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_PRIMARYKEY;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

core::Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  core::Error e = SqlError(db_, sqlite3_sql(stmt_));
  if (rc == SQLITE_CONSTRAINT && IsUniqueViolation(db_)) {
    e.code = core::ErrorCode::kAlreadyExists;
    e.message_ja = "既に登録されています";
    e.message_en = "already recorded";
  }
  sqlite3_reset(stmt_);
  return tl::unexpected(e);
}

core::Status SqliteStatement::Run() {
  for (;;) {
    auto r = Step();
    KAKARI_RETURN_IF_ERROR(r);
    if (!*r) {
      sqlite3_reset(stmt_);  // ready to bind again (a loop of Runs would repeat old values)
      return {};
    }
  }
}

int64_t SqliteStatement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string SqliteStatement::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::string SqliteStatement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string(static_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

bool SqliteStatement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int SqliteStatement::ColumnCount() const { return sqlite3_column_count(stmt_); }
std::string SqliteStatement::ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }
bool SqliteStatement::IsBlob(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_BLOB;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

core::Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    core::Error e = SqlError(db, "open");
    sqlite3_close(db);
    e.code = core::ErrorCode::kUnavailable;
    e.message_ja = "データベース " + path + " を開けません";
    e.message_en = "cannot open database " + path;
    return tl::unexpected(e);
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, 5000);
  auto s = conn->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
      "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
  if (!s) {
    core::Error e = s.error();
    e.code = core::ErrorCode::kUnavailable;
    e.message_ja = path + " はKakariのデータベースとして読めません";
    e.message_en = path + " cannot be read as a Kakari database";
    return tl::unexpected(e);
  }
  return conn;
}

Connection::~Connection() {
  cache_.clear();
  sqlite3_close(db_);
}

core::Status Connection::Exec(std::string_view sql) {
  std::string s(sql);
  char* msg = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    core::Error e = SqlError(db_, s.substr(0, 80));
    sqlite3_free(msg);
    return tl::unexpected(e);
  }
  return {};
}

core::Result<sql::Statement*> Connection::Prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return tl::unexpected(SqlError(db_, key));
  }
  auto [pos, _] = cache_.emplace(key, std::make_unique<SqliteStatement>(db_, stmt));
  return pos->second.get();
}

core::Result<int64_t> Connection::LastInsertId() { return sqlite3_last_insert_rowid(db_); }
int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

}  // namespace kakari::storage::sqlite
