// Guidance: what a doctor should do next, from what is approved, what is
// still under review and where their application stands. MyPage shows these
// steps in order; the rule lives here so that every screen and channel says
// the same. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/eligibility.hpp"
#include "core/domain/workflow.hpp"

namespace kakari::core {

// Submitted work that would count once approved.
struct PendingWork {
  HalfUnits lecture_units;  // declared credits under review
  int declarations = 0;
  int activities = 0;  // practical activities under review
};

enum class StepKind {
  kFixReturned,          // a returned item: read the reason, correct, resubmit
  kCertified,            // the application was approved; nothing to do
  kAwaitApplication,     // the application is under review
  kApply,                // every part is met: apply for completion
  kTakeLectures,         // lecture units short: JMA e-learning, then declare
  kReportActivity,       // practical activities short: report one
  kAwaitLectureReview,   // the declared credits under review would cover the shortfall
  kAwaitActivityReview,  // the activities under review would cover the shortfall
};

struct NextStep {
  StepKind kind = StepKind::kApply;
  // kFixReturned / kAwaitApplication: the item concerned.
  std::optional<ReviewKind> item_kind;
  Id item_id = 0;
  std::string reason;  // kFixReturned: the reviewer's words
  // kTakeLectures: units still to earn beyond those under review;
  // kAwaitLectureReview: units under review.
  HalfUnits units;
  // kReportActivity: activities still to report; kAwaitActivityReview: under review.
  int activities = 0;
};

// `items` are the doctor's review items (any order). The steps come in the
// order a doctor should take them: corrections first, then the missing parts.
std::vector<NextStep> NextSteps(const Eligibility& standing, const PendingWork& pending,
                                const std::vector<ReviewItem>& items);

// Units done towards the programme's total: the total less every missing
// part, so a meter built on it is full only when nothing is missing.
HalfUnits UnitsTowardsCompletion(const Programme& p, const Eligibility& standing);

const char* StepKindName(StepKind k);

}  // namespace kakari::core
