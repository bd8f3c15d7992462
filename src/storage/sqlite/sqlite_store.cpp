#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sql/unit_of_work.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"

namespace kakari::storage::sqlite {

namespace {

// One transaction on one pooled connection; rolls back unless committed.
class SqlUnitOfWork final : public sql::RepositorySet {
 public:
  SqlUnitOfWork(SqliteStore& store, std::unique_ptr<Connection> conn, bool bulk,
                std::unique_lock<std::mutex> writer)
      : sql::RepositorySet(*conn, writer.owns_lock() ? nullptr : &store.queue_cache()),
        store_(store),
        writer_(std::move(writer)),
        conn_(std::move(conn)),
        bulk_(bulk) {}
  ~SqlUnitOfWork() override {
    if (!done_) (void)conn_->Run("ROLLBACK");
    // Outside the transaction again: restore enforcement a bulk load lifted.
    // Only then: a flag pragma expires every cached statement of the
    // connection, which made every request prepare its SQL anew.
    if (bulk_) (void)conn_->Exec("PRAGMA foreign_keys=ON");
    store_.Release(std::move(conn_));
  }

  core::Status Commit() override {
    auto s = conn_->Run("COMMIT");
    if (s) done_ = true;
    // The transaction is over: let the next writer in even while this
    // object lives on (a caller may keep it to the end of its scope).
    if (s && writer_.owns_lock()) writer_.unlock();
    return s;
  }

 private:
  SqliteStore& store_;
  std::unique_lock<std::mutex> writer_;  // released after the connection is back
  std::unique_ptr<Connection> conn_;
  bool bulk_;
  bool done_ = false;
};

}  // namespace

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  auto conn = Connection::Open(path);
  KAKARI_RETURN_IF_ERROR(conn);
  KAKARI_RETURN_IF_ERROR(Migrate(**conn));
  std::unique_ptr<SqliteStore> store(new SqliteStore(path));
  store->Release(std::move(*conn));
  return store;
}

SqliteStore::SqliteStore(std::string path) : path_(std::move(path)), audit_(*this) {}
SqliteStore::~SqliteStore() = default;

core::Result<std::unique_ptr<Connection>> SqliteStore::Acquire() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return Connection::Open(path_);
}

void SqliteStore::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(conn));
}

core::Result<std::unique_ptr<core::UnitOfWork>> SqliteStore::BeginOn(
    std::unique_ptr<Connection> conn, const char* begin_sql, bool bulk,
    std::unique_lock<std::mutex> writer) {
  if (auto s = conn->Run(begin_sql); !s) {
    core::Error e = s.error();
    e.code = core::ErrorCode::kUnavailable;
    e.message_ja = "データベースが使用中です。しばらくしてからもう一度お試しください";
    e.message_en = "the database is busy; please try again shortly";
    (void)conn->Exec("PRAGMA foreign_keys=ON");
    Release(std::move(conn));
    return tl::unexpected(e);
  }
  return std::unique_ptr<core::UnitOfWork>(
      new SqlUnitOfWork(*this, std::move(conn), bulk, std::move(writer)));
}

core::Result<std::unique_ptr<core::UnitOfWork>> SqliteStore::Begin(bool write) {
  std::unique_lock<std::mutex> writer;
  if (write) writer = std::unique_lock(write_mu_);
  auto conn = Acquire();
  KAKARI_RETURN_IF_ERROR(conn);
  return BeginOn(std::move(*conn), write ? "BEGIN IMMEDIATE" : "BEGIN", false, std::move(writer));
}

core::Result<std::unique_ptr<core::UnitOfWork>> SqliteStore::BeginBulk() {
  std::unique_lock writer(write_mu_);
  auto conn = Acquire();
  KAKARI_RETURN_IF_ERROR(conn);
  // Takes effect only outside a transaction, hence before BEGIN.
  if (auto s = (*conn)->Exec("PRAGMA foreign_keys=OFF"); !s) {
    Release(std::move(*conn));
    return tl::unexpected(s.error());
  }
  return BeginOn(std::move(*conn), "BEGIN IMMEDIATE", true, std::move(writer));
}

core::Status SqliteStore::AppendAudit(core::AuditRecord record, const core::Hasher& hasher) {
  return audit_.Append(std::move(record), hasher);
}

core::Status SqliteStore::Checkpoint() {
  auto conn = Acquire();
  KAKARI_RETURN_IF_ERROR(conn);
  auto s = (*conn)->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  Release(std::move(*conn));
  return s;
}

}  // namespace kakari::storage::sqlite
