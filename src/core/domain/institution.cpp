#include "core/domain/institution.hpp"

#include <array>
#include <utility>

namespace kakari::core {

const char* ExemptReasonName(ExemptReason r) {
  switch (r) {
    case ExemptReason::kDental:
      return "dental";
    case ExemptReason::kAdvancedTreatment:
      return "advanced_treatment";
    case ExemptReason::kNone:
      break;
  }
  return "";
}

ExemptReason ReportExemption(std::string_view code, bool advanced_treatment) {
  if (code.size() == 10 && code[2] == '3') return ExemptReason::kDental;
  if (advanced_treatment) return ExemptReason::kAdvancedTreatment;
  return ExemptReason::kNone;
}

const char* EmploymentName(Employment e) {
  return e == Employment::kFullTime ? "full_time" : "part_time";
}

std::optional<Employment> ParseEmployment(std::string_view t) {
  if (t == "full_time" || t == "常勤") return Employment::kFullTime;
  if (t == "part_time" || t == "非常勤") return Employment::kPartTime;
  return std::nullopt;
}

namespace {

constexpr std::array<std::pair<AffiliationSource, const char*>, 4> kSources = {{
    {AffiliationSource::kDoctor, "doctor"},
    {AffiliationSource::kInstitution, "institution"},
    {AffiliationSource::kStaff, "staff"},
    {AffiliationSource::kImport, "import"},
}};

constexpr std::array<std::pair<AffiliationState, const char*>, 4> kStates = {{
    {AffiliationState::kAwaitingInstitution, "awaiting_institution"},
    {AffiliationState::kAwaitingDoctor, "awaiting_doctor"},
    {AffiliationState::kConfirmed, "confirmed"},
    {AffiliationState::kDeclined, "declined"},
}};

template <class E, size_t N>
const char* NameIn(const std::array<std::pair<E, const char*>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "";
}

template <class E, size_t N>
std::optional<E> ParseIn(const std::array<std::pair<E, const char*>, N>& table,
                         std::string_view text) {
  for (const auto& [v, name] : table) {
    if (text == name) return v;
  }
  return std::nullopt;
}

tl::unexpected<Error> NotNow(const char* ja, const char* en) {
  return Fail(ErrorCode::kConflict, ja, en);
}

}  // namespace

const char* AffiliationSourceName(AffiliationSource s) { return NameIn(kSources, s); }
std::optional<AffiliationSource> ParseAffiliationSource(std::string_view s) {
  return ParseIn(kSources, s);
}
const char* AffiliationStateName(AffiliationState s) { return NameIn(kStates, s); }
std::optional<AffiliationState> ParseAffiliationState(std::string_view s) {
  return ParseIn(kStates, s);
}

AffiliationState InitialState(AffiliationSource source) {
  switch (source) {
    case AffiliationSource::kDoctor:
      return AffiliationState::kAwaitingInstitution;
    case AffiliationSource::kInstitution:
      return AffiliationState::kAwaitingDoctor;
    case AffiliationSource::kStaff:
    case AffiliationSource::kImport:
      break;
  }
  return AffiliationState::kConfirmed;
}

bool ActiveOn(const Affiliation& a, const Date& day) {
  return DateRange{a.started_on, a.ended_on}.Contains(day);
}

const char* AffiliationActionName(AffiliationAction a) {
  switch (a) {
    case AffiliationAction::kConfirm:
      return "confirm";
    case AffiliationAction::kDecline:
      return "decline";
    case AffiliationAction::kEnd:
      return "end";
  }
  return "";
}

Result<AffiliationState> ApplyAffiliationAction(AffiliationState from, AffiliationSide side,
                                                AffiliationAction action) {
  using S = AffiliationState;
  if (from == S::kDeclined) {
    return NotNow("この勤務先の登録は取り消されています", "this affiliation was declined");
  }
  if (action == AffiliationAction::kEnd) {
    if (from == S::kConfirmed) return S::kConfirmed;
    // Ending a request that was never agreed withdraws it.
    return S::kDeclined;
  }
  // Confirming or declining answers the other side's request.
  bool answers = (from == S::kAwaitingInstitution && side == AffiliationSide::kInstitution) ||
                 (from == S::kAwaitingDoctor && side == AffiliationSide::kDoctor) ||
                 (from != S::kConfirmed && side == AffiliationSide::kStaff);
  if (!answers) {
    if (from == S::kConfirmed) {
      return NotNow("この勤務先は既に確認済みです", "this affiliation is already confirmed");
    }
    return NotNow("相手方の確認を待っています", "waiting for the other side to answer");
  }
  return action == AffiliationAction::kConfirm ? S::kConfirmed : S::kDeclined;
}

Status ValidatePeriod(const std::optional<Date>& started_on, const std::optional<Date>& ended_on) {
  if (started_on && ended_on && *ended_on < *started_on) {
    return Fail(ErrorCode::kInvalidArgument,
                "終了日 " + ended_on->ToIso() + " が開始日 " + started_on->ToIso() + " より前です",
                "end date " + ended_on->ToIso() + " is before start date " + started_on->ToIso(),
                "ended_on");
  }
  return {};
}

}  // namespace kakari::core
