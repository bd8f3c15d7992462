// The SQLite implementation of storage/sql's connection: a thin RAII layer
// over one sqlite3 connection and its prepared statements.
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/sql/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kakari::storage::sqlite {

class SqliteStatement final : public sql::Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override;

  SqliteStatement& Bind(int index, int64_t value) override;
  SqliteStatement& Bind(int index, std::string_view value) override;
  SqliteStatement& BindBlob(int index, std::string_view bytes) override;
  SqliteStatement& BindNull(int index) override;
  [[nodiscard]] core::Result<bool> Step() override;
  [[nodiscard]] core::Status Run() override;
  int64_t Int(int col) const override;
  std::string Text(int col) const override;
  std::string Blob(int col) const override;
  bool IsNull(int col) const override;
  int ColumnCount() const override;
  std::string ColumnName(int col) const override;
  bool IsBlob(int col) const override;
  void Reset() override;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection final : public sql::Connection {
 public:
  // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
  [[nodiscard]] static core::Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection() override;

  [[nodiscard]] core::Status Exec(std::string_view sql) override;
  [[nodiscard]] core::Result<sql::Statement*> Prepare(std::string_view sql) override;
  core::Result<int64_t> LastInsertId() override;
  int64_t Changes() const override;
  sql::Engine engine() const override { return sql::Engine::kSqlite; }
  sqlite3* raw() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

// An error value for a failed SQLite call; the message stays in `detail`.
core::Error SqlError(sqlite3* db, std::string_view context);

// True when the last error on `db` was a UNIQUE constraint.
bool IsUniqueViolation(sqlite3* db);

using sql::CollectRows;

}  // namespace kakari::storage::sqlite
