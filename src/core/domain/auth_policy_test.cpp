#include "core/domain/auth_policy.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(SessionPolicy, IdleAndAbsoluteExpiry) {
  SessionPolicy p;
  const int64_t t0 = 1'800'000'000;
  EXPECT_EQ(CheckSession(p, t0, t0, t0 + 60), SessionState::kActive);
  EXPECT_EQ(CheckSession(p, t0, t0, t0 + 30 * 60 - 1), SessionState::kActive);
  EXPECT_EQ(CheckSession(p, t0, t0, t0 + 30 * 60), SessionState::kIdleExpired);
  // Kept busy, it still ends after 12 hours.
  EXPECT_EQ(CheckSession(p, t0, t0 + 12 * 3600 - 5, t0 + 12 * 3600), SessionState::kExpired);
}

TEST(Throttle, SlowsDownThenRefusesThenForgets) {
  ThrottlePolicy p;
  ThrottleState s;
  const int64_t t = 1'800'000'000;
  struct Step {
    int failures;
    int64_t delay_ms;
    bool refuse;
  };
  const Step steps[] = {{1, 0, false},    {2, 0, false},    {3, 400, false}, {4, 800, false},
                        {6, 1600, false}, {9, 2800, false}, {10, 0, true}};
  for (const auto& st : steps) {
    while (s.failures < st.failures) s = RecordFailure(p, s, t);
    auto d = DecideThrottle(p, s, t + 1, false);
    EXPECT_EQ(d.delay_ms, st.delay_ms) << st.failures;
    EXPECT_EQ(d.refuse, st.refuse) << st.failures;
  }
  EXPECT_EQ(DecideThrottle(p, s, t + 1, false).retry_after_seconds, 15 * 60 - 1);
  // An address allows five times as much before it is refused.
  EXPECT_FALSE(DecideThrottle(p, s, t + 1, true).refuse);
  // After the window, the count starts again.
  EXPECT_FALSE(DecideThrottle(p, s, t + 15 * 60, false).refuse);
  EXPECT_EQ(RecordFailure(p, s, t + 15 * 60).failures, 1);
}

TEST(Throttle, StricterPrefersRefusal) {
  ThrottleDecision slow{false, 800, 0};
  ThrottleDecision refuse{true, 0, 60};
  EXPECT_TRUE(Stricter(slow, refuse).refuse);
  EXPECT_EQ(Stricter(slow, ThrottleDecision{false, 400, 0}).delay_ms, 800);
}

TEST(OneTimeCode, FormatsAndNormalises) {
  std::string bytes(12, '\0');
  for (int i = 0; i < 12; ++i) bytes[i] = static_cast<char>(i * 7);
  std::string code = FormatOneTimeCode(bytes);
  ASSERT_EQ(code.size(), 14u);
  EXPECT_EQ(code[4], '-');
  EXPECT_EQ(code.find_first_of("01OI"), std::string::npos);
  EXPECT_EQ(NormalizeOneTimeCode("ｋ７ｑ２－mx9p 4hrt"), "K7Q2MX9P4HRT");
}

TEST(Time, FormatsUtcIso) {
  EXPECT_EQ(FormatUtcIso(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtcIso(1'795'000'000), "2026-11-18T11:06:40Z");
}

}  // namespace
}  // namespace kakari::core
