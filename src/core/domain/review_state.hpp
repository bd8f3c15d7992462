// The review state machine shared by practical activities, credit
// declarations and completion applications. One table says which action
// moves which status where, and who may take it. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "core/domain/eligibility.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

enum class ReviewAction { kSubmit, kWithdraw, kResubmit, kApprove, kReturn, kReject };

enum class ReviewActor { kDoctor, kStaff };

const char* ReviewActionName(ReviewAction a);
std::optional<ReviewAction> ParseReviewAction(std::string_view name);
std::optional<ReviewStatus> ParseReviewStatus(std::string_view name);

// Who may take the action: the doctor (or staff entering paper for them), or
// reviewing staff.
ReviewActor ActorOf(ReviewAction a);

// The status after `action`, or kConflict saying why it cannot be taken now
// (for example approving what another reviewer already approved).
[[nodiscard]] Result<ReviewStatus> Transition(ReviewStatus from, ReviewAction action);

// True for the states no action leaves.
bool IsFinal(ReviewStatus s);

// Japanese and English labels of a status, as shown to people.
const char* ReviewStatusLabelJa(ReviewStatus s);

}  // namespace kakari::core
