// HalfUnits: training units counted in integer halves (0.5 unit = 1), so that
// sums are exact. Never use floating point for units. Thread-safe value type.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/domain/result.hpp"

namespace kakari::core {

class HalfUnits {
 public:
  constexpr HalfUnits() = default;
  static constexpr HalfUnits FromHalves(int64_t halves) { return HalfUnits(halves); }
  static constexpr HalfUnits FromUnits(int64_t units) { return HalfUnits(units * 2); }
  // Whole 30-minute steps: 89 minutes -> 1 (0.5 unit); 90 -> 3 (1.5 units).
  static constexpr HalfUnits FromMinutes(int64_t minutes) { return HalfUnits(minutes / 30); }

  constexpr int64_t halves() const { return halves_; }
  // "2.5", "10", "0.5" — the form shown to people and used in JSON.
  std::string ToString() const;

  constexpr HalfUnits operator+(HalfUnits o) const { return HalfUnits(halves_ + o.halves_); }
  constexpr HalfUnits operator-(HalfUnits o) const { return HalfUnits(halves_ - o.halves_); }
  constexpr HalfUnits operator*(int64_t n) const { return HalfUnits(halves_ * n); }
  constexpr HalfUnits& operator+=(HalfUnits o) {
    halves_ += o.halves_;
    return *this;
  }
  constexpr auto operator<=>(const HalfUnits&) const = default;

 private:
  constexpr explicit HalfUnits(int64_t halves) : halves_(halves) {}
  int64_t halves_ = 0;
};

// Parses "2", "2.5", "2.0", "０．５" is NOT accepted here (normalise first).
// Refuses negatives, steps other than 0.5 and more than `max_units`.
[[nodiscard]] Result<HalfUnits> ParseUnits(std::string_view text, int64_t max_units = 100);

}  // namespace kakari::core
