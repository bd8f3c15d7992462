#include "core/domain/notice.hpp"

#include <algorithm>
#include <array>

#include "util/strings.hpp"

namespace kakari::core {

namespace {

struct KindRow {
  NoticeKind kind;
  std::string_view name;
  bool reminder;
  std::vector<std::string_view> fields;
};

const std::vector<KindRow>& KindTable() {
  static const std::vector<KindRow> table = {
      {NoticeKind::kItemApproved, "item.approved", false, {"name", "item", "association"}},
      {NoticeKind::kItemReturned,
       "item.returned",
       false,
       {"name", "item", "association", "reason"}},
      {NoticeKind::kItemRejected,
       "item.rejected",
       false,
       {"name", "item", "association", "reason"}},
      {NoticeKind::kCertificateIssued, "certificate.issued", false, {"name", "number"}},
      {NoticeKind::kCertificateMailed, "certificate.mailed", false, {"name", "number"}},
      {NoticeKind::kCodeIssued, "code.issued", false, {"name", "association"}},
      {NoticeKind::kAffiliationProposed,
       "affiliation.proposed",
       false,
       {"name", "institution", "proposer"}},
      {NoticeKind::kAffiliationConfirmed, "affiliation.confirmed", false, {"name", "institution"}},
      {NoticeKind::kAccountChanged, "account.changed", false, {"name", "change_ja", "change_en"}},
      {NoticeKind::kReminderNearCompletion,
       "reminder.near_completion",
       true,
       {"name", "missing_ja", "missing_en"}},
      {NoticeKind::kReminderReturnedUnanswered,
       "reminder.returned_unanswered",
       true,
       {"name", "item", "days"}},
      {NoticeKind::kDigestReviewers,
       "digest.reviewers",
       true,
       {"name", "association", "waiting", "oldest_days", "older_than_14"}},
      {NoticeKind::kReminderGmisNo, "reminder.gmis_no", true, {"name", "institution"}},
  };
  return table;
}

const KindRow& RowOf(NoticeKind kind) {
  const auto& t = KindTable();
  auto it = std::find_if(t.begin(), t.end(), [kind](const KindRow& r) { return r.kind == kind; });
  return *it;  // every enumerator has a row (checked by notice_test)
}

constexpr std::array<std::pair<DeliveryState, std::string_view>, 5> kDeliveryNames = {{
    {DeliveryState::kInboxOnly, "inbox"},
    {DeliveryState::kPending, "pending"},
    {DeliveryState::kSending, "sending"},
    {DeliveryState::kSent, "sent"},
    {DeliveryState::kFailed, "failed"},
}};

}  // namespace

const std::vector<NoticeKind>& AllNoticeKinds() {
  static const std::vector<NoticeKind> kinds = [] {
    std::vector<NoticeKind> out;
    for (const auto& r : KindTable()) out.push_back(r.kind);
    return out;
  }();
  return kinds;
}

std::string_view NoticeKindName(NoticeKind kind) { return RowOf(kind).name; }

std::optional<NoticeKind> NoticeKindFromName(std::string_view name) {
  for (const auto& r : KindTable()) {
    if (r.name == name) return r.kind;
  }
  return std::nullopt;
}

bool IsReminder(NoticeKind kind) { return RowOf(kind).reminder; }

const std::vector<std::string_view>& NoticeFieldNames(NoticeKind kind) {
  return RowOf(kind).fields;
}

std::string EncodeNoticeFields(const NoticeFields& fields) {
  std::string out;
  for (const auto& [key, value] : fields) {
    if (!out.empty()) out += '&';
    out += util::PercentEncode(key);
    out += '=';
    out += util::PercentEncode(value);
  }
  return out;
}

NoticeFields DecodeNoticeFields(std::string_view text) {
  NoticeFields out;
  for (std::string_view pair : util::Split(text, '&')) {
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace_back(util::PercentDecode(pair.substr(0, eq)),
                     util::PercentDecode(pair.substr(eq + 1)));
  }
  return out;
}

std::string_view NoticeField(const NoticeFields& fields, std::string_view key) {
  for (const auto& [k, v] : fields) {
    if (k == key) return v;
  }
  return {};
}

std::string_view DeliveryStateName(DeliveryState state) {
  for (const auto& [s, name] : kDeliveryNames) {
    if (s == state) return name;
  }
  return "inbox";
}

std::optional<DeliveryState> DeliveryStateFromName(std::string_view name) {
  for (const auto& [s, n] : kDeliveryNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

int64_t RetryDelaySeconds(int attempts) {
  static constexpr std::array<int64_t, 7> kDelays = {60,       5 * 60,   15 * 60,  60 * 60,
                                                     3 * 3600, 6 * 3600, 12 * 3600};
  if (attempts < 1) return 0;
  size_t i = std::min(static_cast<size_t>(attempts - 1), kDelays.size() - 1);
  return kDelays[i];
}

Notice AfterAttempt(Notice notice, SendOutcome outcome, std::string_view error, int64_t now) {
  notice.attempts += 1;
  notice.lease_until = 0;
  notice.last_error = std::string(error);
  switch (outcome) {
    case SendOutcome::kSent:
      notice.delivery = DeliveryState::kSent;
      notice.sent_at = now;
      notice.last_error.clear();
      break;
    case SendOutcome::kPermanent:
      notice.delivery = DeliveryState::kFailed;
      break;
    case SendOutcome::kTransient:
      if (notice.attempts >= kMaxDeliveryAttempts) {
        notice.delivery = DeliveryState::kFailed;
      } else {
        notice.delivery = DeliveryState::kPending;
        notice.next_attempt_at = now + RetryDelaySeconds(notice.attempts);
      }
      break;
  }
  return notice;
}

}  // namespace kakari::core
