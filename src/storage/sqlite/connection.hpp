// A thin RAII layer over one sqlite3 connection and its prepared statements.
// Errors become core::Error values with the SQLite message in `detail` only.
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/domain/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kakari::storage::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  Statement& BindOptionalId(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& BindOptional(int index, const std::optional<std::string>& value);
  // Steps once: true when a row is available, false when done.
  [[nodiscard]] core::Result<bool> Step();
  // Steps to completion, ignoring rows.
  [[nodiscard]] core::Status Run();
  int64_t Int(int col) const;
  std::string Text(int col) const;
  std::string Blob(int col) const;
  std::optional<int64_t> OptionalInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
  bool IsNull(int col) const;
  // Resets for reuse and clears bindings.
  void Reset();

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
  [[nodiscard]] static core::Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();

  [[nodiscard]] core::Status Exec(std::string_view sql);
  // One statement through the statement cache: for the BEGIN, COMMIT and
  // ROLLBACK of every request, which sqlite3_exec would parse each time.
  [[nodiscard]] core::Status Run(std::string_view sql);
  // A cached prepared statement, reset and ready to bind.
  [[nodiscard]] core::Result<Statement*> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  int64_t Changes() const;
  sqlite3* raw() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// An error value for a failed SQLite call; the message stays in `detail`.
core::Error SqlError(sqlite3* db, std::string_view context);

// True when the last error on `db` was a UNIQUE constraint.
bool IsUniqueViolation(sqlite3* db);

// Steps `st` to the end, turning each row into a T with `read`.
template <class T, class Read>
core::Result<std::vector<T>> CollectRows(Statement& st, Read&& read) {
  std::vector<T> out;
  for (;;) {
    auto row = st.Step();
    KAKARI_RETURN_IF_ERROR(row);
    if (!*row) break;
    out.push_back(read(st));
  }
  return out;
}

}  // namespace kakari::storage::sqlite
