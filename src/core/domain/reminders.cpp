#include "core/domain/reminders.hpp"

#include <cstdio>

namespace kakari::core {

namespace {

constexpr int64_t kCloseLectureHalves = 4;  // 2.0 units

// Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday).
int WeekdayFromMonday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

}  // namespace

bool IsCompletionReminderMonth(const Date& day) { return day.month == 11 || day.month == 12; }

bool IsGmisReminderMonth(const Date& day) { return day.month == 12; }

std::string MonthPeriod(const Date& day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", day.year, day.month);
  return buf;
}

std::string WeekPeriod(const Date& day) {
  // ISO 8601: the week belongs to the year of its Thursday.
  int64_t days = day.ToDays();
  int64_t thursday = days - WeekdayFromMonday(days) + 3;
  Date t = Date::FromDays(thursday);
  int64_t first_thursday_of_year = Date{t.year, 1, 1}.ToDays();
  first_thursday_of_year += (3 - WeekdayFromMonday(first_thursday_of_year) + 7) % 7;
  int week = static_cast<int>((thursday - first_thursday_of_year) / 7) + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", t.year, week);
  return buf;
}

std::optional<Date> ReminderRunDue(int64_t now_unix_seconds, int hour,
                                   const std::optional<Date>& last) {
  constexpr int64_t kJapanOffsetSeconds = 9 * 3600;
  int64_t local = now_unix_seconds + kJapanOffsetSeconds;
  int64_t days = local / 86400 - (local % 86400 < 0 ? 1 : 0);
  int64_t hour_now = (local - days * 86400) / 3600;
  Date today = Date::FromDays(days);
  if (hour_now != hour || (last && last->ToDays() == today.ToDays())) return std::nullopt;
  return today;
}

std::optional<ReminderWords> NearCompletionWords(const Eligibility& e) {
  if (e.complete) {
    return ReminderWords{"修了の要件を満たしています。修了の申請をしてください。",
                         "You meet the requirements: please apply for completion."};
  }
  if (e.missing.size() != 1) return std::nullopt;
  const Missing& m = e.missing.front();
  bool close = m.kind == MissingKind::kLectureUnits ? m.units.halves() <= kCloseLectureHalves
                                                    : m.activities == 1;
  if (!close) return std::nullopt;
  // The template already says the doctor is close: name only what is missing.
  return ReminderWords{m.message_ja + "。", m.message_en + "."};
}

}  // namespace kakari::core
