#include "core/services/progress_service.hpp"

#include "core/domain/validation.hpp"

namespace kakari::core {

namespace {

PendingWork PendingOf(const StandingFacts& facts) {
  PendingWork pending;
  for (const auto& item : facts.items) {
    if (item.status != ReviewStatus::kSubmitted) continue;
    if (item.kind == ReviewKind::kActivity) ++pending.activities;
    if (item.kind == ReviewKind::kDeclaration) ++pending.declarations;
  }
  pending.lecture_units = facts.submitted_declaration_units;
  return pending;
}

DoctorProgress ProgressFrom(StandingFacts facts, const Doctor& doctor) {
  UnitTally tally{facts.lecture, static_cast<int>(facts.approved_activity_ids.size())};
  Eligibility eligibility = Evaluate(facts.programme, tally);
  PendingWork pending = PendingOf(facts);
  auto steps = NextSteps(eligibility, pending, facts.items);
  return DoctorProgress{doctor, std::move(facts.programme), eligibility, pending, std::move(steps)};
}

}  // namespace

Result<DoctorProgress> ProgressOf(UnitOfWork& uow, const Doctor& doctor) {
  auto facts = uow.Reviews().StandingFactsOf(doctor.id);
  KAKARI_RETURN_IF_ERROR(facts);
  return ProgressFrom(std::move(*facts), doctor);
}

Result<DoctorProgress> ProgressOf(UnitOfWork& uow, Id doctor_id) {
  // The doctor comes with the rest: a database server answers in one round trip.
  auto facts = uow.Reviews().StandingFactsOf(doctor_id);
  KAKARI_RETURN_IF_ERROR(facts);
  if (!facts->doctor) return tl::unexpected(NotFoundError("医師の記録", "doctor record"));
  Doctor doctor = *facts->doctor;
  return ProgressFrom(std::move(*facts), doctor);
}

Result<std::vector<std::pair<Id, UnitTally>>> TalliesOfAll(UnitOfWork& uow,
                                                           const std::optional<DateRange>& window) {
  auto doctors = uow.Doctors().AllIds();
  KAKARI_RETURN_IF_ERROR(doctors);
  auto lecture = uow.Credits().LectureUnitsByDoctor(window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = uow.Activities().CountApprovedByDoctor();
  KAKARI_RETURN_IF_ERROR(approved);
  // All three lists ascend by doctor id: walk them together.
  std::vector<std::pair<Id, UnitTally>> tallies;
  tallies.reserve(doctors->size());
  auto l = lecture->begin();
  auto a = approved->begin();
  for (Id id : *doctors) {
    UnitTally tally;
    while (l != lecture->end() && l->first < id) ++l;
    if (l != lecture->end() && l->first == id) tally.lecture = l->second;
    while (a != approved->end() && a->first < id) ++a;
    if (a != approved->end() && a->first == id) tally.approved_activities = a->second;
    tallies.emplace_back(id, tally);
  }
  return tallies;
}

Result<ProgressSummary> SummariseAll(const Deps& deps, const Caller& caller,
                                     const std::function<void(Id, const Eligibility&)>& on_each) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto programme = (*uow)->Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto tallies = TalliesOfAll(**uow, programme->credit_window);
  KAKARI_RETURN_IF_ERROR(tallies);
  ProgressSummary summary;
  for (const auto& [id, tally] : *tallies) {
    Eligibility e = Evaluate(*programme, tally);
    ++summary.doctors;
    if (e.complete) ++summary.complete;
    if (tally.approved_activities < programme->min_practical_activities) {
      ++summary.practical_missing;
    } else if (!e.complete) {
      ++summary.lecture_only_short;
    }
    if (on_each) on_each(id, e);
  }
  return summary;
}

}  // namespace kakari::core
