// The SQL connection the shared repositories talk to: one interface, one
// implementation per engine (storage/sqlite, storage/postgres). Repositories
// write one dialect: numbered `?N` or plain `?` placeholders, the
// strftime/instr/julianday functions (PostgreSQL's schema defines the same
// functions), and INSERT ... VALUES raising kAlreadyExists on a duplicate
// key without spoiling the transaction. Errors are core::Error values with
// the engine's message in `detail` only.
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/result.hpp"

namespace kakari::storage::sql {

enum class Engine { kSqlite, kPostgres };

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  virtual ~Statement() = default;

  virtual Statement& Bind(int index, int64_t value) = 0;
  virtual Statement& Bind(int index, std::string_view value) = 0;
  virtual Statement& BindBlob(int index, std::string_view bytes) = 0;
  virtual Statement& BindNull(int index) = 0;
  Statement& BindOptionalId(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& BindOptional(int index, const std::optional<std::string>& value) {
    return value ? Bind(index, std::string_view(*value)) : BindNull(index);
  }
  // Steps once: true when a row is available, false when done.
  [[nodiscard]] virtual core::Result<bool> Step() = 0;
  // Steps to completion, ignoring rows, and makes the statement ready to bind again.
  [[nodiscard]] virtual core::Status Run() = 0;
  // Run, for a write whose result nobody reads (an audit record): a database
  // server gets it with the connection's next exchange (PostgreSQL: in the
  // same pipeline as the next statement or the COMMIT), saving a round trip;
  // its failure then fails that exchange. In-process engines run it now.
  // Changes() does not count it.
  [[nodiscard]] virtual core::Status RunWithNext() { return Run(); }
  virtual int64_t Int(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  virtual std::string Blob(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  // The shape of the current result (for copying whole tables).
  virtual int ColumnCount() const = 0;
  virtual std::string ColumnName(int col) const = 0;
  virtual bool IsBlob(int col) const = 0;
  std::optional<int64_t> OptionalInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
  // Resets for reuse and clears bindings.
  virtual void Reset() = 0;
};

class Connection {
 public:
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  virtual ~Connection() = default;

  // Several statements at once, no parameters (schema scripts, pragmas).
  [[nodiscard]] virtual core::Status Exec(std::string_view sql) = 0;
  // A cached prepared statement, reset and ready to bind.
  [[nodiscard]] virtual core::Result<Statement*> Prepare(std::string_view sql) = 0;
  // The id the last INSERT of this connection gave its row.
  virtual core::Result<int64_t> LastInsertId() = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual int64_t Changes() const = 0;
  virtual Engine engine() const = 0;
  // Streams rows into `copy_sql` (a `COPY … FROM STDIN` statement, text
  // format): `next` fills its argument with the next chunk of lines and
  // returns false when there are none. Only engines that have COPY
  // (PostgreSQL) implement it; it is how bulk paths avoid a round trip per row.
  [[nodiscard]] virtual core::Status CopyIn(std::string_view copy_sql,
                                            const std::function<bool(std::string&)>& next);

  // Runs several bound reading statements of this connection at once, so
  // that stepping each afterwards reads rows already fetched: one round trip
  // on a database server (PostgreSQL pipelines them) instead of one each.
  // An engine in the same process (SQLite) runs each when first stepped.
  [[nodiscard]] virtual core::Status ExecuteTogether(std::span<Statement* const> statements) {
    (void)statements;
    return {};
  }
  // One statement through the statement cache (BEGIN, COMMIT, ROLLBACK).
  [[nodiscard]] core::Status Run(std::string_view sql) {
    auto st = Prepare(sql);
    KAKARI_RETURN_IF_ERROR(st);
    return (*st)->Run();
  }
};

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

// The error for a storage call that failed in a way no caller can mend.
core::Error StorageError(std::string_view context, std::string_view detail);

// Appends `text` as one field of COPY's text format (backslash escapes;
// fields end at a tab, rows at a newline).
void AppendCopyText(std::string& out, std::string_view text);

}  // namespace kakari::storage::sql
