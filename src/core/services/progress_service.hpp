// Progress: a doctor's standing against the current programme, and the same
// for every doctor at once. Use cases over the store ports; no I/O of their own.
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "core/domain/eligibility.hpp"
#include "core/domain/entities.hpp"
#include "core/domain/guidance.hpp"
#include "core/ports/store.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

struct DoctorProgress {
  Doctor doctor;
  Programme programme;
  Eligibility eligibility;
  PendingWork pending;          // submitted, not yet decided
  std::vector<NextStep> steps;  // what to do next, in order
};

// A doctor's progress with what is under review and the next steps.
[[nodiscard]] Result<DoctorProgress> ProgressOf(UnitOfWork& uow, const Doctor& doctor);
// The same for the doctor with this id, read with everything else in one
// go; kNotFound when there is no such doctor.
[[nodiscard]] Result<DoctorProgress> ProgressOf(UnitOfWork& uow, Id doctor_id);

struct ProgressSummary {
  int64_t doctors = 0;
  int64_t complete = 0;
  int64_t lecture_only_short = 0;  // have an activity, lack lecture units
  int64_t practical_missing = 0;   // lack an approved activity
};

// Every doctor's tally (lecture units inside `window`, approved
// activities), ascending by doctor id, for evaluations of the whole country.
[[nodiscard]] Result<std::vector<std::pair<Id, UnitTally>>> TalliesOfAll(
    UnitOfWork& uow, const std::optional<DateRange>& window);

// Evaluates every doctor in the country (JMA administrators and the command
// line); `on_each` (optional) sees each doctor's result. A doctor's own
// progress is MyProgress, staff's view of one doctor DoctorProgressFor.
[[nodiscard]] Result<ProgressSummary> SummariseAll(
    const Deps& deps, const Caller& caller,
    const std::function<void(Id, const Eligibility&)>& on_each = {});

}  // namespace kakari::core
