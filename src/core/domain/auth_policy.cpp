#include "core/domain/auth_policy.hpp"

#include <algorithm>
#include <cstdio>

#include "core/domain/date.hpp"
#include "core/domain/text.hpp"

namespace kakari::core {

namespace {
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // no 0 O 1 I
}

SessionState CheckSession(const SessionPolicy& p, int64_t created_at, int64_t last_seen_at,
                          int64_t now) {
  if (now - created_at >= p.absolute_seconds) return SessionState::kExpired;
  if (now - last_seen_at >= p.idle_seconds) return SessionState::kIdleExpired;
  return SessionState::kActive;
}

ThrottleDecision DecideThrottle(const ThrottlePolicy& p, const ThrottleState& s, int64_t now,
                                bool is_address) {
  ThrottleDecision d;
  if (s.failures == 0 || now - s.last_failure_at >= p.window_seconds) return d;
  int factor = is_address ? p.address_factor : 1;
  if (s.failures >= p.refuse_after * factor) {
    d.refuse = true;
    d.retry_after_seconds = std::max<int64_t>(1, s.last_failure_at + p.window_seconds - now);
    return d;
  }
  int over = s.failures - p.slow_after * factor;
  if (over >= 0) d.delay_ms = std::min(p.max_delay_ms, p.step_ms * (over + 1));
  return d;
}

ThrottleState RecordFailure(const ThrottlePolicy& p, ThrottleState s, int64_t now) {
  if (s.failures > 0 && now - s.last_failure_at >= p.window_seconds) s.failures = 0;
  ++s.failures;
  s.last_failure_at = now;
  return s;
}

ThrottleDecision Stricter(const ThrottleDecision& a, const ThrottleDecision& b) {
  if (a.refuse != b.refuse) return a.refuse ? a : b;
  ThrottleDecision d = a;
  d.delay_ms = std::max(a.delay_ms, b.delay_ms);
  d.retry_after_seconds = std::max(a.retry_after_seconds, b.retry_after_seconds);
  return d;
}

std::string FormatOneTimeCode(std::string_view random_bytes) {
  std::string out;
  for (size_t i = 0; i < 12 && i < random_bytes.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kCodeAlphabet[static_cast<unsigned char>(random_bytes[i]) % kCodeAlphabet.size()];
  }
  return out;
}

std::string NormalizeOneTimeCode(std::string_view typed) {
  std::string out;
  for (char c : NormalizeNfkc(typed)) {
    if (c == '-' || c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string FormatUtcIso(int64_t unix_seconds) {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  int64_t rest = unix_seconds - days * 86400;
  Date d = Date::FromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.ToIso().c_str(),
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buf;
}

}  // namespace kakari::core
