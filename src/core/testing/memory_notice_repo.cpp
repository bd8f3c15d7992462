// The in-memory notices: inbox and outbox over MemoryTables::notices.
#include <algorithm>

#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

bool Due(const Notice& n, int64_t now) {
  return (n.delivery == DeliveryState::kPending && n.next_attempt_at <= now) ||
         (n.delivery == DeliveryState::kSending && n.lease_until <= now);
}

class MemoryNoticeRepo final : public NoticeRepository {
 public:
  explicit MemoryNoticeRepo(MemoryTables& t) : t_(t) {}

  Result<Id> Insert(const Notice& n) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (!n.period.empty()) {
      for (const auto& [id, other] : t_.notices) {
        if (other.user_id == n.user_id && other.kind == n.kind && other.period == n.period) {
          return tl::unexpected(AlreadyRecorded());
        }
      }
    }
    if (!t_.users.contains(n.user_id)) {
      return Fail(ErrorCode::kNotFound, "利用者が見つかりません", "no such user");
    }
    return InsertWithNextId(t_.notices, n);
  }

  Result<bool> Given(Id user_id, NoticeKind kind, std::string_view period) override {
    if (period.empty()) return false;
    return std::any_of(t_.notices.begin(), t_.notices.end(), [&](const auto& e) {
      const Notice& n = e.second;
      return n.user_id == user_id && n.kind == kind && n.period == period;
    });
  }

  Result<std::optional<Notice>> Find(Id id) override { return FindRow(t_.notices, id); }

  Result<std::vector<Notice>> ForUser(Id user_id, int limit, int offset) override {
    std::vector<Notice> mine;
    for (const auto& [id, n] : t_.notices) {
      if (n.user_id == user_id) mine.push_back(n);
    }
    std::sort(mine.begin(), mine.end(), [](const Notice& a, const Notice& b) {
      if (a.read_at.has_value() != b.read_at.has_value()) return !a.read_at.has_value();
      return a.id > b.id;
    });
    size_t from = std::min(mine.size(), static_cast<size_t>(std::max(offset, 0)));
    size_t to = std::min(mine.size(), from + static_cast<size_t>(std::max(limit, 0)));
    return std::vector<Notice>(mine.begin() + static_cast<std::ptrdiff_t>(from),
                               mine.begin() + static_cast<std::ptrdiff_t>(to));
  }

  Result<int64_t> CountUnread(Id user_id) override {
    return static_cast<int64_t>(std::count_if(t_.notices.begin(), t_.notices.end(), [&](auto& e) {
      return e.second.user_id == user_id && !e.second.read_at;
    }));
  }

  Result<bool> MarkRead(Id user_id, Id id, int64_t now) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.notices.find(id);
    if (it == t_.notices.end() || it->second.user_id != user_id || it->second.read_at) {
      return false;
    }
    it->second.read_at = now;
    return true;
  }

  Result<std::vector<Notice>> ClaimDue(int64_t now, int64_t lease_until, int limit) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    std::vector<Notice> claimed;
    for (auto& [id, n] : t_.notices) {
      if (static_cast<int>(claimed.size()) >= limit) break;
      if (!Due(n, now)) continue;
      n.delivery = DeliveryState::kSending;
      n.lease_until = lease_until;
      claimed.push_back(n);
    }
    return claimed;
  }

  Status RecordAttempt(const Notice& n) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.notices.find(n.id);
    if (it == t_.notices.end())
      return Fail(ErrorCode::kNotFound, "お知らせがありません", "no notice");
    Notice& row = it->second;
    row.delivery = n.delivery;
    row.attempts = n.attempts;
    row.next_attempt_at = n.next_attempt_at;
    row.lease_until = n.lease_until;
    row.last_error = n.last_error;
    row.sent_at = n.sent_at;
    return {};
  }

  Result<std::vector<Notice>> Failed(int limit) override {
    std::vector<Notice> out;
    for (auto it = t_.notices.rbegin(); it != t_.notices.rend(); ++it) {
      if (static_cast<int>(out.size()) >= limit) break;
      if (it->second.delivery == DeliveryState::kFailed) out.push_back(it->second);
    }
    return out;
  }

  Result<bool> WantsReminders(Id user_id) override { return !t_.reminders_off.contains(user_id); }

  Status SetWantsReminders(Id user_id, bool wanted) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (wanted) {
      t_.reminders_off.erase(user_id);
    } else {
      t_.reminders_off.insert(user_id);
    }
    return {};
  }

 private:
  MemoryTables& t_;
};

}  // namespace

std::unique_ptr<NoticeRepository> MemoryNotices(MemoryTables& t) {
  return std::make_unique<MemoryNoticeRepo>(t);
}

}  // namespace kakari::core::testing
