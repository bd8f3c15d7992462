#include "core/date.hpp"

#include <chrono>
#include <cstdio>

#include "util/strings.hpp"

namespace kakari::core {

namespace chr = std::chrono;

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return chr::year_month_day(chr::year(year), chr::month(month), chr::day(day)).ok();
}

int64_t Date::ToDays() const {
  chr::sys_days d = chr::year_month_day(chr::year(year), chr::month(month), chr::day(day));
  return d.time_since_epoch().count();
}

Date Date::FromDays(int64_t days) {
  chr::year_month_day ymd{chr::sys_days(chr::days(days))};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Result<Date> ParseWesternDate(std::string_view text) {
  std::string_view s = util::Trim(text);
  char sep = s.find('/') != std::string_view::npos ? '/' : '-';
  auto parts = util::Split(s, sep);
  auto bad = [&] {
    std::string t(text);
    return Fail(ErrorCode::kInvalidArgument,
                "日付「" + t + "」を読み取れません（例: 2025-04-01、2025/4/1、令和7年4月1日）",
                "cannot read date \"" + t + "\" (e.g. 2025-04-01, 2025/4/1, 令和7年4月1日)",
                "date");
  };
  if (parts.size() != 3 || parts[0].size() != 4) return bad();
  for (auto p : parts) {
    if (!util::IsAsciiDigits(p) || p.size() > 4) return bad();
  }
  if (sep == '-' && (parts[1].size() != 2 || parts[2].size() != 2)) return bad();
  int y = std::stoi(std::string(parts[0]));
  int m = std::stoi(std::string(parts[1]));
  int d = std::stoi(std::string(parts[2]));
  if (!IsValidDate(y, m, d)) return bad();
  return Date{y, m, d};
}

int FiscalYear(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }
Date FiscalYearStart(int fiscal_year) { return Date{fiscal_year, 4, 1}; }
Date FiscalYearEnd(int fiscal_year) { return Date{fiscal_year + 1, 3, 31}; }

}  // namespace kakari::core
