// Progress: a doctor's standing against the current programme, and the same
// for every doctor at once. Use cases over the store ports; no I/O of their own.
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "core/domain/eligibility.hpp"
#include "core/domain/entities.hpp"
#include "core/ports/store.hpp"

namespace kakari::core {

struct DoctorProgress {
  Doctor doctor;
  Programme programme;
  Eligibility eligibility;
};

// kNotFound for an unknown registry number (never invents one).
[[nodiscard]] Result<DoctorProgress> GetProgress(Store& store, std::string_view registry_number);

struct ProgressSummary {
  int64_t doctors = 0;
  int64_t complete = 0;
  int64_t lecture_only_short = 0;  // have an activity, lack lecture units
  int64_t practical_missing = 0;   // lack an approved activity
};

// Evaluates every doctor; `on_each` (optional) sees each doctor's result.
[[nodiscard]] Result<ProgressSummary> SummariseAll(
    Store& store, const std::function<void(Id, const Eligibility&)>& on_each = {});

}  // namespace kakari::core
