// Institutions (医療機関) and affiliations (勤務先): whether an institution must
// answer the family-doctor-function report, and who agreed that a doctor
// works there. Pure rules; thread-safe value types.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/domain/date.hpp"
#include "core/domain/entities.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

// Why an institution does not answer the report; kNone when it does.
enum class ExemptReason { kNone, kDental, kAdvancedTreatment };
const char* ExemptReasonName(ExemptReason r);  // "dental", "advanced_treatment", ""
// Dental institutions (third code digit 3) and advanced-treatment hospitals
// (特定機能病院) are outside the report.
ExemptReason ReportExemption(std::string_view code, bool advanced_treatment);
inline bool IsReportable(const Institution& i) {
  return ReportExemption(i.code, i.advanced_treatment) == ExemptReason::kNone;
}

enum class Employment { kFullTime, kPartTime };
const char* EmploymentName(Employment e);                          // "full_time", "part_time"
std::optional<Employment> ParseEmployment(std::string_view text);  // also 常勤 / 非常勤

// Who recorded an affiliation. Staff and imports speak for both sides.
enum class AffiliationSource { kDoctor, kInstitution, kStaff, kImport };
const char* AffiliationSourceName(AffiliationSource s);
std::optional<AffiliationSource> ParseAffiliationSource(std::string_view s);

enum class AffiliationState {
  kAwaitingInstitution,  // the doctor named the institution
  kAwaitingDoctor,       // the institution proposed the doctor
  kConfirmed,            // both sides agreed, or staff / an import recorded it
  kDeclined,             // the other side said no, or the proposer withdrew
};
const char* AffiliationStateName(AffiliationState s);
std::optional<AffiliationState> ParseAffiliationState(std::string_view s);

// The state a new affiliation starts in.
AffiliationState InitialState(AffiliationSource source);

struct Affiliation {
  Id id = 0;
  Id doctor_id = 0;
  Id institution_id = 0;
  std::optional<Date> started_on;
  std::optional<Date> ended_on;
  std::optional<Employment> employment;
  AffiliationState state = AffiliationState::kConfirmed;
  AffiliationSource source = AffiliationSource::kImport;
  int64_t version = 1;
};

// Whether the affiliation covers `day` (open ends count as covering).
bool ActiveOn(const Affiliation& a, const Date& day);
// An institution sees a doctor's completion only for a confirmed affiliation.
inline bool VisibleToInstitution(const Affiliation& a) {
  return a.state == AffiliationState::kConfirmed;
}

// Which side acts on an affiliation.
enum class AffiliationSide { kDoctor, kInstitution, kStaff };
enum class AffiliationAction { kConfirm, kDecline, kEnd };
const char* AffiliationActionName(AffiliationAction a);

// The state after `side` does `action`, or kConflict with the reason in both
// languages. Ending keeps the state (the end date is set by the caller) and
// needs a confirmed affiliation; a pending one is declined instead.
[[nodiscard]] Result<AffiliationState> ApplyAffiliationAction(AffiliationState from,
                                                              AffiliationSide side,
                                                              AffiliationAction action);

// Checks a period: the end is not before the start.
[[nodiscard]] Status ValidatePeriod(const std::optional<Date>& started_on,
                                    const std::optional<Date>& ended_on);

}  // namespace kakari::core
