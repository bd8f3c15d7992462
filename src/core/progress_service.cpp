#include "core/progress_service.hpp"

#include <unordered_map>

#include "core/validation.hpp"

namespace kakari::core {

Result<DoctorProgress> GetProgress(Store& store, std::string_view registry_number) {
  auto reg = ValidateRegistryNumber(registry_number);
  if (!reg) return tl::unexpected(reg.error());
  auto uow = store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  auto doctor = (*uow)->Doctors().FindByRegistryNumber(*reg);
  if (!doctor) return tl::unexpected(doctor.error());
  if (!*doctor) {
    return Fail(ErrorCode::kNotFound, "医籍登録番号 " + *reg + " の医師は登録されていません",
                "no doctor has registry number " + *reg, "registry_number");
  }
  auto programme = (*uow)->Programmes().Current();
  if (!programme) return tl::unexpected(programme.error());
  auto lecture = (*uow)->Credits().LectureUnits((*doctor)->id, programme->credit_window);
  if (!lecture) return tl::unexpected(lecture.error());
  auto approved = (*uow)->Activities().CountApproved((*doctor)->id);
  if (!approved) return tl::unexpected(approved.error());
  UnitTally tally{*lecture, *approved};
  return DoctorProgress{**doctor, *programme, Evaluate(*programme, tally)};
}

Result<ProgressSummary> SummariseAll(Store& store,
                                     const std::function<void(Id, const Eligibility&)>& on_each) {
  auto uow = store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  auto programme = (*uow)->Programmes().Current();
  if (!programme) return tl::unexpected(programme.error());
  auto doctors = (*uow)->Doctors().RegistryIndex();
  if (!doctors) return tl::unexpected(doctors.error());
  auto lecture = (*uow)->Credits().LectureUnitsByDoctor(programme->credit_window);
  if (!lecture) return tl::unexpected(lecture.error());
  auto approved = (*uow)->Activities().CountApprovedByDoctor();
  if (!approved) return tl::unexpected(approved.error());

  std::unordered_map<Id, UnitTally> tallies;
  tallies.reserve(doctors->size());
  for (const auto& [reg, id] : *doctors) tallies[id];
  for (const auto& [id, units] : *lecture) tallies[id].lecture = units;
  for (const auto& [id, n] : *approved) tallies[id].approved_activities = n;

  ProgressSummary summary;
  for (const auto& [id, tally] : tallies) {
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
