#include "storage/postgres/connection.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cstdlib>
#include <cstring>

#include "storage/postgres/dialect.hpp"

namespace kakari::storage::postgres {

namespace {

// SQLSTATE classes that are a passing condition of the service, not a bug:
// the server went away or is shutting down (08, 57), is out of disk or
// memory (53), a lock or serialization conflict (40, 55P03), or the
// connection reached a read-only replica (25006).
bool IsUnavailable(std::string_view state) {
  if (state.size() != 5) return true;  // no state at all: the connection failed
  std::string_view cls = state.substr(0, 2);
  return cls == "08" || cls == "53" || cls == "57" || cls == "40" || state == "55P03" ||
         state == "25006";
}

std::string StateOf(const pg_result* result) {
  const char* s = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return s ? s : "";
}

}  // namespace

core::Error PgError(pg_conn* conn, const pg_result* result, std::string_view context) {
  std::string state = StateOf(result);
  const char* msg = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  core::Error e{core::ErrorCode::kInternal, "データベースの処理に失敗しました",
                "a database operation failed",
                std::string(context.substr(0, 120)) + ": [" + state + "] " + (msg ? msg : ""), ""};
  if (state == "23505") {
    e.code = core::ErrorCode::kAlreadyExists;
    e.message_ja = "既に登録されています";
    e.message_en = "already recorded";
  } else if (IsUnavailable(state)) {
    e.code = core::ErrorCode::kUnavailable;
    e.message_ja = "いまはデータベースに書き込めません。しばらくしてからもう一度お試しください";
    e.message_en = "the database cannot be written right now; please try again shortly";
    e.retry_after_seconds = 5;
  }
  return e;
}

PgStatement::PgStatement(Connection& conn, std::string name, std::string sql, int parameters,
                         bool duplicate_means_no_row)
    : conn_(conn),
      name_(std::move(name)),
      sql_(std::move(sql)),
      duplicate_means_no_row_(duplicate_means_no_row),
      values_(static_cast<size_t>(parameters)),
      binary_(static_cast<size_t>(parameters), 0) {}

PgStatement::~PgStatement() { PQclear(result_); }

void PgStatement::Set(int index, std::optional<std::string> value, bool binary) {
  if (index < 1 || static_cast<size_t>(index) > values_.size()) return;  // as SQLite: ignored
  values_[static_cast<size_t>(index - 1)] = std::move(value);
  binary_[static_cast<size_t>(index - 1)] = binary ? 1 : 0;
}

PgStatement& PgStatement::Bind(int index, int64_t value) {
  Set(index, std::to_string(value), false);
  return *this;
}

PgStatement& PgStatement::Bind(int index, std::string_view value) {
  Set(index, std::string(value), false);
  return *this;
}

PgStatement& PgStatement::BindBlob(int index, std::string_view bytes) {
  Set(index, std::string(bytes), true);
  return *this;
}

PgStatement& PgStatement::BindNull(int index) {
  Set(index, std::nullopt, false);
  return *this;
}

namespace {

// libpq's view of bound parameters: pointers into `values`, which must outlive it.
PreparedCall CallOf(const std::string& name, const std::vector<std::optional<std::string>>& values,
                    const std::vector<int>& formats) {
  PreparedCall call{&name, std::vector<const char*>(values.size()), std::vector<int>(values.size()),
                    &formats};
  for (size_t i = 0; i < values.size(); ++i) {
    call.values[i] = values[i] ? values[i]->data() : nullptr;
    call.lengths[i] = values[i] ? static_cast<int>(values[i]->size()) : 0;
  }
  return call;
}

}  // namespace

PreparedCall PgStatement::Call() const { return CallOf(name_, values_, binary_); }

PreparedCall DeferredCall::Call() const { return CallOf(name, values, formats); }

core::Status PgStatement::RunWithNext() {
  // A duplicate here would show only as "no row", which cannot stop the
  // COMMIT sent in the same pipeline: such a statement runs now.
  if (duplicate_means_no_row_) return Run();
  conn_.DeferCall(DeferredCall{name_, sql_, values_, binary_});
  PQclear(result_);  // bindings stay, as after Run
  result_ = nullptr;
  row_ = -1;
  return {};
}

void PgStatement::Adopt(pg_result* result) {
  PQclear(result_);
  result_ = result;
  row_ = -1;
}

core::Status PgStatement::Execute() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  PreparedCall call = Call();
  if (conn_.HasDeferred()) {
    auto piped = conn_.ExecPipelined({call}, sql_);
    KAKARI_RETURN_IF_ERROR(piped);
    result_ = piped->front();
  } else {
    result_ = PQexecPrepared(conn_.raw(), name_.c_str(), static_cast<int>(call.values.size()),
                             call.values.data(), call.lengths.data(), binary_.data(), 0);
  }
  ExecStatusType status = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    core::Error e = PgError(conn_.raw(), result_, sql_);
    PQclear(result_);
    result_ = nullptr;
    return tl::unexpected(e);
  }
  const char* tuples = PQcmdTuples(result_);
  if (tuples && *tuples) conn_.set_changes(std::strtoll(tuples, nullptr, 10));
  if (duplicate_means_no_row_ && tuples && std::strcmp(tuples, "0") == 0) {
    PQclear(result_);
    result_ = nullptr;
    return core::Fail(core::ErrorCode::kAlreadyExists, "既に登録されています", "already recorded");
  }
  return {};
}

