// What notices cost a decision, on a real database (a copy of the national
// demo; it is changed):
//   notice_bench DB
// 1. 2,000 single decisions (approve, one transaction each) of submitted
//    activities, timed; and 2,000 notices queued on their own, each in a
//    write transaction as a decision's would be: the notice's share.
// 2. Bulk approval of 10,000 submitted activities in one call, as the HTTP
//    route makes it, and how many notices it queued.
// Prints one JSON object (bench/notice_bench.sh counts the notices).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "core/services/notice_service.hpp"
#include "core/services/staff_workflow.hpp"
#include "crypto/sodium_crypto.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using kakari::core::Id;

class Clock final : public kakari::core::Clock {
 public:
  int64_t NowUnixSeconds() const override { return 1796500000; }
};

double MsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double P99(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() * 99 / 100];
}

std::vector<std::pair<kakari::core::ReviewKind, Id>> Submitted(kakari::core::Store& store,
                                                               size_t n) {
  auto uow = *store.Begin(false);
  kakari::core::QueueFilter f;
  f.status = kakari::core::ReviewStatus::kSubmitted;
  f.kind = kakari::core::ReviewKind::kActivity;
  f.per_page = 200;
  std::vector<std::pair<kakari::core::ReviewKind, Id>> out;
  for (f.page = 1; out.size() < n; ++f.page) {
    auto page = *uow->Reviews().Queue(f);
    if (page.rows.empty()) break;
    for (const auto& r : page.rows) out.emplace_back(r.item.kind, r.item.id);
  }
  out.resize(std::min(out.size(), n));
  return out;
}

// The national demo gives accounts to a few doctors only: every doctor of
// `items` gets one, with an address, so that each decision queues a mail.
bool GiveAccounts(kakari::core::Store& store,
                  const std::vector<std::pair<kakari::core::ReviewKind, Id>>& items) {
  auto uow = *store.Begin(true);
  for (const auto& [kind, id] : items) {
    Id doctor_id = (**uow->Reviews().Find(kind, id)).doctor_id;
    if (uow->Users().FindByDoctor(doctor_id)->has_value()) continue;
    auto doctor = **uow->Doctors().FindById(doctor_id);
    if (doctor.email.empty()) {
      doctor.email = "dr" + doctor.registry_number + "@example.jp";
      if (!uow->Doctors().Update(doctor)) return false;
    }
    kakari::core::UserRecord u;
    u.login = "bench-" + doctor.registry_number;
    u.doctor_id = doctor_id;
    if (!uow->Users().Insert(u)) return false;
  }
  return uow->Commit().has_value();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: notice_bench DB\n");
    return 2;
  }
  auto store = kakari::storage::sqlite::SqliteStore::Open(argv[1]);
  if (!store) return 1;
  kakari::crypto::SodiumCrypto crypto;
  Clock clock;
  kakari::core::Deps deps{**store, crypto, clock};
  auto jma = kakari::core::CommandLineCaller();

  auto items = Submitted(**store, 12000);
  if (items.size() < 12000) {
    std::fprintf(stderr, "need 12,000 submitted activities, have %zu\n", items.size());
    return 1;
  }
  if (!GiveAccounts(**store, items)) return 1;
  std::vector<double> decide_ms;
  for (size_t i = 0; i < 2000; ++i) {
    auto t = std::chrono::steady_clock::now();
    auto r = kakari::core::Decide(deps, jma, items[i].first, items[i].second,
                                  {kakari::core::ReviewAction::kApprove, "", std::nullopt});
    decide_ms.push_back(MsSince(t));
    if (!r) return 1;
  }
  // The same doctors' notices again, each on its own in a write transaction.
  std::vector<Id> doctors;
  {
    auto uow = *(*store)->Begin(false);
    for (size_t i = 0; i < 2000; ++i) {
      doctors.push_back((**uow->Reviews().Find(items[i].first, items[i].second)).doctor_id);
    }
  }
  std::vector<double> notice_ms;
  for (Id doctor : doctors) {
    auto uow = *(*store)->Begin(true);
    auto t = std::chrono::steady_clock::now();
    auto q = kakari::core::QueueDoctorNotice(
        *uow, deps, doctor, kakari::core::NoticeKind::kItemApproved,
        {{"item", "実地研修：学校医"}, {"association", "x"}}, "/#/");
    notice_ms.push_back(MsSince(t));
    if (!q || !uow->Commit()) return 1;
  }
  std::vector<std::pair<kakari::core::ReviewKind, Id>> bulk(items.begin() + 2000,
                                                            items.begin() + 12000);
  auto t = std::chrono::steady_clock::now();
  auto outcome = kakari::core::BulkApprove(deps, jma, bulk);
  double bulk_s = MsSince(t) / 1000;
  if (!outcome) return 1;
  int64_t approved =
      std::count_if(outcome->begin(), outcome->end(), [](const auto& o) { return o.approved; });
  std::printf(
      "{\"decision_mean_ms\": %.3f, \"decision_p99_ms\": %.3f, \"notice_mean_ms\": %.3f, "
      "\"notice_p99_ms\": %.3f, \"bulk_items\": %zu, \"bulk_approved\": %lld, "
      "\"bulk_s\": %.2f}\n",
      Mean(decide_ms), P99(decide_ms), Mean(notice_ms), P99(notice_ms), bulk.size(),
      static_cast<long long>(approved), bulk_s);
  return 0;
}
