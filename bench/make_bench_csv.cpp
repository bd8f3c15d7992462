// Writes the benchmark inputs: a doctors roster and a lecture-credits file of
// N rows, UTF-8, as an association would export them. Deterministic.
//   make_bench_csv DOCTORS_CSV CREDITS_CSV DOCTORS CREDITS [DISTINCT_PERCENT]
// DISTINCT_PERCENT of the credit rows (default 0) name a lecture title that
// no other row names, as a file of one-off local lectures would.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "core/domain/prefectures.hpp"
#include "demo/demo_names.hpp"

int main(int argc, char** argv) {
  if (argc != 5 && argc != 6) {
    std::fprintf(stderr,
                 "usage: make_bench_csv DOCTORS_CSV CREDITS_CSV DOCTORS CREDITS "
                 "[DISTINCT_PERCENT]\n");
    return 2;
  }
  long doctors = std::atol(argv[3]);
  long credits = std::atol(argv[4]);
  long distinct_percent = argc == 6 ? std::atol(argv[5]) : 0;
  std::mt19937_64 rng(42);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  namespace demo = kakari::demo;

  FILE* d = std::fopen(argv[1], "w");
  std::fprintf(d, "registry_number,name,kana,birth_date,association_code\n");
  for (long i = 0; i < doctors; ++i) {
    const auto& s = demo::Surnames()[pick(demo::Surnames().size())];
    const auto& g = demo::GivenNames()[pick(demo::GivenNames().size())];
    std::fprintf(d, "%ld,%s　%s,%s　%s,%d-%02d-%02d,%02zu\n", 300001 + i,
                 std::string(s.kanji).c_str(), std::string(g.kanji).c_str(),
                 std::string(s.kana).c_str(), std::string(g.kana).c_str(),
                 1945 + static_cast<int>(pick(50)), 1 + static_cast<int>(pick(12)),
                 1 + static_cast<int>(pick(28)), 1 + pick(47));
  }
  std::fclose(d);

  FILE* c = std::fopen(argv[2], "w");
  std::fprintf(c, "registry_number,date,units,curriculum_code,title,organizer\n");
  static const char* kUnits[] = {"0.5", "1", "1", "1", "1.5", "2", "3"};
  const auto& prefs = kakari::core::Prefectures();
  for (long i = 0; i < credits; ++i) {
    long doctor = 300001 + static_cast<long>(pick(static_cast<size_t>(doctors)));
    auto title = demo::LectureTitles()[pick(demo::LectureTitles().size())];
    const auto& pref = prefs[pick(47)];
    // A one-off lecture is numbered by its row: no other row names it.
    // (With none asked for, the random sequence is the one earlier runs used.)
    bool one_off = distinct_percent > 0 && static_cast<long>(pick(100)) < distinct_percent;
    size_t one_off_session = one_off ? 1000 + static_cast<size_t>(i) : 0;
    std::fprintf(c, "%ld,%d-%02d-%02d,%s,%zu,%s 第%zu回,%s医師会\n", doctor,
                 2021 + static_cast<int>(pick(5)), 1 + static_cast<int>(pick(12)),
                 1 + static_cast<int>(pick(28)), kUnits[pick(7)], pick(85),
                 std::string(title).c_str(), one_off ? one_off_session : 1 + pick(40),
                 std::string(pref.name_ja).c_str());
  }
  std::fclose(c);
  return 0;
}
