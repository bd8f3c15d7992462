#include "core/domain/review_state.hpp"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace kakari::core {
namespace {

using S = ReviewStatus;
using A = ReviewAction;

// The whole table: every (status, action) pair, allowed or not.
TEST(ReviewState, EveryPairFollowsTheTable) {
  const std::map<std::pair<S, A>, S> allowed = {
      {{S::kDraft, A::kSubmit}, S::kSubmitted},       {{S::kDraft, A::kWithdraw}, S::kWithdrawn},
      {{S::kSubmitted, A::kWithdraw}, S::kWithdrawn}, {{S::kSubmitted, A::kApprove}, S::kApproved},
      {{S::kSubmitted, A::kReturn}, S::kReturned},    {{S::kSubmitted, A::kReject}, S::kRejected},
      {{S::kReturned, A::kResubmit}, S::kSubmitted},  {{S::kReturned, A::kWithdraw}, S::kWithdrawn},
      {{S::kReturned, A::kReject}, S::kRejected},
  };
  int checked = 0;
  for (int s = 0; s <= static_cast<int>(S::kWithdrawn); ++s) {
    for (int a = 0; a <= static_cast<int>(A::kReject); ++a) {
      auto from = static_cast<S>(s);
      auto action = static_cast<A>(a);
      auto got = Transition(from, action);
      auto it = allowed.find({from, action});
      if (it == allowed.end()) {
        ASSERT_FALSE(got) << ReviewStatusName(from) << " + " << ReviewActionName(action);
        EXPECT_EQ(got.error().code, ErrorCode::kConflict);
      } else {
        ASSERT_TRUE(got) << ReviewStatusName(from) << " + " << ReviewActionName(action);
        EXPECT_EQ(*got, it->second);
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 36);
}

TEST(ReviewState, SecondApprovalIsAConflictThatSaysWhy) {
  auto got = Transition(S::kApproved, A::kApprove);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().message_ja, "現在の状態（承認済み）では承認できません");
  EXPECT_EQ(got.error().message_en, "cannot approve an item that is approved");
}

TEST(ReviewState, FinalStatesAcceptNoAction) {
  for (S s : {S::kApproved, S::kRejected, S::kWithdrawn}) {
    EXPECT_TRUE(IsFinal(s));
    for (int a = 0; a <= static_cast<int>(A::kReject); ++a) {
      EXPECT_FALSE(Transition(s, static_cast<A>(a)));
    }
  }
  EXPECT_FALSE(IsFinal(S::kReturned));
}

TEST(ReviewState, ActorsAndNamesRoundTrip) {
  EXPECT_EQ(ActorOf(A::kApprove), ReviewActor::kStaff);
  EXPECT_EQ(ActorOf(A::kReturn), ReviewActor::kStaff);
  EXPECT_EQ(ActorOf(A::kReject), ReviewActor::kStaff);
  EXPECT_EQ(ActorOf(A::kWithdraw), ReviewActor::kDoctor);
  EXPECT_EQ(ActorOf(A::kResubmit), ReviewActor::kDoctor);
  for (int a = 0; a <= static_cast<int>(A::kReject); ++a) {
    EXPECT_EQ(ParseReviewAction(ReviewActionName(static_cast<A>(a))), static_cast<A>(a));
  }
  EXPECT_EQ(ParseReviewStatus("returned"), S::kReturned);
  EXPECT_EQ(ParseReviewAction("delete"), std::nullopt);
}

}  // namespace
}  // namespace kakari::core
