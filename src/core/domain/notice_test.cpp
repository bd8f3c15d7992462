#include "core/domain/notice.hpp"

#include <gtest/gtest.h>

#include "core/domain/notice_message.hpp"

namespace kakari::core {
namespace {

TEST(NoticeTest, EveryKindHasANameThatReadsBack) {
  for (NoticeKind k : AllNoticeKinds()) {
    auto name = NoticeKindName(k);
    ASSERT_FALSE(name.empty());
    EXPECT_EQ(NoticeKindFromName(name), k) << name;
    EXPECT_FALSE(NoticeFieldNames(k).empty()) << name;
  }
  EXPECT_EQ(AllNoticeKinds().size(), 13u);
  EXPECT_FALSE(NoticeKindFromName("item.unknown"));
}

TEST(NoticeTest, OnlyRemindersAndDigestsCanBeTurnedOff) {
  struct Case {
    NoticeKind kind;
    bool reminder;
  };
  for (const Case& c : std::vector<Case>{{NoticeKind::kItemReturned, false},
                                         {NoticeKind::kCertificateIssued, false},
                                         {NoticeKind::kAccountChanged, false},
                                         {NoticeKind::kReminderNearCompletion, true},
                                         {NoticeKind::kReminderReturnedUnanswered, true},
                                         {NoticeKind::kDigestReviewers, true},
                                         {NoticeKind::kReminderGmisNo, true}}) {
    EXPECT_EQ(IsReminder(c.kind), c.reminder) << NoticeKindName(c.kind);
  }
}

TEST(NoticeTest, FieldsSurviveTheirEncodingWhateverTheyHold) {
  NoticeFields fields = {
      {"name", "髙橋 𠮷"}, {"reason", "証明書が読めません。\n& = % + を含む\t理由"}, {"empty", ""}};
  std::string text = EncodeNoticeFields(fields);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(DecodeNoticeFields(text), fields);
  EXPECT_EQ(NoticeField(fields, "name"), "髙橋 𠮷");
  EXPECT_EQ(NoticeField(fields, "missing"), "");
  EXPECT_TRUE(DecodeNoticeFields("").empty());
}

TEST(NoticeTest, DeliveryStatesReadBack) {
  for (auto s : {DeliveryState::kInboxOnly, DeliveryState::kPending, DeliveryState::kSending,
                 DeliveryState::kSent, DeliveryState::kFailed}) {
    EXPECT_EQ(DeliveryStateFromName(DeliveryStateName(s)), s);
  }
  EXPECT_FALSE(DeliveryStateFromName("lost"));
}

TEST(NoticeTest, RetriesBackOffAndStopAtTheLimit) {
  struct Case {
    int attempts;
    int64_t delay;
  };
  for (const Case& c :
       std::vector<Case>{{0, 0}, {1, 60}, {2, 300}, {3, 900}, {4, 3600}, {7, 43200}, {20, 43200}}) {
    EXPECT_EQ(RetryDelaySeconds(c.attempts), c.delay) << c.attempts;
  }
  Notice n;
  n.delivery = DeliveryState::kSending;
  n.lease_until = 500;
  Notice after = AfterAttempt(n, SendOutcome::kTransient, "421 busy", 1000);
  EXPECT_EQ(after.delivery, DeliveryState::kPending);
  EXPECT_EQ(after.attempts, 1);
  EXPECT_EQ(after.next_attempt_at, 1060);
  EXPECT_EQ(after.lease_until, 0);
  EXPECT_EQ(after.last_error, "421 busy");
  for (int i = 1; i < kMaxDeliveryAttempts; ++i) {
    after = AfterAttempt(after, SendOutcome::kTransient, "421 busy", 1000);
  }
  EXPECT_EQ(after.delivery, DeliveryState::kFailed);
  EXPECT_EQ(after.attempts, kMaxDeliveryAttempts);

  Notice permanent = AfterAttempt(n, SendOutcome::kPermanent, "550 no such user", 1000);
  EXPECT_EQ(permanent.delivery, DeliveryState::kFailed);
  Notice sent = AfterAttempt(n, SendOutcome::kSent, "", 1000);
  EXPECT_EQ(sent.delivery, DeliveryState::kSent);
  EXPECT_EQ(sent.sent_at, 1000);
}

TEST(NoticeMessageTest, EveryBuiltInTemplateParsesAndUsesOnlyItsKindsFields) {
  for (NoticeKind k : AllNoticeKinds()) {
    auto name = NoticeKindName(k);
    auto parsed = ParseNoticeTemplate(EmbeddedNoticeTemplateText(name));
    ASSERT_TRUE(parsed) << name << ": " << parsed.error().message_en;
    EXPECT_EQ(UnknownPlaceholders(*parsed, NoticeFieldNames(k)), std::vector<std::string>{})
        << name;
    EXPECT_NE(parsed->body_ja.find("{link}"), std::string::npos) << name << " has no link";
    NoticeFields fields;
    for (auto f : NoticeFieldNames(k)) fields.emplace_back(std::string(f), "X");
    NoticeMessage m = RenderNotice(*parsed, fields, "https://kakari.example/mypage", "");
    EXPECT_EQ(m.mail_text.find('{'), std::string::npos) << name << ": " << m.mail_text;
  }
}

TEST(NoticeMessageTest, ATemplateWithoutASubjectOrABodyIsRefused) {
  EXPECT_FALSE(ParseNoticeTemplate("subject.ja: a\n--- ja\nbody\n--- en\nbody\n"));
  EXPECT_FALSE(ParseNoticeTemplate("subject.ja: a\nsubject.en: b\n--- ja\nbody\n"));
  EXPECT_TRUE(ParseNoticeTemplate("subject.ja: a\nsubject.en: b\n--- ja\nx\n--- en\ny\n"));
}

TEST(NoticeMessageTest, AReturnCarriesItsReasonWordForWordInBothParts) {
  NoticeFields fields = {{"name", "山田 太郎"},
                         {"item", "実地研修：学校医（みなと小学校）"},
                         {"association", "港区医師会"},
                         {"reason", "証明書の日付が読めません。\n<再提出> をお願いします"}};
  NoticeMessage m = RenderNotice(BuiltInTemplate(NoticeKind::kItemReturned), fields,
                                 "https://kakari.example/mypage", "");
  EXPECT_EQ(m.subject_ja, "差し戻しのお知らせ：実地研修：学校医（みなと小学校）");
  EXPECT_EQ(m.mail_subject.rfind("【Kakari】差し戻しのお知らせ", 0), 0u);
  EXPECT_NE(m.text_ja.find("山田 太郎 先生"), std::string::npos);
  // Every line of the reason stays quoted.
  EXPECT_NE(m.text_ja.find("> 証明書の日付が読めません。\n> <再提出> をお願いします"),
            std::string::npos)
      << m.text_ja;
  EXPECT_LT(m.mail_text.find("差し戻しの理由"), m.mail_text.find("The reason given"));
  // HTML escapes what the reviewer typed and links the address.
  EXPECT_NE(m.mail_html.find("&lt;再提出&gt;"), std::string::npos);
  EXPECT_EQ(m.mail_html.find("<再提出>"), std::string::npos);
  EXPECT_NE(m.mail_html.find("<a href=\"https://kakari.example/mypage\">"), std::string::npos);
  EXPECT_NE(m.mail_html.find("<blockquote"), std::string::npos);
  EXPECT_EQ(m.mail_text.find("配信停止"), std::string::npos);
}

TEST(NoticeMessageTest, ARemindersMailEndsWithAWayToTurnRemindersOff) {
  NoticeFields fields = {{"name", "山田 太郎"},
                         {"missing_ja", "講義の単位があと0.5単位必要です"},
                         {"missing_en", "0.5 more lecture units"}};
  NoticeMessage m =
      RenderNotice(BuiltInTemplate(NoticeKind::kReminderNearCompletion), fields,
                   "https://kakari.example/mypage", "https://kakari.example/unsubscribe?t=abc");
  EXPECT_NE(m.mail_text.find("あと0.5単位"), std::string::npos);
  EXPECT_NE(m.mail_text.find(
                "配信停止（リマインダー・まとめ）: https://kakari.example/unsubscribe?t=abc"),
            std::string::npos);
  EXPECT_NE(m.mail_html.find("href=\"https://kakari.example/unsubscribe?t=abc\""),
            std::string::npos);
}

}  // namespace
}  // namespace kakari::core
