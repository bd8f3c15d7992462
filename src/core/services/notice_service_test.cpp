// Notices with the fakes: queued with the decision that causes them (and not
// when it rolls back), read in the owner's inbox only, delivered once by the
// outbox with back-off and a permanent failure shown to staff in scope.
#include "core/services/notice_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stop_token>

#include "core/services/doctor_workflow.hpp"
#include "core/services/reminder_service.hpp"
#include "core/services/staff_workflow.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

// Records each mail and answers with the next scripted outcome (then kSent).
class RecordingTransport final : public MailTransport {
 public:
  SendResult Send(const OutgoingMail& mail) const override {
    sent.push_back(mail);
    if (script.empty()) return SendResult{SendOutcome::kSent, "250 ok"};
    SendResult r = script.front();
    script.erase(script.begin());
    return r;
  }
  mutable std::vector<OutgoingMail> sent;
  mutable std::vector<SendResult> script;
};

// Counts the write units of work begun through it (each takes the writer's lock).
class WriteCountingStore final : public Store {
 public:
  explicit WriteCountingStore(Store& inner) : inner_(inner) {}
  Result<std::unique_ptr<UnitOfWork>> Begin(bool write) override {
    writes += write ? 1 : 0;
    return inner_.Begin(write);
  }
  int writes = 0;

 private:
  Store& inner_;
};

