#include "core/entities.hpp"

namespace kakari::core {

const char* ApplicationStatusName(ApplicationStatus s) {
  switch (s) {
    case ApplicationStatus::kSubmitted: return "submitted";
    case ApplicationStatus::kReturned: return "returned";
    case ApplicationStatus::kApproved: return "approved";
    case ApplicationStatus::kRejected: return "rejected";
    case ApplicationStatus::kWithdrawn: return "withdrawn";
  }
  return "submitted";
}

}  // namespace kakari::core
