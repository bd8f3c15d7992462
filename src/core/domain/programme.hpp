// Programme: one rule set of the training, held as data. The numbers of the
// seed documents are the default programme, not constants in the code, since
// the JMA's implementing outline can change them from year to year.
// Thread-safe value type.
#pragma once

#include <optional>
#include <string>

#include "core/domain/date.hpp"
#include "core/domain/half_units.hpp"

namespace kakari::core {

struct Programme {
  std::string code;     // stable identifier, e.g. "kakari-2025"
  std::string name_ja;  // かかりつけ医機能報告制度にかかる研修
  std::string name_en;
  // Units one approved practical activity is worth.
  HalfUnits units_per_activity = HalfUnits::FromUnits(5);
  // Both parts are mandatory: at least this many lecture units...
  HalfUnits min_lecture_units = HalfUnits::FromHalves(1);
  // ...and at least this many approved practical activities.
  int min_practical_activities = 1;
  // Total of both parts needed for completion.
  HalfUnits required_total = HalfUnits::FromUnits(10);
  // When set, only lecture credits dated inside count (off by default).
  std::optional<DateRange> credit_window;
  // When set, a certificate is valid for this many years (off by default).
  std::optional<int> certificate_validity_years;
};

// The seed documents' training as of April 2025.
Programme DefaultProgramme();

// Checks a programme's numbers make sense (positive thresholds, a window
// whose start is not after its end).
[[nodiscard]] Status ValidateProgramme(const Programme& p);

}  // namespace kakari::core
