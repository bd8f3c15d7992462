// Date: a civil calendar date (no time zone), the unit of every date in the
// domain (lecture dates, birth dates, issue dates). Thread-safe value type.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/result.hpp"

namespace kakari::core {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // "2025-04-01".
  std::string ToIso() const;
};

bool IsValidDate(int year, int month, int day);

// Parses "2025-04-01" or "2025/4/1" (ASCII digits; normalise full-width first).
[[nodiscard]] Result<Date> ParseWesternDate(std::string_view text);

// Japanese fiscal year: April to March. 2026-03-31 -> 2025; 2026-04-01 -> 2026.
int FiscalYear(const Date& d);
Date FiscalYearStart(int fiscal_year);
Date FiscalYearEnd(int fiscal_year);

// An inclusive range of dates; either end may be open.
struct DateRange {
  std::optional<Date> from;
  std::optional<Date> to;
  bool Contains(const Date& d) const { return (!from || *from <= d) && (!to || d <= *to); }
};

}  // namespace kakari::core