core::Result<bool> PgStatement::Step() {
  if (!result_) KAKARI_RETURN_IF_ERROR(Execute());
  ++row_;
  return row_ < PQntuples(result_);
}

core::Status PgStatement::Run() {
  KAKARI_RETURN_IF_ERROR(Execute());
  PQclear(result_);  // bindings stay, as after sqlite3_reset
  result_ = nullptr;
  row_ = -1;
  return {};
}

int64_t PgStatement::Int(int col) const {
  const char* v = PQgetvalue(result_, row_, col);
  if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean expression's value
  if (v[0] == 'f' && v[1] == '\0') return 0;
  return std::strtoll(v, nullptr, 10);
}

std::string PgStatement::Text(int col) const {
  return std::string(PQgetvalue(result_, row_, col),
                     static_cast<size_t>(PQgetlength(result_, row_, col)));
}

std::string PgStatement::Blob(int col) const {
  if (PQgetisnull(result_, row_, col)) return {};
  size_t n = 0;
  unsigned char* bytes =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, col)), &n);
  std::string out(reinterpret_cast<const char*>(bytes), n);
  PQfreemem(bytes);
  return out;
}

bool PgStatement::IsNull(int col) const { return PQgetisnull(result_, row_, col) != 0; }

int PgStatement::ColumnCount() const { return result_ ? PQnfields(result_) : 0; }
std::string PgStatement::ColumnName(int col) const { return PQfname(result_, col); }
bool PgStatement::IsBlob(int col) const {
  constexpr Oid kByteaOid = 17;
  return PQftype(result_, col) == kByteaOid;
}

void PgStatement::Reset() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  for (auto& v : values_) v.reset();
  std::fill(binary_.begin(), binary_.end(), 0);
}

core::Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  pg_conn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    core::Error e = PgError(conn, nullptr, "connect");
    PQfinish(conn);
    e.code = core::ErrorCode::kUnavailable;
    e.message_ja = "データベースサーバーに接続できません";
    e.message_en = "cannot connect to the database server";
    e.retry_after_seconds = 5;
    return tl::unexpected(e);
  }
  std::unique_ptr<Connection> c(new Connection(conn));
  // UTC text timestamps, and a writer that waits at most 30 s for a lock.
  KAKARI_RETURN_IF_ERROR(
      c->Exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET lock_timeout = '30s'; "
              "SET client_min_messages = warning"));
  return c;
}

Connection::~Connection() {
  cache_.clear();
  PQfinish(conn_);
}

bool Connection::healthy() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

bool Connection::StillOpen() {
  if (!healthy()) return false;
  // Nothing to read (the usual case): open. One poll, no read.
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  if (::poll(&socket, 1, 0) == 0) return true;
  // A closing server sends a message, then end of file; one read takes what
  // is there, so the second meets the end (or nothing more: still open).
  for (int read = 0; read < 2 && healthy(); ++read) {
    if (PQconsumeInput(conn_) != 1) broken_ = true;
  }
  return healthy();
}

core::Status Connection::FlushDeferred() {
  auto sent = ExecPipelined({}, "deferred statements");
  KAKARI_RETURN_IF_ERROR(sent);
  return {};
}

void Connection::SendWithoutWaiting(const std::string& sql) {
  DrainUnread();
  if (PQsendQuery(conn_, sql.c_str()) == 1) {
    ++unread_;
  } else {
    broken_ = true;  // the pool drops it
  }
}

void Connection::DrainUnread() {
  for (; unread_ > 0; --unread_) {
    while (pg_result* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK) broken_ = true;
      PQclear(r);
    }
  }
}

core::Result<std::vector<pg_result*>> Connection::ExecPipelined(
    const std::vector<PreparedCall>& calls, std::string_view context) {
  DrainUnread();
  std::vector<std::string> prologue;
  prologue.swap(deferred_);
  std::vector<DeferredCall> writes;
  writes.swap(deferred_calls_);
  std::vector<PreparedCall> all;  // the deferred writes, then the calls
  all.reserve(writes.size() + calls.size());
  for (const auto& w : writes) all.push_back(w.Call());
  all.insert(all.end(), calls.begin(), calls.end());
  if (PQenterPipelineMode(conn_) != 1) return tl::unexpected(PgError(conn_, nullptr, context));
  bool sent = true;
  for (const auto& sql : prologue) {
    sent = sent &&
           PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  }
  for (const auto& call : all) {
    sent = sent && PQsendQueryPrepared(conn_, call.name->c_str(),
                                       static_cast<int>(call.values.size()), call.values.data(),
                                       call.lengths.data(), call.formats->data(), 0) == 1;
  }
  sent = sent && PQpipelineSync(conn_) == 1;
  std::optional<core::Error> failure;
  if (!sent) failure = PgError(conn_, nullptr, context);
  std::vector<pg_result*> wanted;
  if (sent) {
    wanted = ReadPipeline(prologue.size(), writes, context, failure);
  }
  if (PQexitPipelineMode(conn_) != 1) broken_ = true;  // the pool drops it
  if (!failure && wanted.size() != calls.size()) failure = PgError(conn_, nullptr, context);
  if (failure) {
    for (pg_result* r : wanted) PQclear(r);
    return tl::unexpected(*failure);
  }
  return wanted;
}

