#include "core/services/programme_settings.hpp"

namespace kakari::core {

Result<Programme> GetProgrammeSettings(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Programmes().Current();
}

Result<Programme> PutProgrammeSettings(const Deps& deps, const Caller& caller, Programme rules) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  return InTransaction<Programme>(deps, [&](UnitOfWork& uow) -> Result<Programme> {
    auto current = uow.Programmes().Current();
    if (!current) return current;
    rules.code = current->code;
    if (rules.name_ja.empty()) rules.name_ja = current->name_ja;
    if (rules.name_en.empty()) rules.name_en = current->name_en;
    KAKARI_RETURN_IF_ERROR(ValidateProgramme(rules));
    KAKARI_RETURN_IF_ERROR(uow.Programmes().Upsert(rules));
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "programme.update", "programme",
                                      rules.code,
                                      "required_total=" + rules.required_total.ToString() +
                                          " per_activity=" + rules.units_per_activity.ToString()));
    return rules;
  });
}

}  // namespace kakari::core
