// The notices table: each person's inbox and the e-mail outbox. Writers hold
// the registry's write lock (SQLite's single writer, PostgreSQL's advisory
// lock), so claiming due notices by a read and an update in one unit of work
// gives each notice to one server only.
#include <string>

#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Notice;
using core::Result;
using core::Status;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, user_id, kind, fields, link, period, created_at, read_at, email, delivery, "
    "attempts, next_attempt_at, lease_until, last_error, sent_at FROM notices ";

std::optional<int64_t> OptionalInt(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.Int(col);
}

Notice ReadNotice(const Statement& st) {
  Notice n;
  n.id = st.Int(0);
  n.user_id = st.Int(1);
  n.kind = core::NoticeKindFromName(st.Text(2)).value_or(core::NoticeKind::kAccountChanged);
  n.fields = core::DecodeNoticeFields(st.Text(3));
  n.link = st.Text(4);
  n.period = st.Text(5);
  n.created_at = st.Int(6);
  n.read_at = OptionalInt(st, 7);
  n.email = st.Text(8);
  n.delivery = core::DeliveryStateFromName(st.Text(9)).value_or(core::DeliveryState::kFailed);
  n.attempts = static_cast<int>(st.Int(10));
  n.next_attempt_at = st.Int(11);
  n.lease_until = st.Int(12);
  n.last_error = st.Text(13);
  n.sent_at = OptionalInt(st, 14);
  return n;
}

Statement& BindOptional(Statement& st, int index, std::optional<int64_t> v) {
  return v ? st.Bind(index, *v) : st.BindNull(index);
}

}  // namespace

Result<Id> SqlNotices::Insert(const Notice& n) {
  KAKARI_TRY(st,
             c_.Prepare("INSERT INTO notices(user_id, kind, fields, link, period, created_at, "
                        "email, delivery, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, n.user_id)
      .Bind(2, core::NoticeKindName(n.kind))
      .Bind(3, core::EncodeNoticeFields(n.fields))
      .Bind(4, n.link)
      .Bind(5, n.period)
      .Bind(6, n.created_at)
      .Bind(7, n.email)
      .Bind(8, core::DeliveryStateName(n.delivery))
      .Bind(9, n.next_attempt_at);
  KAKARI_RETURN_IF_ERROR(st->Run());
  if (c_.Changes() != 1) {
    return core::Fail(core::ErrorCode::kAlreadyExists, "このお知らせは既に送られています",
                      "this reminder was already given for the period");
  }
  return c_.LastInsertId();
}

Result<bool> SqlNotices::Given(Id user_id, core::NoticeKind kind, std::string_view period) {
  // `period <> ''` lets both engines use the partial unique index.
  KAKARI_TRY(st, c_.Prepare("SELECT 1 FROM notices WHERE user_id = ? AND kind = ? AND period = ? "
                            "AND period <> ''"));
  st->Bind(1, user_id).Bind(2, core::NoticeKindName(kind)).Bind(3, period);
  KAKARI_TRY(row, st->Step());
  st->Reset();
  return row;
}

Result<std::optional<Notice>> SqlNotices::Find(Id id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kColumns) + "WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(rows, CollectRows<Notice>(*st, ReadNotice));
  if (rows.empty()) return std::optional<Notice>();
  return std::optional<Notice>(std::move(rows.front()));
}

Result<std::vector<Notice>> SqlNotices::ForUser(Id user_id, int limit, int offset) {
  KAKARI_TRY(st, c_.Prepare(std::string(kColumns) +
                            "WHERE user_id = ? ORDER BY (read_at IS NULL) DESC, id DESC "
                            "LIMIT ? OFFSET ?"));
  st->Bind(1, user_id).Bind(2, static_cast<int64_t>(limit)).Bind(3, static_cast<int64_t>(offset));
  return CollectRows<Notice>(*st, ReadNotice);
}

Result<int64_t> SqlNotices::CountUnread(Id user_id) {
  KAKARI_TRY(st, c_.Prepare("SELECT COUNT(*) FROM notices WHERE user_id = ? AND read_at IS NULL"));
  st->Bind(1, user_id);
  KAKARI_TRY(row, st->Step());
  int64_t n = row ? st->Int(0) : 0;
  st->Reset();
  return n;
}

Result<bool> SqlNotices::MarkRead(Id user_id, Id id, int64_t now) {
  KAKARI_TRY(st, c_.Prepare("UPDATE notices SET read_at = ? WHERE id = ? AND user_id = ? AND "
                            "read_at IS NULL"));
  st->Bind(1, now).Bind(2, id).Bind(3, user_id);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.Changes() == 1;
}

Result<std::vector<Notice>> SqlNotices::ClaimDue(int64_t now, int64_t lease_until, int limit) {
  KAKARI_TRY(st, c_.Prepare(std::string(kColumns) +
                            "WHERE (delivery = 'pending' AND next_attempt_at <= ?1) OR "
                            "(delivery = 'sending' AND lease_until <= ?1) ORDER BY id LIMIT ?2"));
  st->Bind(1, now).Bind(2, static_cast<int64_t>(limit));
  KAKARI_TRY(due, CollectRows<Notice>(*st, ReadNotice));
  KAKARI_TRY(claim,
             c_.Prepare("UPDATE notices SET delivery = 'sending', lease_until = ? WHERE id = ?"));
  for (Notice& n : due) {
    claim->Reset();
    claim->Bind(1, lease_until).Bind(2, n.id);
    KAKARI_RETURN_IF_ERROR(claim->Run());
    n.delivery = core::DeliveryState::kSending;
    n.lease_until = lease_until;
  }
  return due;
}

Status SqlNotices::RecordAttempt(const Notice& n) {
  KAKARI_TRY(st, c_.Prepare("UPDATE notices SET delivery = ?, attempts = ?, next_attempt_at = ?, "
                            "lease_until = ?, last_error = ?, sent_at = ? WHERE id = ?"));
  st->Bind(1, core::DeliveryStateName(n.delivery))
      .Bind(2, static_cast<int64_t>(n.attempts))
      .Bind(3, n.next_attempt_at)
      .Bind(4, n.lease_until)
      .Bind(5, n.last_error);
  BindOptional(*st, 6, n.sent_at).Bind(7, n.id);
  return st->Run();
}

Result<std::vector<Notice>> SqlNotices::Failed(int limit) {
  KAKARI_TRY(
      st, c_.Prepare(std::string(kColumns) + "WHERE delivery = 'failed' ORDER BY id DESC LIMIT ?"));
  st->Bind(1, static_cast<int64_t>(limit));
  return CollectRows<Notice>(*st, ReadNotice);
}

Result<bool> SqlNotices::WantsReminders(Id user_id) {
  KAKARI_TRY(st, c_.Prepare("SELECT reminders FROM notice_preferences WHERE user_id = ?"));
  st->Bind(1, user_id);
  KAKARI_TRY(row, st->Step());
  bool wanted = !row || st->Int(0) != 0;
  st->Reset();
  return wanted;
}

Status SqlNotices::SetWantsReminders(Id user_id, bool wanted) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO notice_preferences(user_id, reminders) VALUES (?1, ?2) "
                            "ON CONFLICT (user_id) DO UPDATE SET reminders = ?2"));
  st->Bind(1, user_id).Bind(2, static_cast<int64_t>(wanted));
  return st->Run();
}

}  // namespace kakari::storage::sql
