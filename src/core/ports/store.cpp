#include "core/ports/store.hpp"

namespace kakari::core {

Status AppendChained(UnitOfWork& uow, std::span<AuditRecord* const> records, const Hasher& hasher) {
  auto tail = uow.Audit().Tail();
  KAKARI_RETURN_IF_ERROR(tail);
  Id id = tail->first;
  std::string hash = tail->second;
  for (AuditRecord* r : records) {
    ChainAfter(*r, id, hash, hasher);
    KAKARI_RETURN_IF_ERROR(uow.Audit().Append(*r));
    id = r->id;
    hash = r->hash;
  }
  return {};
}

Status Store::AppendAudit(AuditRecord record, const Hasher& hasher) {
  auto uow = Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  AuditRecord* one[] = {&record};
  KAKARI_RETURN_IF_ERROR(AppendChained(**uow, one, hasher));
  return (*uow)->Commit();
}

}  // namespace kakari::core