class NoticeServiceTest : public ServiceTest {
 protected:
  Caller DoctorWithEmail(std::string_view registry, std::string_view email) {
    Caller doctor = NewDoctor(registry);
    auto uow = *store_->Begin(true);
    Doctor d = **uow->Doctors().FindById(*doctor.principal.doctor_id);
    d.email = std::string(email);
    EXPECT_TRUE(uow->Doctors().Update(d));
    EXPECT_TRUE(uow->Commit());
    return doctor;
  }
  Id Report(const Caller& doctor) {
    auto id = ReportActivity(deps(), doctor,
                             ActivityInput{"vaccination",
                                           "インフルエンザ予防接種",
                                           Date{2026, 4, 1},
                                           Date{2026, 4, 30},
                                           "練馬区保健所",
                                           {}});
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  DeliveryOptions Options() { return DeliveryOptions{"https://kakari.example/", 50}; }
};

TEST_F(NoticeServiceTest, AReturnTellsTheDoctorWhatWhoAndWhyInTheInboxAndByMail) {
  Caller doctor = DoctorWithEmail("300001", "hanako@example.jp");
  Id item = Report(doctor);
  Caller reviewer = Staff(Role::kReviewer, "13");
  ASSERT_TRUE(Decide(deps(), reviewer, ReviewKind::kActivity, item,
                     Decision{ReviewAction::kReturn, "接種記録の写しを添付してください", {}}));
  auto inbox = MyInbox(deps(), doctor, 1, 20);
  ASSERT_TRUE(inbox);
  ASSERT_EQ(inbox->entries.size(), 1u);
  EXPECT_EQ(inbox->unread, 1);
  const InboxEntry& e = inbox->entries[0];
  EXPECT_EQ(e.notice.kind, NoticeKind::kItemReturned);
  EXPECT_EQ(e.message.subject_ja, "差し戻しのお知らせ：実地研修：予防接種（練馬区保健所）");
  EXPECT_NE(e.message.text_ja.find("髙橋　花子 先生"), std::string::npos);
  EXPECT_NE(e.message.text_ja.find("東京都医師会"), std::string::npos) << e.message.text_ja;
  EXPECT_NE(e.message.text_ja.find("> 接種記録の写しを添付してください"), std::string::npos);
  EXPECT_EQ(e.notice.delivery, DeliveryState::kPending);

  RecordingTransport transport;
  auto round = DeliverDueNotices(deps(), transport, Options());
  ASSERT_TRUE(round);
  EXPECT_EQ(round->sent, 1);
  ASSERT_EQ(transport.sent.size(), 1u);
  const OutgoingMail& mail = transport.sent[0];
  EXPECT_EQ(mail.to_address, "hanako@example.jp");
  EXPECT_EQ(mail.to_name, "髙橋　花子");
  EXPECT_NE(mail.text.find("接種記録の写しを添付してください"), std::string::npos);
  EXPECT_NE(mail.text.find("https://kakari.example/#/items/activity/" + std::to_string(item)),
            std::string::npos);
  EXPECT_TRUE(mail.unsubscribe_url.empty()) << "a decision cannot be turned off";
  EXPECT_EQ(DeliverDueNotices(deps(), transport, Options())->claimed, 0) << "sent once";
}

TEST_F(NoticeServiceTest, ADecisionThatFailsQueuesNothing) {
  Caller doctor = DoctorWithEmail("300002", "a@example.jp");
  Id item = Report(doctor);
  Caller reviewer = Staff(Role::kReviewer, "13");
  auto stale = Decide(deps(), reviewer, ReviewKind::kActivity, item,
                      Decision{ReviewAction::kReturn, "理由", int64_t{99}});
  ASSERT_FALSE(stale);
  EXPECT_TRUE(MyInbox(deps(), doctor, 1, 20)->entries.empty());
  Caller osaka = Staff(Role::kReviewer, "27");
  ASSERT_FALSE(
      Decide(deps(), osaka, ReviewKind::kActivity, item, Decision{ReviewAction::kApprove, "", {}}));
  EXPECT_TRUE(MyInbox(deps(), doctor, 1, 20)->entries.empty());
}

TEST_F(NoticeServiceTest, WithoutAnAddressTheNoticeStaysInTheInboxOnly) {
  Caller doctor = NewDoctor("300003");
  Id item = Report(doctor);
  ASSERT_TRUE(Decide(deps(), Staff(Role::kReviewer, "13"), ReviewKind::kActivity, item,
                     Decision{ReviewAction::kApprove, "", {}}));
  auto inbox = MyInbox(deps(), doctor, 1, 20);
  ASSERT_EQ(inbox->entries.size(), 1u);
  EXPECT_EQ(inbox->entries[0].notice.kind, NoticeKind::kItemApproved);
  EXPECT_EQ(inbox->entries[0].notice.delivery, DeliveryState::kInboxOnly);
  RecordingTransport transport;
  EXPECT_EQ(DeliverDueNotices(deps(), transport, Options())->claimed, 0);
}

TEST_F(NoticeServiceTest, OnlyTheOwnerReadsANoticeAndReadingIsOnce) {
  Caller doctor = NewDoctor("300004");
  Caller other = NewDoctor("300005");
  Id item = Report(doctor);
  ASSERT_TRUE(Decide(deps(), Staff(Role::kReviewer, "13"), ReviewKind::kActivity, item,
                     Decision{ReviewAction::kApprove, "", {}}));
  Id notice = MyInbox(deps(), doctor, 1, 20)->entries.at(0).notice.id;
  auto refused = MarkNoticeRead(deps(), other, notice);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(MyInbox(deps(), other, 1, 20)->entries.empty());
  ASSERT_TRUE(MarkNoticeRead(deps(), doctor, notice));
  ASSERT_TRUE(MarkNoticeRead(deps(), doctor, notice)) << "reading again is harmless";
  EXPECT_EQ(MyInbox(deps(), doctor, 1, 20)->unread, 0);
  EXPECT_FALSE(MyInbox(deps(), doctor, 0, 20));
  EXPECT_FALSE(MyInbox(deps(), doctor, 1, 101));
}

TEST_F(NoticeServiceTest, AServerThatIsDownIsRetriedWithBackOffAndARefusalIsShownToStaff) {
  Caller doctor = DoctorWithEmail("300006", "wrong@example.jp");
  Id item = Report(doctor);
  ASSERT_TRUE(Decide(deps(), Staff(Role::kReviewer, "13"), ReviewKind::kActivity, item,
                     Decision{ReviewAction::kApprove, "", {}}));
  RecordingTransport transport;
  transport.script = {{SendOutcome::kTransient, "could not connect"}};
  auto first = DeliverDueNotices(deps(), transport, Options());
  EXPECT_EQ(first->retrying, 1);
  EXPECT_EQ(DeliverDueNotices(deps(), transport, Options())->claimed, 0) << "not due yet";
  clock_.Advance(61);
  transport.script = {{SendOutcome::kPermanent, "550 5.1.1 no such user"}};
  auto second = DeliverDueNotices(deps(), transport, Options());
  EXPECT_EQ(second->failed, 1);
  EXPECT_EQ(transport.sent.size(), 2u);

  auto failed = FailedDeliveries(deps(), Staff(Role::kReviewer, "13"));
  ASSERT_TRUE(failed);
  ASSERT_EQ(failed->size(), 1u);
  EXPECT_EQ(failed->at(0).email, "wrong@example.jp");
  EXPECT_EQ(failed->at(0).last_error, "550 5.1.1 no such user");
  EXPECT_EQ(failed->at(0).attempts, 2);
  EXPECT_TRUE(FailedDeliveries(deps(), Staff(Role::kReviewer, "27"))->empty()) << "other area";
  EXPECT_FALSE(FailedDeliveries(deps(), doctor)) << "doctors have no such list";
}

TEST_F(NoticeServiceTest, AFailedConnectionEndsTheRoundAndTheRestWaitUntried) {
  Caller doctor = DoctorWithEmail("300008", "taro@example.jp");
  Caller reviewer = Staff(Role::kReviewer, "13");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(Decide(deps(), reviewer, ReviewKind::kActivity, Report(doctor),
                       Decision{ReviewAction::kApprove, "", {}}));
  }
  RecordingTransport transport;
  transport.script = {{SendOutcome::kTransient, "could not connect"}};
  auto round = DeliverDueNotices(deps(), transport, Options());
  ASSERT_TRUE(round);
  EXPECT_TRUE(round->interrupted);
  EXPECT_EQ(round->claimed, 3);
  EXPECT_EQ(transport.sent.size(), 1u) << "the other two were not tried";
  auto inbox = MyInbox(deps(), doctor, 1, 20);
  int untried = 0;
  for (const auto& e : inbox->entries) {
    EXPECT_EQ(e.notice.delivery, DeliveryState::kPending);
    untried += e.notice.attempts == 0 ? 1 : 0;
  }
  EXPECT_EQ(untried, 2);
  auto next = DeliverDueNotices(deps(), transport, Options());
  EXPECT_EQ(next->sent, 2) << "still due at once; the failed one waits its back-off";
}

