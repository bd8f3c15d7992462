// The PostgreSQL implementation of storage/sql's connection, on libpq.
// Statements are prepared once per connection (named s1, s2, ...) from the
// translated dialect (dialect.hpp); parameters go as text of unknown type so
// that the server infers each from its use, as SQLite's affinity would, and
// blobs as binary bytea. A step runs the whole statement and keeps its rows.
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/sql/connection.hpp"

struct pg_conn;
struct pg_result;

namespace kakari::storage::postgres {

class Connection;

// One execution of a prepared statement, its parameters as libpq wants them.
struct PreparedCall {
  const std::string* name;
  std::vector<const char*> values;
  std::vector<int> lengths;
  const std::vector<int>* formats;
};

// A statement execution kept for the connection's next exchange
// (RunWithNext): it owns copies of its parameters.
struct DeferredCall {
  std::string name;
  std::string sql;
  std::vector<std::optional<std::string>> values;
  std::vector<int> formats;
  PreparedCall Call() const;
};

class PgStatement final : public sql::Statement {
 public:
  PgStatement(Connection& conn, std::string name, std::string sql, int parameters,
              bool duplicate_means_no_row);
  ~PgStatement() override;

  PgStatement& Bind(int index, int64_t value) override;
  PgStatement& Bind(int index, std::string_view value) override;
  PgStatement& BindBlob(int index, std::string_view bytes) override;
  PgStatement& BindNull(int index) override;
  [[nodiscard]] core::Result<bool> Step() override;
  [[nodiscard]] core::Status Run() override;
  [[nodiscard]] core::Status RunWithNext() override;
  // This statement's execution with its current bindings, and taking the
  // result of it that ExecuteTogether fetched.
  PreparedCall Call() const;
  void Adopt(pg_result* result);
  int64_t Int(int col) const override;
  std::string Text(int col) const override;
  std::string Blob(int col) const override;
  bool IsNull(int col) const override;
  int ColumnCount() const override;
  std::string ColumnName(int col) const override;
  bool IsBlob(int col) const override;
  void Reset() override;

 private:
  core::Status Execute();
  void Set(int index, std::optional<std::string> value, bool binary);

  Connection& conn_;
  std::string name_;
  std::string sql_;
  bool duplicate_means_no_row_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> binary_;
  pg_result* result_ = nullptr;
  int row_ = -1;  // the current row; -1 before the first step
};

class Connection final : public sql::Connection {
 public:
  // Connects with a libpq connection string or postgresql:// URL.
  [[nodiscard]] static core::Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection() override;

  [[nodiscard]] core::Status Exec(std::string_view sql) override;
  [[nodiscard]] core::Result<sql::Statement*> Prepare(std::string_view sql) override;
  core::Result<int64_t> LastInsertId() override;
  int64_t Changes() const override { return changes_; }
  sql::Engine engine() const override { return sql::Engine::kPostgres; }
  [[nodiscard]] core::Status CopyIn(std::string_view copy_sql,
                                    const std::function<bool(std::string&)>& next) override;

  // The libpq connection, ready for a command (earlier results read).
  pg_conn* raw() {
    DrainUnread();
    return conn_;
  }
  void set_changes(int64_t n) { changes_ = n; }
  // False once the server has gone (the pool then drops the connection).
  bool healthy() const;
  // False when the server closed the connection while it waited in the pool
  // (a restart, a failover, an administrator's terminate): what the server
  // sent on closing is read without blocking, no round trip. A server that
  // vanished without closing (its machine lost) is only noticed on use.
  bool StillOpen();

  // Statements without parameters (BEGIN, the writer's lock) that go with
  // the next statement in one round trip (libpq's pipeline mode) instead of
  // one round trip each; a unit of work that runs nothing sends none.
  void Defer(std::string sql) { deferred_.push_back(std::move(sql)); }
  // Writes kept for the next exchange (Statement::RunWithNext).
  void DeferCall(DeferredCall call) { deferred_calls_.push_back(std::move(call)); }
  bool HasDeferred() const { return !deferred_.empty() || !deferred_calls_.empty(); }
  // True while a unit of work's BEGIN has not been sent: nothing reached the server.
  bool NothingSent() const { return !deferred_.empty(); }
  bool HasDeferredCalls() const { return !deferred_calls_.empty(); }
  void DropDeferred() {
    deferred_.clear();
    deferred_calls_.clear();
  }
  // Sends `sql` now and reads its result only before the connection's next
  // command: a read's ROLLBACK then costs no round trip of its own, while the
  // server still ends the transaction at once (no snapshot or lock is kept
  // while the connection waits in the pool). A failure shows as an unhealthy
  // connection, which the pool drops.
  void SendWithoutWaiting(const std::string& sql);
  // The deferred statements and calls, then `calls`, in one pipeline: the
  // calls' results in order, or the first error of any of them.
  [[nodiscard]] core::Result<std::vector<pg_result*>> ExecPipelined(
      const std::vector<PreparedCall>& calls, std::string_view context);
  [[nodiscard]] core::Status ExecuteTogether(std::span<sql::Statement* const> statements) override;

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  // Sends the deferred statements and calls on their own (before Exec and CopyIn).
  [[nodiscard]] core::Status FlushDeferred();
  // Reads a sent pipeline to its sync: the results after the first
  // `prologue + writes.size()` (theirs are checked and dropped); the first
  // error goes to `failure`.
  std::vector<pg_result*> ReadPipeline(size_t prologue, const std::vector<DeferredCall>& writes,
                                       std::string_view context,
                                       std::optional<core::Error>& failure);
  // Reads (and drops) the results of what SendWithoutWaiting sent.
  void DrainUnread();

  pg_conn* conn_;
  bool broken_ = false;  // a pipeline could not be read to its end
  std::vector<std::string> deferred_;
  std::vector<DeferredCall> deferred_calls_;
  int unread_ = 0;  // commands sent whose results are not read yet
  int64_t changes_ = 0;
  std::unordered_map<std::string, std::unique_ptr<PgStatement>> cache_;
};

// The error for a failed libpq call or statement: the server's message stays
// in `detail`; a lost server, a full disk or a lock timeout is kUnavailable.
core::Error PgError(pg_conn* conn, const pg_result* result, std::string_view context);

}  // namespace kakari::storage::postgres
