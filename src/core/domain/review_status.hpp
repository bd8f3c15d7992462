// The review states shared by activities, credit declarations and
// completion applications, and their names in the API. Pure; thread-safe.
#pragma once

namespace kakari::core {

// Review states shared by activities, credit declarations and completion
// applications (see review_state.hpp for the transitions). Only an approved
// activity counts towards completion.
enum class ReviewStatus { kDraft, kSubmitted, kReturned, kApproved, kRejected, kWithdrawn };
using ActivityStatus = ReviewStatus;

const char* ReviewStatusName(ReviewStatus s);
inline const char* ActivityStatusName(ReviewStatus s) { return ReviewStatusName(s); }

}  // namespace kakari::core
