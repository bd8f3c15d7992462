#include "core/domain/half_units.hpp"

#include "util/strings.hpp"

namespace kakari::core {

std::string HalfUnits::ToString() const {
  std::string whole = std::to_string(halves_ / 2);
  if (halves_ % 2 == 0) return whole;
  if (halves_ < 0 && halves_ / 2 == 0) whole = "-0";
  return whole + ".5";
}

namespace {
Result<HalfUnits> BadUnits(std::string_view text) {
  std::string t(text);
  return Fail(ErrorCode::kInvalidArgument, "単位数「" + t + "」は0.5単位刻みの数で入力してください",
              "units \"" + t + "\" must be a number in steps of 0.5", "units");
}
}  // namespace

Result<HalfUnits> ParseUnits(std::string_view text, int64_t max_units) {
  std::string_view s = util::Trim(text);
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (!util::IsAsciiDigits(whole) || whole.size() > 6) return BadUnits(text);
  if (dot != std::string_view::npos && !util::IsAsciiDigits(frac)) return BadUnits(text);
  int64_t halves = std::stoll(std::string(whole)) * 2;
  // Allow trailing zeros: "2.50" is 2.5, "2.00" is 2.
  while (frac.size() > 1 && frac.back() == '0') frac.remove_suffix(1);
  if (frac == "5") {
    halves += 1;
  } else if (!frac.empty() && frac != "0") {
    return BadUnits(text);
  }
  if (halves > max_units * 2) {
    std::string t(text);
    return Fail(ErrorCode::kInvalidArgument,
                "単位数「" + t + "」が大きすぎます（上限" + std::to_string(max_units) + "単位）",
                "units \"" + t + "\" exceed the maximum of " + std::to_string(max_units), "units");
  }
  return HalfUnits::FromHalves(halves);
}

}  // namespace kakari::core
