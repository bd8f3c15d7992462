// Notices: what the registry tells people (a decision, a return with its
// reason, a certificate, a reminder), kept in each person's inbox and, when
// they have an address, delivered by e-mail from a transactional outbox.
// This unit holds the kinds, their template fields, the delivery states and
// the retry schedule. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/domain/entities.hpp"

namespace kakari::core {

enum class NoticeKind {
  kItemApproved,
  kItemReturned,
  kItemRejected,
  kCertificateIssued,
  kCertificateMailed,
  kCodeIssued,
  kAffiliationProposed,
  kAffiliationConfirmed,
  kAccountChanged,
  kReminderNearCompletion,  // reminders: a person may turn them off
  kReminderReturnedUnanswered,
  kDigestReviewers,
  kReminderGmisNo,
};

// Every kind, in declaration order (for tables and template checks).
const std::vector<NoticeKind>& AllNoticeKinds();
// "item.returned", ...: the stored name and the template's file name.
std::string_view NoticeKindName(NoticeKind kind);
std::optional<NoticeKind> NoticeKindFromName(std::string_view name);
// Reminders and digests, which a person may turn off; never the notices
// about their own decisions, certificates and account.
bool IsReminder(NoticeKind kind);
// The template fields a notice of `kind` carries ("name", "item", ...).
const std::vector<std::string_view>& NoticeFieldNames(NoticeKind kind);

using NoticeFields = std::vector<std::pair<std::string, std::string>>;
// "k=v&k=v" with percent-encoded values: one text column in storage.
std::string EncodeNoticeFields(const NoticeFields& fields);
NoticeFields DecodeNoticeFields(std::string_view text);
// The value of `key`, or "" when the notice has none.
std::string_view NoticeField(const NoticeFields& fields, std::string_view key);

enum class DeliveryState {
  kInboxOnly,  // no address (or mail not wanted): the inbox is the delivery
  kPending,    // waiting in the outbox, due at next_attempt_at
  kSending,    // claimed by one server until lease_until
  kSent,
  kFailed,  // permanently: staff see it
};
std::string_view DeliveryStateName(DeliveryState state);
std::optional<DeliveryState> DeliveryStateFromName(std::string_view name);

struct Notice {
  Id id = 0;
  Id user_id = 0;
  NoticeKind kind = NoticeKind::kItemApproved;
  NoticeFields fields;
  std::string link;    // an address inside the web app ("/#/items/activity/12")
  std::string period;  // reminders: the period it covers ("2026-12"); "" for events
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
  std::string email;  // where it is delivered; "" for the inbox only
  DeliveryState delivery = DeliveryState::kInboxOnly;
  int attempts = 0;
  int64_t next_attempt_at = 0;
  int64_t lease_until = 0;
  std::string last_error;  // the mail server's answer, never personal data
  std::optional<int64_t> sent_at;
};

// How a delivery attempt ended.
enum class SendOutcome { kSent, kTransient, kPermanent };

// Attempts before a transient failure becomes permanent.
inline constexpr int kMaxDeliveryAttempts = 8;
// Seconds to wait after the `attempts`-th failed attempt (1 min, 5 min,
// 15 min, 1 h, 3 h, 6 h, 12 h): a mail server that is down for a night is
// caught up with in the morning.
int64_t RetryDelaySeconds(int attempts);
// How long a server may hold a claimed notice before another may retry it.
inline constexpr int64_t kDeliveryLeaseSeconds = 120;

// The notice after a delivery attempt that ended with `outcome` at `now`.
Notice AfterAttempt(Notice notice, SendOutcome outcome, std::string_view error, int64_t now);

}  // namespace kakari::core
