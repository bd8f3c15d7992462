// The storage contract for notices: the inbox (unread first, read once, only
// one's own), reminders given once per period, the outbox (claimed by one
// server at a time, a lease that runs out, attempts recorded, failures
// listed) and the reminder preference.
#include <gtest/gtest.h>

#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

using core::DeliveryState;
using core::Id;
using core::Notice;
using core::NoticeKind;

template <class Factory>
class NoticeContractTest : public StorageContractTest<Factory> {
 protected:
  Id AddUser(const std::string& login) {
    auto uow = *this->store_->Begin(true);
    core::UserRecord u;
    u.login = login;
    u.role = core::Role::kDoctor;
    auto id = uow->Users().Insert(u);
    EXPECT_TRUE(id.has_value()) << login;
    EXPECT_TRUE(uow->Commit().has_value());
    return *id;
  }
  static Notice Make(Id user, NoticeKind kind, std::string email = "", std::string period = "") {
    Notice n;
    n.user_id = user;
    n.kind = kind;
    n.fields = {{"name", "髙橋 太郎"}, {"reason", "日付が\n読めません & 再提出"}};
    n.link = "/mypage";
    n.period = std::move(period);
    n.created_at = 1000;
    n.email = std::move(email);
    n.delivery = n.email.empty() ? DeliveryState::kInboxOnly : DeliveryState::kPending;
    n.next_attempt_at = 1000;
    return n;
  }
  Id Insert(const Notice& n) {
    auto uow = *this->store_->Begin(true);
    auto id = uow->Notices().Insert(n);
    EXPECT_TRUE(id.has_value()) << (id ? "" : id.error().detail);
    EXPECT_TRUE(uow->Commit().has_value());
    return id.value_or(0);
  }
};
TYPED_TEST_SUITE(NoticeContractTest, Implementations, ImplementationNames);

TYPED_TEST(NoticeContractTest, TheInboxShowsUnreadFirstAndOnlyTheOwnersNotices) {
  Id taro = this->AddUser("taro");
  Id hanako = this->AddUser("hanako");
  Id first = this->Insert(this->Make(taro, NoticeKind::kItemReturned));
  Id second = this->Insert(this->Make(taro, NoticeKind::kItemApproved));
  Id third = this->Insert(this->Make(taro, NoticeKind::kCertificateIssued));
  this->Insert(this->Make(hanako, NoticeKind::kItemApproved));
  auto uow = *this->store_->Begin(true);
  EXPECT_TRUE(*uow->Notices().MarkRead(taro, third, 2000));
  EXPECT_FALSE(*uow->Notices().MarkRead(taro, third, 2001)) << "read once";
  EXPECT_FALSE(*uow->Notices().MarkRead(hanako, first, 2000)) << "not hers";
  auto inbox = *uow->Notices().ForUser(taro, 10, 0);
  ASSERT_EQ(inbox.size(), 3u);
  EXPECT_EQ(inbox[0].id, second);
  EXPECT_EQ(inbox[1].id, first);
  EXPECT_EQ(inbox[2].id, third);
  EXPECT_EQ(inbox[2].read_at, 2000);
  EXPECT_EQ(*uow->Notices().CountUnread(taro), 2);
  EXPECT_EQ(*uow->Notices().CountUnread(hanako), 1);
  EXPECT_EQ((*uow->Notices().ForUser(taro, 1, 1)).at(0).id, first) << "paged";
  auto found = **uow->Notices().Find(first);
  EXPECT_EQ(found.kind, NoticeKind::kItemReturned);
  EXPECT_EQ(core::NoticeField(found.fields, "reason"), "日付が\n読めません & 再提出");
  EXPECT_EQ(found.link, "/mypage");
  EXPECT_FALSE(*uow->Notices().Find(9999));
}

