// Times the G-MIS answer and coverage on a real database (the national demo):
//   gmis_bench DB [ROUNDS]
// prints the median time of the whole country's coverage and of one
// prefecture's, and the mean and p99 of one institution's answer over 2,000
// institutions picked at random, plus the answer of the institution with
// the most affiliations (the largest hospital).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "core/services/gmis_service.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

double MsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Coverage of `area` `rounds` times; the median in ms and the last result.
double TimeCoverage(kakari::core::Store& store, const char* area, const kakari::core::Date& day,
                    int rounds, kakari::core::Coverage& out) {
  std::vector<double> ms;
  for (int i = 0; i < rounds; ++i) {
    auto uow = *store.Begin(false);
    auto t = std::chrono::steady_clock::now();
    auto c = kakari::core::CoverageOn(*uow, area, day);
    ms.push_back(MsSince(t));
    if (!c) std::exit(1);
    out = std::move(*c);
  }
  return Median(ms);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gmis_bench DB [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  auto store = kakari::storage::sqlite::SqliteStore::Open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message_en.c_str());
    return 1;
  }
  const kakari::core::Date day{2027, 1, 15};
  kakari::core::Coverage nation, tokyo;
  double nation_ms = TimeCoverage(**store, "", day, rounds, nation);
  double tokyo_ms = TimeCoverage(**store, "13", day, rounds, tokyo);

  auto uow = *(*store)->Begin(false);
  auto index = *uow->Institutions().CodeIndex();
  std::vector<std::string> codes;
  for (const auto& [code, id] : index) codes.push_back(code);
  std::sort(codes.begin(), codes.end());
  std::mt19937 rng(11);
  std::vector<double> ms;
  size_t most = 0;
  std::string largest;
  for (int i = 0; i < 2200; ++i) {
    const auto& code = codes[rng() % codes.size()];
    auto inst = **uow->Institutions().FindByCode(code);
    auto t = std::chrono::steady_clock::now();
    auto a = kakari::core::AnswerOn(*uow, inst, day);
    double took = MsSince(t);
    if (!a) return 1;
    if (i >= 200) ms.push_back(took);  // the first 200 warm the cache
    size_t n = a->completed.size() + a->short_of.size();
    if (n > most) most = n, largest = code;
  }
  std::sort(ms.begin(), ms.end());
  double mean = 0;
  for (double m : ms) mean += m;
  mean /= static_cast<double>(ms.size());
  auto big = **uow->Institutions().FindByCode(largest);
  auto t = std::chrono::steady_clock::now();
  auto a = kakari::core::AnswerOn(*uow, big, day);
  double big_ms = MsSince(t);
  if (!a) return 1;
  // Real hospitals are far larger than the demo's: give one 500 confirmed
  // doctors inside a transaction that is rolled back, and time its answer.
  uow.reset();
  double hospital_ms = 0;
  {
    auto w = *(*store)->Begin(true);
    auto ids = *w->Doctors().AllIds();
    for (int i = 0; i < 500; ++i) {
      kakari::core::Affiliation aff;
      aff.doctor_id = ids[(static_cast<size_t>(i) * 677) % ids.size()];
      aff.institution_id = big.id;
      aff.started_on = kakari::core::Date{2001, 1, 1};
      (void)w->Institutions().AddAffiliation(aff);
    }
    std::vector<double> runs;
    for (int i = 0; i < 20; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      auto r = kakari::core::AnswerOn(*w, big, day);
      runs.push_back(MsSince(t0));
      if (!r || r->completed.size() + r->short_of.size() < 500) return 1;
    }
    hospital_ms = Median(runs);
  }  // rolled back
  std::printf(
      "{\"institutions\": %zu, \"reportable\": %lld, \"covered\": %lld, "
      "\"nation_coverage_median_ms\": %.1f, \"tokyo_reportable\": %lld, "
      "\"tokyo_coverage_median_ms\": %.1f, \"answer_mean_ms\": %.3f, "
      "\"answer_p99_ms\": %.3f, \"largest_doctors\": %zu, \"largest_answer_ms\": %.3f, "
      "\"hospital_500_doctors_answer_ms\": %.2f}\n",
      codes.size(), static_cast<long long>(nation.reportable),
      static_cast<long long>(nation.covered), nation_ms, static_cast<long long>(tokyo.reportable),
      tokyo_ms, mean, ms[ms.size() * 99 / 100], most, big_ms, hospital_ms);
  return 0;
}
