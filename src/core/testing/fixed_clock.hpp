// FixedClock: a clock that says what the test tells it, for services under
// test (expiry, throttling windows, "today" in Japan). Test-only.
// Not thread-safe: set it before sharing it, or from one thread.
#pragma once

#include <cstdint>

#include "core/ports/system.hpp"

namespace kakari::core::testing {

class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t now_unix_seconds) : now_(now_unix_seconds) {}
  int64_t NowUnixSeconds() const override { return now_; }
  void Set(int64_t now_unix_seconds) { now_ = now_unix_seconds; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

}  // namespace kakari::core::testing
