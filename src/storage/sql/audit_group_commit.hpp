// Group commit for audit records of views (core::Store::AppendAudit): the
// first caller to find no batch being written becomes its writer and takes
// every record queued so far into one write transaction of the store; the
// others wait for that commit (or the next). All of a batch succeed or fail
// together, and each caller returns only after its record's commit. The
// chain stays one across processes because the store's write transaction
// serialises appends (SQLite's single writer, PostgreSQL's writer lock).
// Thread-safe: callers on any thread share one instance per store.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/ports/store.hpp"

namespace kakari::storage::sql {

class AuditGroupCommit {
 public:
  // How a batch's write transaction starts; by default store.Begin(true).
  using BeginWrite = std::function<core::Result<std::unique_ptr<core::UnitOfWork>>()>;
  explicit AuditGroupCommit(core::Store& store, BeginWrite begin = {})
      : store_(store), begin_(std::move(begin)) {}
  [[nodiscard]] core::Status Append(core::AuditRecord record, const core::Hasher& hasher);

 private:
  struct Pending {
    core::AuditRecord record;
    const core::Hasher* hasher;
    core::Status status;
    bool done = false;
  };
  core::Status WriteBatch(const std::vector<Pending*>& batch);

  core::Store& store_;
  BeginWrite begin_;
  std::mutex mu_;  // guards the three below
  std::condition_variable cv_;
  std::vector<Pending*> queue_;
  bool writing_ = false;
};

}  // namespace kakari::storage::sql
