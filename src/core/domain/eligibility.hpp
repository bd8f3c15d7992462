// Eligibility: does a doctor's record complete a programme, and if not, what
// is missing, in words a doctor understands. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/domain/date.hpp"
#include "core/domain/half_units.hpp"
#include "core/domain/programme.hpp"
#include "core/domain/review_status.hpp"

namespace kakari::core {

// The facts eligibility needs, already totalled. Storage can produce this
// directly from a maintained index (see CreditRepository), and TallyRecord
// below produces it from individual items.
struct UnitTally {
  HalfUnits lecture;  // lecture units inside the programme's window
  int approved_activities = 0;
};

struct LectureCreditFact {
  Date taken_on;
  HalfUnits units;
};

// Totals individual items under a programme's rules: lecture credits outside
// the credit window and activities not approved do not count.
UnitTally TallyRecord(const Programme& p, const std::vector<LectureCreditFact>& credits,
                      const std::vector<ActivityStatus>& activities);

enum class MissingKind {
  kLectureUnits,         // `units` more lecture units
  kPracticalActivities,  // `activities` more approved activities
};

struct Missing {
  MissingKind kind;
  HalfUnits units;     // for kLectureUnits; for activities, their unit value
  int activities = 0;  // for kPracticalActivities
  std::string message_ja;
  std::string message_en;
};

struct Eligibility {
  HalfUnits lecture_units;
  HalfUnits practical_units;
  HalfUnits total_units;
  int approved_activities = 0;
  bool complete = false;
  std::vector<Missing> missing;  // empty when complete
};

// REQUIRES: ValidateProgramme(p) succeeded.
Eligibility Evaluate(const Programme& p, const UnitTally& tally);
// Evaluate(p, tally).complete without the messages: for counting 340,000
// doctors at once.
bool IsComplete(const Programme& p, const UnitTally& tally);

}  // namespace kakari::core
