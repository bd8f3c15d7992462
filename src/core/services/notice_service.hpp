// Notices: queued in the transaction of the change that causes them (so a
// change that rolls back tells nobody and one that commits is never lost),
// read in each person's inbox, and delivered by e-mail from the outbox by
// whichever server claims them first. No I/O of its own: mail goes through
// the MailTransport port.
// Thread-safe: every call opens its own unit of work, except the Queue*
// functions, which write into the caller's.
#pragma once

#include <string>
#include <vector>

#include "core/domain/notice_message.hpp"
#include "core/ports/mail_transport.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// Queues `kind` for `user_id` inside `uow`: to the inbox, and to the outbox
// when the person has an e-mail address; true when queued. A reminder the
// person turned off is skipped, and so is one already given for `period`
// (false, not an error). The "name" field, when not given, is the doctor's
// name or the login.
[[nodiscard]] Result<bool> QueueNotice(UnitOfWork& uow, const Deps& deps, Id user_id,
                                       NoticeKind kind, NoticeFields fields, std::string link,
                                       std::string period = {});

// The same for a doctor's account; a doctor without an account (paper
// only) has no inbox and is skipped (false).
[[nodiscard]] Result<bool> QueueDoctorNotice(UnitOfWork& uow, const Deps& deps, Id doctor_id,
                                             NoticeKind kind, NoticeFields fields, std::string link,
                                             std::string period = {});

struct InboxEntry {
  Notice notice;
  NoticeMessage message;  // subject and text in each language
};

struct Inbox {
  std::vector<InboxEntry> entries;  // unread first, then newest
  int64_t unread = 0;
  bool reminders = true;  // whether reminders and digests are wanted
};

// The caller's own notices (every signed-in person has an inbox).
[[nodiscard]] Result<Inbox> MyInbox(const Deps& deps, const Caller& caller, int page, int per_page);
// Marks one of the caller's notices read; kNotFound for anyone else's.
[[nodiscard]] Status MarkNoticeRead(const Deps& deps, const Caller& caller, Id notice_id);
// Turns the caller's reminders and digests on or off (never their notices).
[[nodiscard]] Status SetReminderPreference(const Deps& deps, const Caller& caller, bool wanted);

struct DeliveryOptions {
  std::string app_url;  // "https://kakari.example": links in mails are absolute
  int batch = 50;
};

struct DeliveryRound {
  int claimed = 0;
  int sent = 0;
  int retrying = 0;
  int failed = 0;
  bool interrupted = false;  // a transient failure ended the round early
};

// Claims the notices due now, sends each through `transport` outside any
// transaction, and records each outcome (sent; retried later with back-off;
// failed for good). Several servers may run this at once: a notice is
// claimed by one of them at a time.
[[nodiscard]] Result<DeliveryRound> DeliverDueNotices(const Deps& deps,
                                                      const MailTransport& transport,
                                                      const DeliveryOptions& options);

// Deliveries that failed for good, for staff: those of people in the
// caller's area (doctors of their associations), newest first.
struct FailedDelivery {
  Id notice_id = 0;
  NoticeKind kind = NoticeKind::kItemApproved;
  std::string recipient;  // the doctor's name, or the login
  std::string email;
  int attempts = 0;
  std::string last_error;
  int64_t created_at = 0;
};
[[nodiscard]] Result<std::vector<FailedDelivery>> FailedDeliveries(const Deps& deps,
                                                                   const Caller& caller);

}  // namespace kakari::core
