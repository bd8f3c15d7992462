// Statistics and exports on a real database (the national demo):
//   stats_bench DB OUT_DIR
// 1. National statistics, five calls in one process: the first reads from
//    the operating system's cache, the others from SQLite's page cache, as a
//    running server does.
// 2. A prefecture's and a county's statistics (warm).
// 3. The completions export of every doctor (340,000 rows) as XLSX, CSV and
//    CP932 CSV, timed, with the process's peak memory after each.
// Prints one JSON object.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/services/export_service.hpp"
#include "core/services/statistics_service.hpp"
#include "crypto/sodium_crypto.hpp"
#include "io/table_sinks.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

class Clock final : public kakari::core::Clock {
 public:
  int64_t NowUnixSeconds() const override { return 1796500000; }  // 2026-12-06
};

double MsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double TimeStats(const kakari::core::Deps& deps, const std::string& area) {
  auto t = std::chrono::steady_clock::now();
  auto s =
      kakari::core::AreaStatistics(deps, kakari::core::CommandLineCaller(),
                                   area.empty() ? std::nullopt : std::optional(area), std::nullopt);
  if (!s) std::fprintf(stderr, "stats: %s\n", s.error().detail.c_str());
  return MsSince(t);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: stats_bench DB OUT_DIR\n");
    return 2;
  }
  auto store = kakari::storage::sqlite::SqliteStore::Open(argv[1]);
  if (!store) return 1;
  kakari::crypto::SodiumCrypto crypto;
  Clock clock;
  kakari::core::Deps deps{**store, crypto, clock};
  std::vector<double> national;
  for (int i = 0; i < 5; ++i) national.push_back(TimeStats(deps, ""));
  double prefecture = TimeStats(deps, "13");
  double county = TimeStats(deps, "13001");
  long rss_before_exports = PeakRssKb();
  std::printf("{\"national_ms\": [");
  for (size_t i = 0; i < national.size(); ++i) std::printf("%s%.1f", i ? ", " : "", national[i]);
  std::printf(
      "], \"prefecture_13_ms\": %.1f, \"county_13001_ms\": %.1f, "
      "\"peak_rss_kb_before_exports\": %ld",
      prefecture, county, rss_before_exports);
  for (const char* format : {"xlsx", "csv", "csv-cp932"}) {
    std::string path = std::string(argv[2]) + "/completions." + format;
    auto sink = kakari::io::OpenTableSink(*kakari::io::ParseExportFormat(format), path);
    if (!sink) return 1;
    kakari::core::ExportRequest r;
    r.kind = kakari::core::ExportKind::kCompletions;
    r.format = format;
    auto t = std::chrono::steady_clock::now();
    auto done = kakari::core::ExportTable(deps, kakari::core::CommandLineCaller(), r, **sink);
    sink->reset();
    double ms = MsSince(t);
    if (!done) std::fprintf(stderr, "export: %s\n", done.error().detail.c_str());
    std::printf(", \"export_%s\": {\"rows\": %lld, \"ms\": %.1f, \"peak_rss_kb\": %ld}", format,
                done ? static_cast<long long>(done->rows) : -1LL, ms, PeakRssKb());
  }
  std::printf("}\n");
  return 0;
}
