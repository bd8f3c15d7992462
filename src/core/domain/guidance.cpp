#include "core/domain/guidance.hpp"

#include <algorithm>

namespace kakari::core {

namespace {

NextStep StepOf(StepKind kind) {
  NextStep s;
  s.kind = kind;
  return s;
}

// The application that decides the page: the newest one not withdrawn or
// rejected (a doctor may apply again after either).
const ReviewItem* CurrentApplication(const std::vector<ReviewItem>& items) {
  const ReviewItem* current = nullptr;
  for (const auto& item : items) {
    if (item.kind != ReviewKind::kApplication) continue;
    if (item.status != ReviewStatus::kSubmitted && item.status != ReviewStatus::kReturned &&
        item.status != ReviewStatus::kApproved) {
      continue;
    }
    if (current == nullptr || item.id > current->id) current = &item;
  }
  return current;
}

void AddReturned(const std::vector<ReviewItem>& items, std::vector<NextStep>& steps) {
  std::vector<const ReviewItem*> returned;
  for (const auto& item : items) {
    if (item.status == ReviewStatus::kReturned) returned.push_back(&item);
  }
  // Oldest first: the longest-waiting correction is the first to make.
  std::sort(returned.begin(), returned.end(),
            [](const ReviewItem* a, const ReviewItem* b) { return a->id < b->id; });
  for (const auto* item : returned) {
    NextStep s = StepOf(StepKind::kFixReturned);
    s.item_kind = item->kind;
    s.item_id = item->id;
    s.reason = item->last_reason;
    steps.push_back(std::move(s));
  }
}

void AddMissingParts(const Eligibility& standing, const PendingWork& pending,
                     std::vector<NextStep>& steps) {
  for (const auto& missing : standing.missing) {
    if (missing.kind == MissingKind::kLectureUnits) {
      bool covered = pending.lecture_units >= missing.units;
      NextStep s = StepOf(covered ? StepKind::kAwaitLectureReview : StepKind::kTakeLectures);
      s.units = covered ? pending.lecture_units : missing.units - pending.lecture_units;
      steps.push_back(s);
    } else {
      bool covered = pending.activities >= missing.activities;
      NextStep s = StepOf(covered ? StepKind::kAwaitActivityReview : StepKind::kReportActivity);
      s.activities = covered ? pending.activities : missing.activities - pending.activities;
      steps.push_back(s);
    }
  }
}

}  // namespace

std::vector<NextStep> NextSteps(const Eligibility& standing, const PendingWork& pending,
                                const std::vector<ReviewItem>& items) {
  std::vector<NextStep> steps;
  const ReviewItem* application = CurrentApplication(items);
  if (application != nullptr && application->status == ReviewStatus::kApproved) {
    return {StepOf(StepKind::kCertified)};
  }
  AddReturned(items, steps);
  if (application != nullptr && application->status == ReviewStatus::kSubmitted) {
    NextStep s = StepOf(StepKind::kAwaitApplication);
    s.item_kind = ReviewKind::kApplication;
    s.item_id = application->id;
    steps.push_back(s);
    return steps;
  }
  if (standing.complete) {
    // A returned application is corrected and resubmitted, not made anew.
    if (application == nullptr) steps.push_back(StepOf(StepKind::kApply));
    return steps;
  }
  AddMissingParts(standing, pending, steps);
  return steps;
}

HalfUnits UnitsTowardsCompletion(const Programme& p, const Eligibility& standing) {
  HalfUnits missing;
  for (const auto& m : standing.missing) missing += m.units;
  return missing >= p.required_total ? HalfUnits() : p.required_total - missing;
}

const char* StepKindName(StepKind k) {
  switch (k) {
    case StepKind::kFixReturned:
      return "fix_returned";
    case StepKind::kCertified:
      return "certified";
    case StepKind::kAwaitApplication:
      return "await_application";
    case StepKind::kApply:
      return "apply";
    case StepKind::kTakeLectures:
      return "take_lectures";
    case StepKind::kReportActivity:
      return "report_activity";
    case StepKind::kAwaitLectureReview:
      return "await_lecture_review";
    case StepKind::kAwaitActivityReview:
      return "await_activity_review";
  }
  return "apply";
}

}  // namespace kakari::core
