#include "storage/postgres/postgres_store.hpp"

#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/sql/unit_of_work.hpp"

namespace kakari::storage::postgres {

namespace {

// Any fixed number, distinct from the migration lock's.
constexpr const char* kBeginWrite = "BEGIN";
constexpr const char* kTakeWriterLock = "SELECT pg_advisory_xact_lock(4242424202)";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
// For this transaction only (see BeginViewRecords).
constexpr const char* kRelaxedCommit = "SET LOCAL synchronous_commit = off";

// One transaction on one pooled connection; rolls back unless committed.
class PgUnitOfWork final : public sql::RepositorySet {
 public:
  PgUnitOfWork(PostgresStore& store, std::unique_ptr<Connection> conn, bool write)
      : sql::RepositorySet(*conn, write ? nullptr : &store.queue_cache()),
        store_(store),
        conn_(std::move(conn)) {}
  ~PgUnitOfWork() override {
    bool sent = !conn_->NothingSent();
    conn_->DropDeferred();  // writes kept for the next exchange die with the transaction
    if (sent && !done_) {
      conn_->SendWithoutWaiting("ROLLBACK");  // read before the connection's next use
    }
    store_.Release(std::move(conn_));
  }

  core::Status Commit() override {
    if (conn_->NothingSent() && !conn_->HasDeferredCalls()) {  // nothing was run
      conn_->DropDeferred();
      done_ = true;
      return {};
    }
    // Writes kept for the next exchange (audit records) go in the COMMIT's pipeline.
    auto s = conn_->Run("COMMIT");
    if (s) done_ = true;
    return s;
  }

 private:
  PostgresStore& store_;
  std::unique_ptr<Connection> conn_;
  bool done_ = false;
};

core::Error Busy(core::Error e) {
  if (e.code != core::ErrorCode::kUnavailable) return e;
  e.message_ja = "データベースが使用中です。しばらくしてからもう一度お試しください";
  e.message_en = "the database is busy; please try again shortly";
  return e;
}

}  // namespace

bool IsPostgresUrl(const std::string& db) {
  // A libpq key=value string starts with a keyword and '=', which no
  // sensible file path does ("host=/run/postgresql dbname=kakari").
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) return true;
  for (const char* keyword : {"host=", "hostaddr=", "dbname=", "service=", "port=", "user="}) {
    if (db.rfind(keyword, 0) == 0) return true;
  }
  return false;
}

core::Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url) {
  auto conn = Connection::Open(url);
  KAKARI_RETURN_IF_ERROR(conn);
  KAKARI_RETURN_IF_ERROR(Migrate(**conn));
  std::unique_ptr<PostgresStore> store(new PostgresStore(url));
  store->Release(std::move(*conn));
  return store;
}

PostgresStore::PostgresStore(std::string url)
    : url_(std::move(url)), audit_(*this, [this] { return BeginViewRecords(); }) {}
PostgresStore::~PostgresStore() = default;

core::Result<std::unique_ptr<Connection>> PostgresStore::Acquire() {
  for (;;) {
    std::unique_ptr<Connection> c;
    {
      std::lock_guard lock(mu_);
      if (idle_.empty()) break;
      c = std::move(idle_.back());
      idle_.pop_back();
    }
    // After a restart every pooled connection is closed: each is dropped
    // here rather than failing a request.
    if (c->StillOpen()) return c;
  }
  return Connection::Open(url_);
}

void PostgresStore::Release(std::unique_ptr<Connection> conn) {
  if (!conn->healthy()) return;  // a restarted server: the next Acquire reconnects
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(conn));
}

core::Result<std::unique_ptr<core::UnitOfWork>> PostgresStore::Begin(bool write) {
  return Start(write, false);
}

core::Result<std::unique_ptr<core::UnitOfWork>> PostgresStore::Start(bool write,
                                                                     bool relaxed_commit) {
  auto conn = Acquire();
  if (!conn) return tl::unexpected(Busy(conn.error()));
  // BEGIN (and the writer's lock) travel with the first statement: a read
  // of one page is then one round trip for BEGIN and its first query, not two.
  (*conn)->Defer(write ? kBeginWrite : kBeginRead);
  if (write) (*conn)->Defer(kTakeWriterLock);
  if (relaxed_commit) (*conn)->Defer(kRelaxedCommit);
  return std::unique_ptr<core::UnitOfWork>(new PgUnitOfWork(*this, std::move(*conn), write));
}

core::Result<std::unique_ptr<core::UnitOfWork>> PostgresStore::BeginViewRecords() {
  return Start(true, true);
}

core::Status PostgresStore::AppendAudit(core::AuditRecord record, const core::Hasher& hasher) {
  return audit_.Append(std::move(record), hasher);
}

}  // namespace kakari::storage::postgres
