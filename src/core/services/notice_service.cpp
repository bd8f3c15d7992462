#include "core/services/notice_service.hpp"

#include <algorithm>
#include <span>

namespace kakari::core {

namespace {

// Where a notice is mailed: a doctor's address on the registry; staff and
// institution accounts have none yet (their notices stay in the inbox).
Result<std::string> AddressOf(UnitOfWork& uow, const UserRecord& user) {
  if (!user.doctor_id) return std::string();
  auto doctor = uow.Doctors().FindById(*user.doctor_id);
  KAKARI_RETURN_IF_ERROR(doctor);
  return *doctor ? (*doctor)->email : std::string();
}

Result<std::string> RecipientName(UnitOfWork& uow, Id user_id) {
  auto user = uow.Users().FindById(user_id);
  KAKARI_RETURN_IF_ERROR(user);
  if (!*user) return std::string();
  if ((*user)->doctor_id) {
    auto doctor = uow.Doctors().FindById(*(*user)->doctor_id);
    KAKARI_RETURN_IF_ERROR(doctor);
    if (*doctor) return (*doctor)->name;
  }
  return (*user)->login;
}

std::string AbsoluteLink(std::string_view app_url, std::string_view link) {
  std::string base(app_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(link);
}

OutgoingMail MailOf(const Notice& n, std::string_view to_name, const DeliveryOptions& options) {
  std::string unsubscribe =
      IsReminder(n.kind) ? AbsoluteLink(options.app_url, "/#/notices?reminders=off") : "";
  NoticeMessage m = RenderNotice(BuiltInTemplate(n.kind), n.fields,
                                 AbsoluteLink(options.app_url, n.link), unsubscribe);
  return OutgoingMail{n.email,
                      std::string(to_name),
                      m.mail_subject,
                      m.mail_text,
                      m.mail_html,
                      unsubscribe,
                      "notice-" + std::to_string(n.id)};
}

Status RecordOutcome(const Deps& deps, const Notice& n, const SendResult& result) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  Notice after = AfterAttempt(n, result.outcome, result.detail, deps.clock.NowUnixSeconds());
  KAKARI_RETURN_IF_ERROR((*uow)->Notices().RecordAttempt(after));
  return (*uow)->Commit();
}

// Gives claimed notices back untried, due as they were.
Status Release(const Deps& deps, std::span<const Notice> untried) {
  if (untried.empty()) return {};
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  for (Notice n : untried) {
    n.delivery = DeliveryState::kPending;
    n.lease_until = 0;
    KAKARI_RETURN_IF_ERROR((*uow)->Notices().RecordAttempt(n));
  }
  return (*uow)->Commit();
}

Result<std::vector<Notice>> ClaimDue(const Deps& deps, int batch) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  int64_t now = deps.clock.NowUnixSeconds();
  auto claimed = (*uow)->Notices().ClaimDue(now, now + kDeliveryLeaseSeconds, batch);
  KAKARI_RETURN_IF_ERROR(claimed);
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return claimed;
}

}  // namespace

Result<bool> QueueNotice(UnitOfWork& uow, const Deps& deps, Id user_id, NoticeKind kind,
                         NoticeFields fields, std::string link, std::string period) {
  auto user = uow.Users().FindById(user_id);
  KAKARI_RETURN_IF_ERROR(user);
  if (!*user || (*user)->disabled) return false;
  if (IsReminder(kind)) {
    auto wanted = uow.Notices().WantsReminders(user_id);
    KAKARI_RETURN_IF_ERROR(wanted);
    if (!*wanted) return false;
  }
  auto email = AddressOf(uow, **user);
  KAKARI_RETURN_IF_ERROR(email);
  if (NoticeField(fields, "name").empty()) {
    KAKARI_TRY(name, RecipientName(uow, user_id));
    fields.insert(fields.begin(), {"name", name});
  }
  Notice n;
  n.user_id = user_id;
  n.kind = kind;
  n.fields = std::move(fields);
  n.link = std::move(link);
  n.period = std::move(period);
  n.created_at = deps.clock.NowUnixSeconds();
  n.email = *email;
  n.delivery = email->empty() ? DeliveryState::kInboxOnly : DeliveryState::kPending;
  n.next_attempt_at = n.created_at;
  auto id = uow.Notices().Insert(n);
  if (!id && id.error().code == ErrorCode::kAlreadyExists) return false;  // given this period
  KAKARI_RETURN_IF_ERROR(id);
  return true;
}

Result<bool> QueueDoctorNotice(UnitOfWork& uow, const Deps& deps, Id doctor_id, NoticeKind kind,
                               NoticeFields fields, std::string link, std::string period) {
  auto user = uow.Users().FindByDoctor(doctor_id);
  KAKARI_RETURN_IF_ERROR(user);
  if (!*user) return false;
  return QueueNotice(uow, deps, (*user)->id, kind, std::move(fields), std::move(link),
                     std::move(period));
}

