// Rules of sessions, login throttling, passwords and one-time codes, as pure
// functions of times in Unix seconds. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/domain/result.hpp"

namespace kakari::core {

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;        // ends after 30 idle minutes
  int64_t absolute_seconds = 12 * 3600;  // and 12 hours after login at the latest
  int64_t touch_interval_seconds = 60;   // last-seen is written at most once a minute
};

enum class SessionState { kActive, kIdleExpired, kExpired };

SessionState CheckSession(const SessionPolicy& p, int64_t created_at, int64_t last_seen_at,
                          int64_t now);

// Login throttling, per account and per address. After `slow_after`
// failures inside the window each answer is delayed, longer with each
// failure; after `refuse_after` the key is refused (kRateLimited) until the window
// since the last failure has passed. An address gets `address_factor` times
// the allowance, since many doctors may share a hospital's address.
struct ThrottlePolicy {
  int slow_after = 3;
  int refuse_after = 10;
  int64_t window_seconds = 15 * 60;
  int64_t step_ms = 400;
  int64_t max_delay_ms = 3000;
  int address_factor = 5;
};

struct ThrottleState {
  int failures = 0;
  int64_t last_failure_at = 0;
};

struct ThrottleDecision {
  bool refuse = false;
  int64_t delay_ms = 0;
  int64_t retry_after_seconds = 0;
};

// `is_address` selects the address allowance.
ThrottleDecision DecideThrottle(const ThrottlePolicy& p, const ThrottleState& s, int64_t now,
                                bool is_address);
ThrottleState RecordFailure(const ThrottlePolicy& p, ThrottleState s, int64_t now);
// The stricter of two decisions.
ThrottleDecision Stricter(const ThrottleDecision& a, const ThrottleDecision& b);

// One-time codes for first login and lost passwords: 12 characters from an
// alphabet without look-alikes, shown as XXXX-XXXX-XXXX; valid 30 days (they
// travel by post); single use.
constexpr int64_t kOneTimeCodeLifetimeSeconds = 30 * 24 * 3600;
std::string FormatOneTimeCode(std::string_view random_bytes);
// Upper-cases, drops hyphens and spaces, accepts full-width input.
std::string NormalizeOneTimeCode(std::string_view typed);

// "2026-11-21T03:04:05Z" for Unix seconds.
std::string FormatUtcIso(int64_t unix_seconds);

}  // namespace kakari::core
