#include "core/ports/store.hpp"

namespace kakari::core {

Status AppendChained(UnitOfWork& uow, std::span<AuditRecord* const> records, const Hasher& hasher) {
  auto tail = uow.Audit().Tail();
  if (!tail) return tl::unexpected(tail.error());
  Id id = tail->first;
  std::string hash = tail->second;
  for (AuditRecord* r : records) {
    ChainAfter(*r, id, hash, hasher);
    if (auto a = uow.Audit().Append(*r); !a) return a;
    id = r->id;
    hash = r->hash;
  }
  return {};
}

Status Store::AppendAudit(AuditRecord record, const Hasher& hasher) {
  auto uow = Begin(true);
  if (!uow) return tl::unexpected(uow.error());
  AuditRecord* one[] = {&record};
  if (auto a = AppendChained(**uow, one, hasher); !a) return a;
  return (*uow)->Commit();
}

}  // namespace kakari::core