Result<Inbox> MyInbox(const Deps& deps, const Caller& caller, int page, int per_page) {
  if (page < 1 || per_page < 1 || per_page > 100) {
    return Fail(ErrorCode::kInvalidArgument, "page は1以上、per_page は1〜100で指定してください",
                "page must be 1 or more and per_page 1-100", "per_page");
  }
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto& notices = (*uow)->Notices();
  Id me = caller.principal.user_id;
  auto rows = notices.ForUser(me, per_page, (page - 1) * per_page);
  KAKARI_RETURN_IF_ERROR(rows);
  Inbox inbox;
  for (Notice& n : *rows) {
    // The inbox links with a button: the address line of the mail is left out.
    NoticeMessage m = RenderNotice(BuiltInTemplate(n.kind), n.fields, "", "");
    for (std::string* text : {&m.text_ja, &m.text_en}) {
      while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
    }
    inbox.entries.push_back(InboxEntry{std::move(n), std::move(m)});
  }
  KAKARI_TRY(unread, notices.CountUnread(me));
  KAKARI_TRY(reminders, notices.WantsReminders(me));
  inbox.unread = unread;
  inbox.reminders = reminders;
  return inbox;
}

Status MarkNoticeRead(const Deps& deps, const Caller& caller, Id notice_id) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto notice = (*uow)->Notices().Find(notice_id);
  KAKARI_RETURN_IF_ERROR(notice);
  if (!*notice || (*notice)->user_id != caller.principal.user_id) {
    return tl::unexpected(NotFoundError("お知らせ", "notice"));
  }
  auto changed =
      (*uow)->Notices().MarkRead(caller.principal.user_id, notice_id, deps.clock.NowUnixSeconds());
  KAKARI_RETURN_IF_ERROR(changed);
  return (*uow)->Commit();
}

Status SetReminderPreference(const Deps& deps, const Caller& caller, bool wanted) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  KAKARI_RETURN_IF_ERROR((*uow)->Notices().SetWantsReminders(caller.principal.user_id, wanted));
  KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "notice.preferences", "user",
                                    std::to_string(caller.principal.user_id),
                                    wanted ? "reminders=on" : "reminders=off"));
  return (*uow)->Commit();
}

Result<DeliveryRound> DeliverDueNotices(const Deps& deps, const MailTransport& transport,
                                        const DeliveryOptions& options) {
  KAKARI_TRY(claimed, ClaimDue(deps, options.batch));
  DeliveryRound round;
  round.claimed = static_cast<int>(claimed.size());
  for (size_t i = 0; i < claimed.size(); ++i) {
    const Notice& n = claimed[i];
    std::string name;
    {
      auto reader = deps.store.Begin(false);
      KAKARI_RETURN_IF_ERROR(reader);
      KAKARI_TRY(found, RecipientName(**reader, n.user_id));
      name = std::move(found);
    }
    SendResult result = transport.Send(MailOf(n, name, options));
    KAKARI_RETURN_IF_ERROR(RecordOutcome(deps, n, result));
    if (result.outcome == SendOutcome::kSent) {
      ++round.sent;
    } else if (AfterAttempt(n, result.outcome, "", 0).delivery == DeliveryState::kFailed) {
      ++round.failed;
    } else {
      ++round.retrying;
    }
    if (result.outcome == SendOutcome::kTransient) {
      // The mail server is likely down or busy: the rest wait for the next
      // round rather than each spend a time-out (and outlive their lease).
      round.interrupted = true;
      KAKARI_RETURN_IF_ERROR(Release(deps, std::span(claimed).subspan(i + 1)));
      break;
    }
  }
  return round;
}

Result<std::vector<FailedDelivery>> FailedDeliveries(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto scope = ScopePrefix(caller.principal);
  if (!scope) return tl::unexpected(NotFoundError("医師会", "association"));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  KAKARI_TRY(failed, (*uow)->Notices().Failed(500));
  std::vector<FailedDelivery> out;
  for (const Notice& n : failed) {
    KAKARI_TRY(user, (*uow)->Users().FindById(n.user_id));
    if (!user || !user->doctor_id) continue;
    KAKARI_TRY(doctor, (*uow)->Doctors().FindById(*user->doctor_id));
    if (!doctor) continue;
    KAKARI_TRY(home, (*uow)->Organisations().FindById(doctor->home_association_id));
    if (!home || home->code.substr(0, scope->size()) != *scope) continue;
    out.push_back(FailedDelivery{n.id, n.kind, doctor->name, n.email, n.attempts, n.last_error,
                                 n.created_at});
  }
  return out;
}

}  // namespace kakari::core