std::vector<pg_result*> Connection::ReadPipeline(size_t prologue,
                                                 const std::vector<DeferredCall>& writes,
                                                 std::string_view context,
                                                 std::optional<core::Error>& failure) {
  // Each query's result is followed by a null; an error makes the rest
  // PIPELINE_ABORTED; the sync's result ends the pipeline. Results come in
  // the order sent: the prologue's, the deferred writes', then the calls'.
  std::vector<pg_result*> wanted;
  size_t index = 0;
  bool last_was_null = false;
  for (;;) {
    pg_result* r = PQgetResult(conn_);
    if (r == nullptr) {
      if (last_was_null) {  // nothing more will come: the connection failed
        broken_ = true;
        if (!failure) failure = PgError(conn_, nullptr, context);
        break;
      }
      last_was_null = true;
      continue;
    }
    last_was_null = false;
    ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      break;
    }
    bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    const DeferredCall* write =
        index >= prologue && index - prologue < writes.size() ? &writes[index - prologue] : nullptr;
    std::string_view about = write ? std::string_view(write->sql) : context;
    if (!ok && status != PGRES_PIPELINE_ABORTED && !failure) failure = PgError(conn_, r, about);
    if (ok && index >= prologue + writes.size()) {
      wanted.push_back(r);
    } else {
      PQclear(r);
    }
    ++index;
  }
  return wanted;
}

core::Status Connection::ExecuteTogether(std::span<sql::Statement* const> statements) {
  std::vector<PreparedCall> calls;
  calls.reserve(statements.size());
  // Every statement comes from this connection's Prepare: all are PgStatements.
  for (sql::Statement* st : statements) calls.push_back(static_cast<PgStatement*>(st)->Call());
  auto results = ExecPipelined(calls, "statements run together");
  KAKARI_RETURN_IF_ERROR(results);
  for (size_t i = 0; i < statements.size(); ++i) {
    static_cast<PgStatement*>(statements[i])->Adopt((*results)[i]);
  }
  return {};
}

core::Status Connection::Exec(std::string_view sql) {
  if (HasDeferred()) KAKARI_RETURN_IF_ERROR(FlushDeferred());
  DrainUnread();
  std::string text(sql);
  pg_result* r = PQexec(conn_, text.c_str());
  ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    core::Error e = PgError(conn_, r, text);
    PQclear(r);
    return tl::unexpected(e);
  }
  PQclear(r);
  return {};
}

core::Status Connection::CopyIn(std::string_view copy_sql,
                                const std::function<bool(std::string&)>& next) {
  if (HasDeferred()) KAKARI_RETURN_IF_ERROR(FlushDeferred());
  DrainUnread();
  std::string text(copy_sql);
  pg_result* r = PQexec(conn_, text.c_str());
  if (!r || PQresultStatus(r) != PGRES_COPY_IN) {
    core::Error e = PgError(conn_, r, text);
    PQclear(r);
    return tl::unexpected(e);
  }
  PQclear(r);
  std::string chunk;
  bool sent = true;
  while (sent && next(chunk)) {
    sent = PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) == 1;
    chunk.clear();
  }
  // Ending with an error message makes the server abandon the COPY.
  if (PQputCopyEnd(conn_, sent ? nullptr : "client could not send") != 1) sent = false;
  std::optional<core::Error> failure;
  while ((r = PQgetResult(conn_)) != nullptr) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && !failure) failure = PgError(conn_, r, text);
    PQclear(r);
  }
  if (!failure && !sent) failure = PgError(conn_, nullptr, text);
  if (failure) return tl::unexpected(*failure);
  return {};
}

core::Result<sql::Statement*> Connection::Prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  TranslatedSql t = TranslateSql(sql);
  std::string name = "s" + std::to_string(cache_.size() + 1);
  DrainUnread();
  pg_result* r = PQprepare(conn_, name.c_str(), t.text.c_str(), 0, nullptr);
  if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
    core::Error e = PgError(conn_, r, t.text);
    PQclear(r);
    return tl::unexpected(e);
  }
  PQclear(r);
  auto [pos, _] = cache_.emplace(
      key,
      std::make_unique<PgStatement>(*this, name, t.text, t.parameters, t.duplicate_means_no_row));
  return pos->second.get();
}

core::Result<int64_t> Connection::LastInsertId() {
  KAKARI_TRY(st, Prepare("SELECT lastval()"));
  KAKARI_TRY(row, st->Step());
  if (!row) return tl::unexpected(sql::StorageError("lastval", "no row"));
  int64_t id = st->Int(0);
  st->Reset();
  return id;
}

}  // namespace kakari::storage::postgres
