// Demo data: a realistic synthetic registry for trying Kakari and for
// benchmarks. Deterministic for a given seed. Writes through the ports only.
// Not thread-safe: one generator per call, run by one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/import_report.hpp"
#include "core/ports/store.hpp"

namespace kakari::demo {

struct DemoScale {
  int counties_per_prefecture;
  int64_t doctors;
  int64_t institutions;
  int mean_credits_per_doctor;
};

DemoScale SmallDemo();     // ~2,000 doctors, fast enough for every test run
DemoScale NationalDemo();  // ~340,000 doctors, 110,000 institutions, >10M credits

// A doctor the demo always creates, with a known record, for trying the app.
struct ShowcaseDoctor {
  std::string registry_number;
  std::string name;
  std::string what;  // e.g. "complete: 1 activity + 6.5 lecture units"
};

struct DemoResult {
  int64_t doctors = 0;
  int64_t institutions = 0;
  int64_t credits = 0;
  int64_t activities = 0;
  int64_t applications = 0;
  std::vector<ShowcaseDoctor> showcase;
};

// REQUIRES: the registry is seeded (SeedRegistry) and holds no doctors yet.
[[nodiscard]] core::Result<DemoResult> GenerateDemo(core::Store& store, const DemoScale& scale,
                                                    const core::Date& today,
                                                    uint64_t seed = 20250401,
                                                    const core::ProgressFn& progress = {});

}  // namespace kakari::demo
