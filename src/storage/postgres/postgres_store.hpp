// PostgresStore: the core::Store ports on a PostgreSQL database, for any
// number of `kakari serve` processes on any number of machines.
// Write transactions take one transaction-scoped advisory lock, so writers
// from every server queue one after another as SQLite's single writer does:
// certificate numbers stay gap-free, version checks and the audit chain stay
// one sequence, and nothing a service relies on changes between engines.
// Reads run at REPEATABLE READ, READ ONLY (one snapshot per unit of work, as
// an SQLite read transaction), beside the writer and each other.
// Thread-safe: each UnitOfWork takes a connection from a pool.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/sql/audit_group_commit.hpp"
#include "storage/sql/queue_cache.hpp"

namespace kakari::storage::postgres {

class Connection;

class PostgresStore final : public core::Store {
 public:
  // Connects with a postgresql:// URL (or libpq key=value string) and
  // migrates the database to the latest schema.
  [[nodiscard]] static core::Result<std::unique_ptr<PostgresStore>> Open(const std::string& url);
  ~PostgresStore() override;

  [[nodiscard]] core::Result<std::unique_ptr<core::UnitOfWork>> Begin(bool write) override;
  [[nodiscard]] core::Status AppendAudit(core::AuditRecord record,
                                         const core::Hasher& hasher) override;

  // Returns a connection to the pool, or drops it when the server has gone.
  void Release(std::unique_ptr<Connection> conn);
  sql::QueueCache& queue_cache() { return queue_cache_; }

 private:
  explicit PostgresStore(std::string url);
  core::Result<std::unique_ptr<Connection>> Acquire();
  // A write transaction for records of who viewed what (AppendAudit): its
  // COMMIT does not wait for the disk (synchronous_commit off, for this
  // transaction only). That is the durability SQLite's WAL with
  // synchronous=NORMAL gives every commit: a crash of the machine may lose
  // the last moments of view records (PostgreSQL's WAL writer flushes them
  // within about 0.2 s), never break the chain, which is replayed in order;
  // and any later ordinary commit, such as a decision, flushes them first.
  core::Result<std::unique_ptr<core::UnitOfWork>> BeginViewRecords();
  core::Result<std::unique_ptr<core::UnitOfWork>> Start(bool write, bool relaxed_commit);

  std::string url_;
  sql::AuditGroupCommit audit_;
  sql::QueueCache queue_cache_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// True when `db` names a PostgreSQL database rather than an SQLite file.
bool IsPostgresUrl(const std::string& db);

}  // namespace kakari::storage::postgres
