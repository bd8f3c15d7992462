#include "core/domain/half_units.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(HalfUnitsTest, ToStringShowsHalves) {
  EXPECT_EQ(HalfUnits::FromHalves(0).ToString(), "0");
  EXPECT_EQ(HalfUnits::FromHalves(1).ToString(), "0.5");
  EXPECT_EQ(HalfUnits::FromHalves(21).ToString(), "10.5");
  EXPECT_EQ(HalfUnits::FromUnits(10).ToString(), "10");
}

TEST(HalfUnitsTest, MinutesRoundDownToWholeHalfHours) {
  struct Case {
    int64_t minutes;
    int64_t halves;
  };
  for (auto c : {Case{0, 0}, Case{29, 0}, Case{30, 1}, Case{59, 1}, Case{60, 2}, Case{89, 2},
                 Case{90, 3}, Case{125, 4}}) {
    EXPECT_EQ(HalfUnits::FromMinutes(c.minutes).halves(), c.halves) << c.minutes;
  }
}

TEST(HalfUnitsTest, ParseAcceptsHalfSteps) {
  struct Case {
    const char* text;
    int64_t halves;
  };
  for (auto c : {Case{"0.5", 1}, Case{"1", 2}, Case{"1.0", 2}, Case{"2.50", 5}, Case{" 3 ", 6},
                 Case{"10.5", 21}}) {
    auto r = ParseUnits(c.text);
    ASSERT_TRUE(r.has_value()) << c.text;
    EXPECT_EQ(r->halves(), c.halves) << c.text;
  }
}

TEST(HalfUnitsTest, ParseRefusesOtherSteps) {
  for (auto text : {"0.3", "1.25", "-1", "", "abc", "1.", ".5", "1e2", "101"}) {
    auto r = ParseUnits(text);
    EXPECT_FALSE(r.has_value()) << text;
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace kakari::core
