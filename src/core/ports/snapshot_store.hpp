// SnapshotStore: one read transaction shared by every read of a request.
// A cheap request (a doctor's progress) read twice, once to check the
// session and once for the answer; each read transaction costs SQLite
// locks and system calls. Writes pass through to the wrapped store.
// Not thread-safe: one per request.
#pragma once

#include <memory>

#include "core/ports/store.hpp"

namespace kakari::core {

class SnapshotStore final : public Store {
 public:
  explicit SnapshotStore(Store& inner) : inner_(inner) {}

  // Read-only: a view of the one shared transaction (opened on first use);
  // its Commit does nothing. Read-write: the wrapped store's own.
  [[nodiscard]] Result<std::unique_ptr<UnitOfWork>> Begin(bool write) override;
  [[nodiscard]] Result<std::unique_ptr<UnitOfWork>> BeginBulk() override {
    return inner_.BeginBulk();
  }
  [[nodiscard]] Status AppendAudit(AuditRecord record, const Hasher& hasher) override {
    return inner_.AppendAudit(std::move(record), hasher);
  }

 private:
  Store& inner_;
  std::unique_ptr<UnitOfWork> shared_;
};

}  // namespace kakari::core