TEST_F(NoticeServiceTest, RemindersTurnedOffAreSkippedButDecisionsStillArrive) {
  Caller doctor = NewDoctor("300007");
  ASSERT_TRUE(SetReminderPreference(deps(), doctor, false));
  EXPECT_FALSE(MyInbox(deps(), doctor, 1, 20)->reminders);
  {
    auto uow = *store_->Begin(true);
    ASSERT_TRUE(QueueDoctorNotice(
        *uow, deps(), *doctor.principal.doctor_id, NoticeKind::kReminderNearCompletion,
        {{"missing_ja", "あと0.5単位"}, {"missing_en", "0.5 units"}}, "/#/", "2026-12"));
    ASSERT_TRUE(uow->Commit());
  }
  EXPECT_TRUE(MyInbox(deps(), doctor, 1, 20)->entries.empty());
  Id item = Report(doctor);
  ASSERT_TRUE(Decide(deps(), Staff(Role::kReviewer, "13"), ReviewKind::kActivity, item,
                     Decision{ReviewAction::kApprove, "", {}}));
  EXPECT_EQ(MyInbox(deps(), doctor, 1, 20)->entries.size(), 1u);
  EXPECT_EQ(AuditOf("notice.preferences").size(), 1u);
}

TEST_F(NoticeServiceTest, AReminderRunWritesOnlyForThoseStillAwaitingOne) {
  Caller doctor = NewDoctor("300008");
  Caller quiet = NewDoctor("300009");
  ASSERT_TRUE(SetReminderPreference(deps(), quiet, false));
  Caller reviewer = Staff(Role::kReviewer, "13");
  for (const Caller* c : {&doctor, &quiet}) {
    ASSERT_TRUE(Decide(deps(), reviewer, ReviewKind::kActivity, Report(*c),
                       Decision{ReviewAction::kReturn, "接種記録の写しを添付してください", {}}));
  }
  Caller jma = Staff(Role::kJmaAdmin, "00");
  WriteCountingStore counting(*store_);
  Deps counted{counting, crypto_, clock_, &signer_};
  auto early = RunReminders(counted, jma, Date{2026, 6, 10});
  ASSERT_TRUE(early);
  EXPECT_EQ(early->returned_unanswered, 0) << "returned 9 days ago";
  auto due = RunReminders(counted, jma, Date{2026, 6, 20});
  ASSERT_TRUE(due);
  EXPECT_EQ(due->returned_unanswered, 1) << "the other doctor turned reminders off";
  counting.writes = 0;
  auto again = RunReminders(counted, jma, Date{2026, 6, 20});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->returned_unanswered, 0);
  EXPECT_EQ(again->digests, 0);
  EXPECT_EQ(counting.writes, 0) << "nobody is left to remind: no write, no writer's lock";
  auto inbox = MyInbox(deps(), doctor, 1, 20);
  ASSERT_TRUE(inbox);
  EXPECT_EQ(std::count_if(inbox->entries.begin(), inbox->entries.end(),
                          [](const InboxEntry& e) {
                            return e.notice.kind == NoticeKind::kReminderReturnedUnanswered;
                          }),
            1);
  EXPECT_EQ(MyInbox(deps(), quiet, 1, 20)->entries.size(), 1u) << "only the return itself";
}

// A server being stopped asks its reminder run to stop: the run ends between
// batches, says it was interrupted, and the next run gives what it did not.
TEST_F(NoticeServiceTest, AStoppedReminderRunEndsBetweenBatchesAndTheNextGivesTheRest) {
  Caller doctor = NewDoctor("300010");
  ASSERT_TRUE(Decide(deps(), Staff(Role::kReviewer, "13"), ReviewKind::kActivity, Report(doctor),
                     Decision{ReviewAction::kReturn, "接種記録の写しを添付してください", {}}));
  Caller jma = Staff(Role::kJmaAdmin, "00");
  WriteCountingStore counting(*store_);
  Deps counted{counting, crypto_, clock_, &signer_};
  std::stop_source stopping;
  stopping.request_stop();
  auto stopped = RunReminders(counted, jma, Date{2026, 6, 20}, stopping.get_token());
  ASSERT_TRUE(stopped);
  EXPECT_TRUE(stopped->interrupted);
  EXPECT_EQ(stopped->returned_unanswered, 0);
  EXPECT_EQ(counting.writes, 0) << "a stopped run starts no batch";
  auto next = RunReminders(counted, jma, Date{2026, 6, 20});
  ASSERT_TRUE(next);
  EXPECT_FALSE(next->interrupted);
  EXPECT_EQ(next->returned_unanswered, 1);
}

}  // namespace
}  // namespace kakari::core
