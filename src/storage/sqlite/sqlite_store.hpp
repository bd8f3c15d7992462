// SqliteStore: the core::Store ports on an SQLite file (WAL, foreign keys).
// Thread-safe: each UnitOfWork takes a connection from a small pool, so the
// server's threads can read at once. Writers of this process queue on a
// mutex before BEGIN IMMEDIATE: SQLite's own busy handler would make them
// sleep and poll (1, 2, 5 ... 100 ms), which turned a few milliseconds of
// waiting into p99 latencies near a second. The busy timeout still covers
// writers in other processes.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/sql/audit_group_commit.hpp"
#include "storage/sql/queue_cache.hpp"

namespace kakari::storage::sqlite {

class Connection;

class SqliteStore final : public core::Store {
 public:
  // Opens the file, creating and migrating it to the latest schema.
  [[nodiscard]] static core::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore() override;

  [[nodiscard]] core::Result<std::unique_ptr<core::UnitOfWork>> Begin(bool write) override;
  // Foreign-key enforcement is off on this connection for the transaction.
  [[nodiscard]] core::Result<std::unique_ptr<core::UnitOfWork>> BeginBulk() override;
  // Group commit (storage/sql/audit_group_commit.hpp).
  [[nodiscard]] core::Status AppendAudit(core::AuditRecord record,
                                         const core::Hasher& hasher) override;

  // Folds the write-ahead log into the main file (after bulk loads).
  [[nodiscard]] core::Status Checkpoint();

  // Returns a connection to the pool (used by the unit of work).
  void Release(std::unique_ptr<Connection> conn);
  sql::QueueCache& queue_cache() { return queue_cache_; }

 private:
  explicit SqliteStore(std::string path);
  core::Result<std::unique_ptr<Connection>> Acquire();
  core::Result<std::unique_ptr<core::UnitOfWork>> BeginOn(std::unique_ptr<Connection> conn,
                                                          const char* begin_sql, bool bulk,
                                                          std::unique_lock<std::mutex> writer);

  std::string path_;
  sql::AuditGroupCommit audit_;
  sql::QueueCache queue_cache_;
  std::mutex write_mu_;  // held by a writing unit of work for its whole life
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace kakari::storage::sqlite
