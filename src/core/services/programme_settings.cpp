#include "core/services/programme_settings.hpp"

namespace kakari::core {

Result<Programme> GetProgrammeSettings(const Deps& deps, const Caller& caller) {
  if (auto r = RequirePermission(caller.principal, Permission::kReview); !r) {
    return tl::unexpected(r.error());
  }
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->Programmes().Current();
}

Result<Programme> PutProgrammeSettings(const Deps& deps, const Caller& caller, Programme rules) {
  if (auto r = RequireJmaAdmin(caller.principal); !r) return tl::unexpected(r.error());
  return InTransaction<Programme>(deps, [&](UnitOfWork& uow) -> Result<Programme> {
    auto current = uow.Programmes().Current();
    if (!current) return current;
    rules.code = current->code;
    if (rules.name_ja.empty()) rules.name_ja = current->name_ja;
    if (rules.name_en.empty()) rules.name_en = current->name_en;
    if (auto v = ValidateProgramme(rules); !v) return tl::unexpected(v.error());
    if (auto u = uow.Programmes().Upsert(rules); !u) return tl::unexpected(u.error());
    if (auto a = WriteAudit(uow, deps, &caller, "programme.update", "programme", rules.code,
                            "required_total=" + rules.required_total.ToString() +
                                " per_activity=" + rules.units_per_activity.ToString());
        !a) {
      return tl::unexpected(a.error());
    }
    return rules;
  });
}

}  // namespace kakari::core
