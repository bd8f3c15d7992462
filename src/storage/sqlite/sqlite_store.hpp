// SqliteStore: the core::Store ports on an SQLite file (WAL, foreign keys).
// Thread-safe: each UnitOfWork takes a connection from a small pool, so the
// server's threads can work at once (SQLite serialises the writers).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/ports.hpp"

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

  // Folds the write-ahead log into the main file (after bulk loads).
  [[nodiscard]] core::Status Checkpoint();

  // Returns a connection to the pool (used by the unit of work).
  void Release(std::unique_ptr<Connection> conn);

 private:
  explicit SqliteStore(std::string path);
  core::Result<std::unique_ptr<Connection>> Acquire();
  core::Result<std::unique_ptr<core::UnitOfWork>> BeginOn(std::unique_ptr<Connection> conn,
                                                          const char* begin_sql, bool bulk);

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace kakari::storage::sqlite
