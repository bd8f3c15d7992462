#include "core/services/programme_settings.hpp"

#include "core/services/progress_service.hpp"

namespace kakari::core {

namespace {

// The rules as they would be stored: the code and names stay.
Result<Programme> Completed(const Programme& current, Programme rules) {
  rules.code = current.code;
  if (rules.name_ja.empty()) rules.name_ja = current.name_ja;
  if (rules.name_en.empty()) rules.name_en = current.name_en;
  KAKARI_RETURN_IF_ERROR(ValidateProgramme(rules));
  return rules;
}

// Walks both lists by doctor id (each ascends); a doctor missing from the
// second counts as not complete after.
ProgrammeChangePreview Compare(const Programme& now, const Programme& after,
                               const std::vector<std::pair<Id, UnitTally>>& before_tallies,
                               const std::vector<std::pair<Id, UnitTally>>& after_tallies) {
  ProgrammeChangePreview p;
  auto next = after_tallies.begin();
  for (const auto& [id, tally] : before_tallies) {
    while (next != after_tallies.end() && next->first < id) ++next;
    bool was = Evaluate(now, tally).complete;
    bool will =
        next != after_tallies.end() && next->first == id && Evaluate(after, next->second).complete;
    ++p.doctors;
    p.complete_now += was ? 1 : 0;
    p.complete_after += will ? 1 : 0;
    p.becoming_complete += (!was && will) ? 1 : 0;
    p.ceasing_complete += (was && !will) ? 1 : 0;
  }
  return p;
}

bool SameWindow(const std::optional<DateRange>& a, const std::optional<DateRange>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->from == b->from && a->to == b->to;
}

}  // namespace

Result<ProgrammeChangePreview> PreviewProgrammeChange(const Deps& deps, const Caller& caller,
                                                      Programme rules) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto current = (*uow)->Programmes().Current();
  KAKARI_RETURN_IF_ERROR(current);
  auto after = Completed(*current, std::move(rules));
  KAKARI_RETURN_IF_ERROR(after);
  auto before_tallies = TalliesOfAll(**uow, current->credit_window);
  KAKARI_RETURN_IF_ERROR(before_tallies);
  if (SameWindow(current->credit_window, after->credit_window)) {
    return Compare(*current, *after, *before_tallies, *before_tallies);
  }
  // Both lists come from one read transaction: the same doctors, in order.
  auto after_tallies = TalliesOfAll(**uow, after->credit_window);
  KAKARI_RETURN_IF_ERROR(after_tallies);
  return Compare(*current, *after, *before_tallies, *after_tallies);
}

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
    auto completed = Completed(*current, std::move(rules));
    if (!completed) return completed;
    rules = std::move(*completed);
    KAKARI_RETURN_IF_ERROR(uow.Programmes().Upsert(rules));
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "programme.update", "programme",
                                      rules.code,
                                      "required_total=" + rules.required_total.ToString() +
                                          " per_activity=" + rules.units_per_activity.ToString()));
    return rules;
  });
}

}  // namespace kakari::core