TYPED_TEST(NoticeContractTest, AReminderIsGivenOncePerPeriod) {
  Id taro = this->AddUser("taro");
  this->Insert(this->Make(taro, NoticeKind::kReminderNearCompletion, "", "2026-11"));
  {
    auto reader = *this->store_->Begin(false);
    EXPECT_TRUE(*reader->Notices().Given(taro, NoticeKind::kReminderNearCompletion, "2026-11"));
    EXPECT_FALSE(*reader->Notices().Given(taro, NoticeKind::kReminderNearCompletion, "2026-12"));
    EXPECT_FALSE(*reader->Notices().Given(taro, NoticeKind::kReminderGmisNo, "2026-11"));
    EXPECT_FALSE(
        *reader->Notices().Given(taro + 1000, NoticeKind::kReminderNearCompletion, "2026-11"));
  }
  auto uow = *this->store_->Begin(true);
  auto again =
      uow->Notices().Insert(this->Make(taro, NoticeKind::kReminderNearCompletion, "", "2026-11"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kAlreadyExists);
  // The unit of work goes on after the refusal (a run of reminders continues).
  EXPECT_TRUE(
      uow->Notices().Insert(this->Make(taro, NoticeKind::kReminderNearCompletion, "", "2026-12")));
  EXPECT_TRUE(uow->Notices().Insert(this->Make(taro, NoticeKind::kItemApproved)));
  EXPECT_TRUE(uow->Notices().Insert(this->Make(taro, NoticeKind::kItemApproved)))
      << "events repeat";
  ASSERT_TRUE(uow->Commit());
  auto reader = *this->store_->Begin(false);
  EXPECT_EQ((*reader->Notices().ForUser(taro, 10, 0)).size(), 4u);
  EXPECT_TRUE(*reader->Notices().Given(taro, NoticeKind::kReminderNearCompletion, "2026-12"));
  EXPECT_FALSE(*reader->Notices().Given(taro, NoticeKind::kItemApproved, ""))
      << "events have no period to be given in";
}

TYPED_TEST(NoticeContractTest, DueNoticesAreClaimedOnceUntilTheirLeaseRunsOut) {
  Id taro = this->AddUser("taro");
  Id mail = this->Insert(this->Make(taro, NoticeKind::kItemReturned, "taro@example.jp"));
  this->Insert(this->Make(taro, NoticeKind::kItemApproved));  // inbox only: never claimed
  Notice later = this->Make(taro, NoticeKind::kCertificateIssued, "taro@example.jp");
  later.next_attempt_at = 5000;
  Id later_id = this->Insert(later);
  {
    auto uow = *this->store_->Begin(true);
    auto claimed = *uow->Notices().ClaimDue(1500, 1620, 10);
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].id, mail);
    EXPECT_EQ(claimed[0].email, "taro@example.jp");
    EXPECT_EQ(claimed[0].delivery, DeliveryState::kSending);
    ASSERT_TRUE(uow->Commit());
  }
  {
    auto uow = *this->store_->Begin(true);
    EXPECT_TRUE((*uow->Notices().ClaimDue(1600, 1720, 10)).empty()) << "held by its lease";
    auto retaken = *uow->Notices().ClaimDue(1620, 1740, 10);
    ASSERT_EQ(retaken.size(), 1u) << "a lease that ran out frees the notice";
    Notice done = core::AfterAttempt(retaken[0], core::SendOutcome::kSent, "", 1630);
    ASSERT_TRUE(uow->Notices().RecordAttempt(done));
    ASSERT_TRUE(uow->Commit());
  }
  auto uow = *this->store_->Begin(true);
  auto sent = **uow->Notices().Find(mail);
  EXPECT_EQ(sent.delivery, DeliveryState::kSent);
  EXPECT_EQ(sent.attempts, 1);
  EXPECT_EQ(sent.sent_at, 1630);
  EXPECT_TRUE((*uow->Notices().ClaimDue(4999, 5100, 10)).empty());
  auto due = *uow->Notices().ClaimDue(5000, 5120, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, later_id);
  ASSERT_TRUE(uow->Notices().RecordAttempt(
      core::AfterAttempt(due[0], core::SendOutcome::kPermanent, "550 5.1.1 unknown user", 5001)));
  auto failed = *uow->Notices().Failed(10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].id, later_id);
  EXPECT_EQ(failed[0].last_error, "550 5.1.1 unknown user");
  EXPECT_TRUE((*uow->Notices().ClaimDue(99999, 100000, 10)).empty()) << "failed stays failed";
}

TYPED_TEST(NoticeContractTest, RemindersAreWantedUntilTurnedOff) {
  Id taro = this->AddUser("taro");
  auto uow = *this->store_->Begin(true);
  EXPECT_TRUE(*uow->Notices().WantsReminders(taro));
  ASSERT_TRUE(uow->Notices().SetWantsReminders(taro, false));
  EXPECT_FALSE(*uow->Notices().WantsReminders(taro));
  ASSERT_TRUE(uow->Notices().SetWantsReminders(taro, false));
  ASSERT_TRUE(uow->Notices().SetWantsReminders(taro, true));
  EXPECT_TRUE(*uow->Notices().WantsReminders(taro));
}

}  // namespace
}  // namespace kakari::storage
