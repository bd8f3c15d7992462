#include "core/domain/review_state.hpp"

#include <array>
#include <string>

namespace kakari::core {

namespace {

struct Edge {
  ReviewStatus from;
  ReviewAction action;
  ReviewStatus to;
};

// Every allowed move; anything not listed is refused.
constexpr std::array<Edge, 9> kEdges = {{
    {ReviewStatus::kDraft, ReviewAction::kSubmit, ReviewStatus::kSubmitted},
    {ReviewStatus::kDraft, ReviewAction::kWithdraw, ReviewStatus::kWithdrawn},
    {ReviewStatus::kSubmitted, ReviewAction::kWithdraw, ReviewStatus::kWithdrawn},
    {ReviewStatus::kSubmitted, ReviewAction::kApprove, ReviewStatus::kApproved},
    {ReviewStatus::kSubmitted, ReviewAction::kReturn, ReviewStatus::kReturned},
    {ReviewStatus::kSubmitted, ReviewAction::kReject, ReviewStatus::kRejected},
    {ReviewStatus::kReturned, ReviewAction::kResubmit, ReviewStatus::kSubmitted},
    {ReviewStatus::kReturned, ReviewAction::kWithdraw, ReviewStatus::kWithdrawn},
    {ReviewStatus::kReturned, ReviewAction::kReject, ReviewStatus::kRejected},
}};

constexpr std::array<const char*, 6> kActionNames = {"submit",  "withdraw", "resubmit",
                                                     "approve", "return",   "reject"};
constexpr std::array<const char*, 6> kActionJa = {"提出", "取下げ", "再提出",
                                                  "承認", "差戻し", "却下"};

}  // namespace

const char* ReviewActionName(ReviewAction a) { return kActionNames[static_cast<size_t>(a)]; }

std::optional<ReviewAction> ParseReviewAction(std::string_view name) {
  for (size_t i = 0; i < kActionNames.size(); ++i) {
    if (name == kActionNames[i]) return static_cast<ReviewAction>(i);
  }
  return std::nullopt;
}

std::optional<ReviewStatus> ParseReviewStatus(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(ReviewStatus::kWithdrawn); ++i) {
    auto s = static_cast<ReviewStatus>(i);
    if (name == ReviewStatusName(s)) return s;
  }
  return std::nullopt;
}

ReviewActor ActorOf(ReviewAction a) {
  switch (a) {
    case ReviewAction::kApprove:
    case ReviewAction::kReturn:
    case ReviewAction::kReject:
      return ReviewActor::kStaff;
    default:
      return ReviewActor::kDoctor;
  }
}

const char* ReviewStatusLabelJa(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::kDraft:
      return "下書き";
    case ReviewStatus::kSubmitted:
      return "審査待ち";
    case ReviewStatus::kReturned:
      return "差戻し中";
    case ReviewStatus::kApproved:
      return "承認済み";
    case ReviewStatus::kRejected:
      return "却下";
    case ReviewStatus::kWithdrawn:
      return "取下げ済み";
  }
  return "";
}

Result<ReviewStatus> Transition(ReviewStatus from, ReviewAction action) {
  for (const Edge& e : kEdges) {
    if (e.from == from && e.action == action) return e.to;
  }
  std::string ja = std::string("現在の状態（") + ReviewStatusLabelJa(from) + "）では" +
                   kActionJa[static_cast<size_t>(action)] + "できません";
  std::string en = std::string("cannot ") + ReviewActionName(action) + " an item that is " +
                   ReviewStatusName(from);
  return Fail(ErrorCode::kConflict, ja, en, "status");
}

bool IsFinal(ReviewStatus s) {
  return s == ReviewStatus::kApproved || s == ReviewStatus::kRejected ||
         s == ReviewStatus::kWithdrawn;
}

}  // namespace kakari::core
