#include "core/services/progress_service.hpp"

#include "core/domain/validation.hpp"

namespace kakari::core {

Result<DoctorProgress> GetProgress(Store& store, std::string_view registry_number) {
  auto reg = ValidateRegistryNumber(registry_number);
  KAKARI_RETURN_IF_ERROR(reg);
  auto uow = store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto doctor = (*uow)->Doctors().FindByRegistryNumber(*reg);
  KAKARI_RETURN_IF_ERROR(doctor);
  if (!*doctor) {
    return Fail(ErrorCode::kNotFound, "医籍登録番号 " + *reg + " の医師は登録されていません",
                "no doctor has registry number " + *reg, "registry_number");
  }
  auto programme = (*uow)->Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto lecture = (*uow)->Credits().LectureUnits((*doctor)->id, programme->credit_window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = (*uow)->Activities().CountApproved((*doctor)->id);
  KAKARI_RETURN_IF_ERROR(approved);
  UnitTally tally{*lecture, *approved};
  return DoctorProgress{**doctor, *programme, Evaluate(*programme, tally)};
}

Result<ProgressSummary> SummariseAll(Store& store,
                                     const std::function<void(Id, const Eligibility&)>& on_each) {
  auto uow = store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto programme = (*uow)->Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto doctors = (*uow)->Doctors().AllIds();
  KAKARI_RETURN_IF_ERROR(doctors);
  auto lecture = (*uow)->Credits().LectureUnitsByDoctor(programme->credit_window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = (*uow)->Activities().CountApprovedByDoctor();
  KAKARI_RETURN_IF_ERROR(approved);

  // All three lists ascend by doctor id: walk them together.
  ProgressSummary summary;
  auto l = lecture->begin();
  auto a = approved->begin();
  for (Id id : *doctors) {
    UnitTally tally;
    while (l != lecture->end() && l->first < id) ++l;
    if (l != lecture->end() && l->first == id) tally.lecture = l->second;
    while (a != approved->end() && a->first < id) ++a;
    if (a != approved->end() && a->first == id) tally.approved_activities = a->second;
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
