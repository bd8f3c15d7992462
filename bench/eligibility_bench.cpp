// Times eligibility on a real database (the national demo):
//   eligibility_bench DB [ROUNDS]
// prints the median time for every doctor at once, and the mean time of one
// doctor's progress (MyProgress, the doctor's own road: session lookup of
// the doctor, totals, evaluation) over 10,000 doctors picked at random.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "core/services/doctor_workflow.hpp"
#include "core/services/progress_service.hpp"
#include "core/testing/deterministic_crypto.hpp"
#include "core/testing/fixed_clock.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {
double MsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: eligibility_bench DB [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  auto store = kakari::storage::sqlite::SqliteStore::Open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message_en.c_str());
    return 1;
  }
  // Neither road below hashes or reads the time of day: fakes suffice.
  kakari::core::testing::DeterministicCrypto crypto;
  kakari::core::testing::FixedClock clock(1780272000);
  kakari::core::Deps deps{**store, crypto, clock};
  auto jma = kakari::core::CommandLineCaller();
  std::vector<double> all_ms;
  int64_t doctors = 0, complete = 0;
  for (int i = 0; i < rounds; ++i) {
    auto t = std::chrono::steady_clock::now();
    auto s = kakari::core::SummariseAll(deps, jma);
    all_ms.push_back(MsSince(t));
    if (!s) return 1;
    doctors = s->doctors;
    complete = s->complete;
  }
  std::sort(all_ms.begin(), all_ms.end());

  std::vector<kakari::core::Caller> doctors_callers;
  {
    auto uow = *(*store)->Begin(false);
    auto index = uow->Doctors().RegistryIndex();  // kept alive for the loop
    if (!index) return 1;
    for (const auto& [reg, id] : *index) {
      kakari::core::Caller c;
      c.principal.role = kakari::core::Role::kDoctor;
      c.principal.doctor_id = id;
      doctors_callers.push_back(c);
    }
  }
  std::mt19937 rng(7);
  const int kLookups = 10000;
  for (int i = 0; i < 1000; ++i)
    (void)kakari::core::MyProgress(deps, doctors_callers[rng() % doctors_callers.size()]);
  auto t = std::chrono::steady_clock::now();
  for (int i = 0; i < kLookups; ++i) {
    auto p = kakari::core::MyProgress(deps, doctors_callers[rng() % doctors_callers.size()]);
    if (!p) return 1;
  }
  double one_us = MsSince(t) * 1000.0 / kLookups;
  std::printf(
      "{\"doctors\": %lld, \"complete\": %lld, \"all_doctors_median_ms\": %.1f, "
      "\"all_doctors_min_ms\": %.1f, \"one_doctor_mean_us\": %.1f}\n",
      static_cast<long long>(doctors), static_cast<long long>(complete), all_ms[all_ms.size() / 2],
      all_ms.front(), one_us);
  return 0;
}
