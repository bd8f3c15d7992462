#include "core/services/reminder_service.hpp"

#include <map>
#include <optional>

#include "core/domain/reminders.hpp"
#include "core/services/decision_notices.hpp"
#include "core/services/gmis_service.hpp"
#include "core/services/progress_service.hpp"

namespace kakari::core {

namespace {

// Writers queue behind one lock (SQLite's, or the PostgreSQL store's
// advisory writer lock), and every page view's audit record is a write. So a
// run first finds, in read transactions that wait for nobody, who still
// needs a notice (most candidates have no account, have applied or were
// reminded this period already), and then writes only those, a few per
// transaction: a decision or a page view made meanwhile waits at most one
// short batch. (A national sweep that read each of 340,000 doctors inside
// write transactions held the lock for minutes, and the queue page fell to
// 8 requests a second on PostgreSQL.) The write step checks again: what was
// read may have changed.
constexpr size_t kPerRead = 500;
constexpr size_t kPerWrite = 50;

// The items `needs` (given a read-only unit of work) keeps.
// Both stop between batches once `stop` is requested (a server shutting
// down): a run is safe to cut short, the next one gives what this did not.
template <class Item, class Fn>
Result<std::vector<Item>> StillNeeding(const Deps& deps, const std::stop_token& stop,
                                       std::vector<Item> items, Fn needs) {
  std::vector<Item> kept;
  for (size_t from = 0; from < items.size() && !stop.stop_requested(); from += kPerRead) {
    KAKARI_TRY(uow, deps.store.Begin(false));
    size_t to = std::min(items.size(), from + kPerRead);
    for (size_t i = from; i < to; ++i) {
      KAKARI_TRY(needed, needs(*uow, items[i]));
      if (needed) kept.push_back(std::move(items[i]));
    }
  }
  return kept;
}

template <class Item, class Fn>
Result<int> InBatches(const Deps& deps, const std::stop_token& stop, const std::vector<Item>& items,
                      Fn give) {
  int queued = 0;
  for (size_t from = 0; from < items.size() && !stop.stop_requested(); from += kPerWrite) {
    KAKARI_TRY(uow, deps.store.Begin(true));
    size_t to = std::min(items.size(), from + kPerWrite);
    for (size_t i = from; i < to; ++i) {
      KAKARI_TRY(given, give(*uow, items[i]));
      queued += given ? 1 : 0;
    }
    KAKARI_RETURN_IF_ERROR(uow->Commit());
  }
  return queued;
}

Result<bool> HasApplied(UnitOfWork& uow, Id doctor_id) {
  KAKARI_TRY(items, uow.Reviews().ListForDoctor(doctor_id));
  for (const ReviewItem& item : items) {
    if (item.kind == ReviewKind::kApplication && item.status != ReviewStatus::kWithdrawn &&
        item.status != ReviewStatus::kRejected) {
      return true;
    }
  }
  return false;
}

// Whether `user` can still be given a `kind` notice for `period`.
Result<bool> Awaits(UnitOfWork& uow, const std::optional<UserRecord>& user, NoticeKind kind,
                    const std::string& period) {
  if (!user || user->disabled) return false;
  KAKARI_TRY(given, uow.Notices().Given(user->id, kind, period));
  if (given) return false;
  return uow.Notices().WantsReminders(user->id);
}

Result<bool> DoctorAwaits(UnitOfWork& uow, Id doctor_id, NoticeKind kind,
                          const std::string& period) {
  KAKARI_TRY(user, uow.Users().FindByDoctor(doctor_id));
  return Awaits(uow, user, kind, period);
}

Result<int> NearCompletion(const Deps& deps, const Caller& caller, const Date& day,
                           const std::stop_token& stop) {
  std::vector<std::pair<Id, ReminderWords>> close;
  auto summary = SummariseAll(deps, caller, [&](Id id, const Eligibility& e) {
    if (auto words = NearCompletionWords(e)) close.emplace_back(id, std::move(*words));
  });
  KAKARI_RETURN_IF_ERROR(summary);
  std::string period = MonthPeriod(day);
  constexpr NoticeKind kKind = NoticeKind::kReminderNearCompletion;
  auto needs = [&](UnitOfWork& uow, const auto& c) -> Result<bool> {
    KAKARI_TRY(awaits, DoctorAwaits(uow, c.first, kKind, period));
    if (!awaits) return false;
    KAKARI_TRY(applied, HasApplied(uow, c.first));
    return !applied;
  };
  KAKARI_TRY(waiting, StillNeeding(deps, stop, std::move(close), needs));
  return InBatches(deps, stop, waiting, [&](UnitOfWork& uow, const auto& c) -> Result<bool> {
    KAKARI_TRY(applied, HasApplied(uow, c.first));
    if (applied) return false;
    return QueueDoctorNotice(uow, deps, c.first, NoticeKind::kReminderNearCompletion,
                             {{"missing_ja", c.second.ja}, {"missing_en", c.second.en}}, "/#/",
                             period);
  });
}

// Every item in `status`, across the registry, page by page.
Result<std::vector<ReviewItem>> ItemsIn(UnitOfWork& uow, ReviewStatus status) {
  std::vector<ReviewItem> out;
  QueueFilter f;
  f.status = status;
  f.per_page = 200;
  for (f.page = 1;; ++f.page) {
    KAKARI_TRY(page, uow.Reviews().Queue(f));
    for (const QueueRow& row : page.rows) out.push_back(row.item);
    if (page.rows.empty() || static_cast<int64_t>(out.size()) >= page.total) break;
  }
  return out;
}

// A returned item left unanswered long enough: how long, and the period its
// reminder is given once in (the item and the day it was returned).
struct Unanswered {
  int64_t days = 0;
  std::string period;
};

Result<std::optional<Unanswered>> UnansweredSince(UnitOfWork& uow, const ReviewItem& item,
                                                  const Date& day) {
  KAKARI_TRY(history, uow.Reviews().History(item.kind, item.id));
  if (history.empty()) return std::optional<Unanswered>();
  const std::string& at = history.back().at;
  auto returned_on = ParseWesternDate(std::string_view(at).substr(0, 10));
  if (!returned_on) return std::optional<Unanswered>();
  int64_t days = day.ToDays() - returned_on->ToDays();
  if (days < kUnansweredReturnDays) return std::optional<Unanswered>();
  return Unanswered{days, std::string(ReviewKindName(item.kind)) + ":" + std::to_string(item.id) +
                              ":" + at.substr(0, 10)};
}

Result<int> ReturnedUnanswered(const Deps& deps, const Date& day, const std::stop_token& stop) {
  constexpr NoticeKind kKind = NoticeKind::kReminderReturnedUnanswered;
  std::vector<ReviewItem> returned;
  {
    KAKARI_TRY(reader, deps.store.Begin(false));
    KAKARI_TRY(items, ItemsIn(*reader, ReviewStatus::kReturned));
    returned = std::move(items);
  }
  auto needs = [&](UnitOfWork& uow, const ReviewItem& item) -> Result<bool> {
    KAKARI_TRY(left, UnansweredSince(uow, item, day));
    if (!left) return false;
    return DoctorAwaits(uow, item.doctor_id, kKind, left->period);
  };
  KAKARI_TRY(waiting, StillNeeding(deps, stop, std::move(returned), needs));
  return InBatches(
      deps, stop, waiting, [&](UnitOfWork& uow, const ReviewItem& item) -> Result<bool> {
        KAKARI_TRY(left, UnansweredSince(uow, item, day));
        if (!left) return false;
        KAKARI_TRY(what, DescribeItem(uow, item.kind, item.id));
        std::string link =
            std::string("/#/items/") + ReviewKindName(item.kind) + "/" + std::to_string(item.id);
        return QueueDoctorNotice(uow, deps, item.doctor_id, kKind,
                                 {{"item", what}, {"days", std::to_string(left->days)}}, link,
                                 left->period);
      });
}

struct AreaQueue {
  int64_t waiting = 0;
  int64_t oldest_days = 0;
  int64_t older_than_14 = 0;
};

Result<AreaQueue> WaitingIn(UnitOfWork& uow, const std::string& prefix, const Date& day) {
  QueueFilter f;
  f.status = ReviewStatus::kSubmitted;
  f.association_prefix = prefix;
  f.per_page = 1;
  KAKARI_TRY(all, uow.Reviews().Queue(f));
  AreaQueue q;
  q.waiting = all.total;
  if (all.rows.empty()) return q;
  auto oldest = ParseWesternDate(std::string_view(all.rows[0].item.submitted_at).substr(0, 10));
  if (oldest) q.oldest_days = day.ToDays() - oldest->ToDays();
  f.submitted_to = Date::FromDays(day.ToDays() - kUnansweredReturnDays - 1).ToIso();
  KAKARI_TRY(old, uow.Reviews().Queue(f));
  q.older_than_14 = old.total;
  return q;
}

Result<int> ReviewerDigests(const Deps& deps, const Date& day, const std::stop_token& stop) {
  std::vector<UserRecord> staff;
  {
    KAKARI_TRY(reader, deps.store.Begin(false));
    KAKARI_TRY(all, reader->Users().ListStaff(""));
    staff = std::move(all);
  }
  // Each area's queue as read (a digest is a snapshot of it).
  std::map<std::string, AreaQueue> by_area;
  auto area_of = [](const UserRecord& u) {
    return u.role == Role::kJmaAdmin ? std::string() : u.organisation_code;
  };
  std::string period = WeekPeriod(day);
  auto needs = [&](UnitOfWork& uow, const UserRecord& u) -> Result<bool> {
    if (!u.organisation_id) return false;
    std::string prefix = area_of(u);
    if (!by_area.contains(prefix)) {
      KAKARI_TRY(q, WaitingIn(uow, prefix, day));
      by_area[prefix] = q;
    }
    if (by_area[prefix].waiting == 0) return false;
    return Awaits(uow, u, NoticeKind::kDigestReviewers, period);
  };
  KAKARI_TRY(waiting, StillNeeding(deps, stop, std::move(staff), needs));
  return InBatches(deps, stop, waiting, [&](UnitOfWork& uow, const UserRecord& u) -> Result<bool> {
    const AreaQueue& q = by_area[area_of(u)];
    KAKARI_TRY(org, uow.Organisations().FindById(*u.organisation_id));
    return QueueNotice(uow, deps, u.id, NoticeKind::kDigestReviewers,
                       {{"association", org ? org->name_ja : u.organisation_code},
                        {"waiting", std::to_string(q.waiting)},
                        {"oldest_days", std::to_string(q.oldest_days)},
                        {"older_than_14", std::to_string(q.older_than_14)}},
                       "/#/", period);
  });
}

Result<int> GmisNo(const Deps& deps, const Date& day, const std::stop_token& stop) {
  std::vector<UncoveredSite> without;
  {
    KAKARI_TRY(reader, deps.store.Begin(false));
    KAKARI_TRY(coverage, CoverageOn(*reader, "", day));
    without = std::move(coverage.without);
  }
  std::string period = MonthPeriod(day);
  auto needs = [&](UnitOfWork& uow, const UncoveredSite& site) -> Result<bool> {
    KAKARI_TRY(inst, uow.Institutions().FindByCode(site.code));
    if (!inst) return false;
    KAKARI_TRY(users, uow.Users().OfInstitution(inst->id));
    for (const UserRecord& u : users) {
      KAKARI_TRY(awaits, Awaits(uow, u, NoticeKind::kReminderGmisNo, period));
      if (awaits) return true;
    }
    return false;
  };
  KAKARI_TRY(waiting, StillNeeding(deps, stop, std::move(without), needs));
  return InBatches(deps, stop, waiting,
                   [&](UnitOfWork& uow, const UncoveredSite& site) -> Result<bool> {
                     KAKARI_TRY(inst, uow.Institutions().FindByCode(site.code));
                     if (!inst) return false;
                     KAKARI_TRY(users, uow.Users().OfInstitution(inst->id));
                     bool any = false;
                     for (const UserRecord& u : users) {
                       KAKARI_TRY(given, QueueNotice(uow, deps, u.id, NoticeKind::kReminderGmisNo,
                                                     {{"institution", site.name}}, "/#/", period));
                       any = any || given;
                     }
                     return any;
                   });
}

}  // namespace

Result<ReminderRun> RunReminders(const Deps& deps, const Caller& caller, const Date& day,
                                 std::stop_token stop) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  ReminderRun run;
  if (IsCompletionReminderMonth(day)) {
    KAKARI_TRY(n, NearCompletion(deps, caller, day, stop));
    run.near_completion = n;
  }
  KAKARI_TRY(returned, ReturnedUnanswered(deps, day, stop));
  run.returned_unanswered = returned;
  KAKARI_TRY(digests, ReviewerDigests(deps, day, stop));
  run.digests = digests;
  if (IsGmisReminderMonth(day)) {
    KAKARI_TRY(gmis, GmisNo(deps, day, stop));
    run.gmis_no = gmis;
  }
  run.interrupted = stop.stop_requested();
  return run;
}

}  // namespace kakari::core
