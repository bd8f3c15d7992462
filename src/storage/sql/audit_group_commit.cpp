#include "storage/sql/audit_group_commit.hpp"

namespace kakari::storage::sql {

core::Status AuditGroupCommit::Append(core::AuditRecord record, const core::Hasher& hasher) {
  Pending mine{std::move(record), &hasher, {}, false};
  std::unique_lock lock(mu_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (writing_) {
      cv_.wait(lock);
      continue;
    }
    writing_ = true;
    std::vector<Pending*> batch;
    batch.swap(queue_);
    lock.unlock();
    core::Status written = WriteBatch(batch);
    lock.lock();
    for (Pending* p : batch) {
      p->status = written;
      p->done = true;
    }
    writing_ = false;
    cv_.notify_all();
  }
  return mine.status;
}

core::Status AuditGroupCommit::WriteBatch(const std::vector<Pending*>& batch) {
  auto uow = begin_ ? begin_() : store_.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  std::vector<core::AuditRecord*> records;
  records.reserve(batch.size());
  for (Pending* p : batch) records.push_back(&p->record);
  // Every caller passes the service deps' one crypto, so the first hasher serves all.
  KAKARI_RETURN_IF_ERROR(core::AppendChained(**uow, records, *batch.front()->hasher));
  return (*uow)->Commit();
}

}  // namespace kakari::storage::sql
