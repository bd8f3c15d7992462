#include "core/domain/eligibility.hpp"

#include <algorithm>

namespace kakari::core {

UnitTally TallyRecord(const Programme& p, const std::vector<LectureCreditFact>& credits,
                      const std::vector<ActivityStatus>& activities) {
  UnitTally t;
  for (const auto& c : credits) {
    if (!p.credit_window || p.credit_window->Contains(c.taken_on)) t.lecture += c.units;
  }
  t.approved_activities =
      static_cast<int>(std::count(activities.begin(), activities.end(), ActivityStatus::kApproved));
  return t;
}

namespace {

Missing MissingLecture(HalfUnits units) {
  std::string u = units.ToString();
  return Missing{MissingKind::kLectureUnits, units, 0,
                 "座学研修（知識）があと" + u + "単位必要です",
                 u + (units == HalfUnits::FromUnits(1) ? " more lecture unit is needed"
                                                       : " more lecture units are needed")};
}

Missing MissingPractical(int activities, HalfUnits each) {
  std::string n = std::to_string(activities);
  std::string u = (each * activities).ToString();
  return Missing{MissingKind::kPracticalActivities, each * activities, activities,
                 "実地研修（経験）があと" + n + "件（" + u + "単位）必要です",
                 n +
                     (activities == 1 ? " more approved practical activity ("
                                      : " more approved practical activities (") +
                     u + " units) " + (activities == 1 ? "is" : "are") + " needed"};
}

}  // namespace

namespace {

struct Needs {
  int activities = 0;
  HalfUnits lecture;
};

// Each part's own minimum first; then whatever the total still lacks is
// asked of the lecture part, since it is the one that comes in 0.5 steps.
Needs NeedsOf(const Programme& p, const UnitTally& tally) {
  HalfUnits total = tally.lecture + p.units_per_activity * tally.approved_activities;
  Needs n;
  n.activities = std::max(0, p.min_practical_activities - tally.approved_activities);
  n.lecture = std::max(HalfUnits(), p.min_lecture_units - tally.lecture);
  HalfUnits projected = total + n.lecture + p.units_per_activity * n.activities;
  if (projected < p.required_total) n.lecture += p.required_total - projected;
  return n;
}

}  // namespace

bool IsComplete(const Programme& p, const UnitTally& tally) {
  Needs n = NeedsOf(p, tally);
  return n.activities == 0 && n.lecture == HalfUnits();
}

Eligibility Evaluate(const Programme& p, const UnitTally& tally) {
  Eligibility e;
  e.lecture_units = tally.lecture;
  e.approved_activities = tally.approved_activities;
  e.practical_units = p.units_per_activity * tally.approved_activities;
  e.total_units = e.lecture_units + e.practical_units;
  Needs needs = NeedsOf(p, tally);
  int activities_needed = needs.activities;
  HalfUnits lecture_needed = needs.lecture;

  if (activities_needed > 0) {
    e.missing.push_back(MissingPractical(activities_needed, p.units_per_activity));
  }
  if (lecture_needed > HalfUnits()) e.missing.push_back(MissingLecture(lecture_needed));
  e.complete = e.missing.empty();
  return e;
}

}  // namespace kakari::core
