#include "core/domain/review_status.hpp"

namespace kakari::core {

const char* ReviewStatusName(ReviewStatus s) {
  switch (s) {
    case ActivityStatus::kDraft:
      return "draft";
    case ActivityStatus::kSubmitted:
      return "submitted";
    case ActivityStatus::kReturned:
      return "returned";
    case ActivityStatus::kApproved:
      return "approved";
    case ActivityStatus::kRejected:
      return "rejected";
    case ActivityStatus::kWithdrawn:
      return "withdrawn";
  }
  return "draft";
}

}  // namespace kakari::core
