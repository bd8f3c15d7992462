#include "core/domain/date.hpp"

#include <chrono>

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
  // By hand rather than snprintf: bulk imports format millions of dates.
  std::string s = "0000-00-00";
  auto put = [&](size_t end, int v, int width) {
    for (int k = 0; k < width; ++k, v /= 10) s[end - static_cast<size_t>(k)] = char('0' + v % 10);
  };
  put(3, year, 4);
  put(6, month, 2);
  put(9, day, 2);
  return s;
}

namespace {
// Reads 1..max_len ASCII digits at s[i]; -1 when there are none or too many.
int ReadDigits(std::string_view s, size_t& i, size_t min_len, size_t max_len) {
  size_t start = i;
  int value = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i++] - '0');
  size_t len = i - start;
  return len >= min_len && len <= max_len ? value : -1;
}
}  // namespace

Result<Date> ParseWesternDate(std::string_view text) {
  std::string_view s = util::Trim(text);
  // "2025-04-01" (two-digit month and day) or "2025/4/1".
  char sep = s.size() > 4 ? s[4] : '\0';
  size_t part = sep == '-' ? 2 : 1;
  size_t i = 0;
  int y = ReadDigits(s, i, 4, 4);
  bool ok = y > 0 && (sep == '-' || sep == '/') && i < s.size() && s[i++] == sep;
  int m = ok ? ReadDigits(s, i, part, 2) : -1;
  ok = ok && m > 0 && i < s.size() && s[i++] == sep;
  int d = ok ? ReadDigits(s, i, part, 2) : -1;
  if (!ok || d < 0 || i != s.size() || !IsValidDate(y, m, d)) {
    std::string t(text);
    return Fail(ErrorCode::kInvalidArgument,
                "日付「" + t + "」を読み取れません（例: 2025-04-01、2025/4/1、令和7年4月1日）",
                "cannot read date \"" + t + "\" (e.g. 2025-04-01, 2025/4/1, 令和7年4月1日)",
                "date");
  }
  return Date{y, m, d};
}

int FiscalYear(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }
Date FiscalYearStart(int fiscal_year) { return Date{fiscal_year, 4, 1}; }
Date FiscalYearEnd(int fiscal_year) { return Date{fiscal_year + 1, 3, 31}; }

}  // namespace kakari::core
