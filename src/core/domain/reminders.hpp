// When reminders are due and what they say: who is close enough to
// completion to be reminded before the January-March reporting window, the
// period each reminder covers (so nobody gets the same one twice), and when
// a returned item counts as left unanswered. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/domain/date.hpp"
#include "core/domain/eligibility.hpp"

namespace kakari::core {

// Doctors are reminded in November and December; institutions in December.
bool IsCompletionReminderMonth(const Date& day);
bool IsGmisReminderMonth(const Date& day);

// The month a monthly reminder covers: "2026-12".
std::string MonthPeriod(const Date& day);
// The ISO week a weekly digest covers: "2026-W49".
std::string WeekPeriod(const Date& day);

// Each server runs the reminders once a day, at this hour in Japan (a quiet
// one: a national run reads every doctor) rather than at start-up, so that
// restarting or adding servers during the day starts no run.
inline constexpr int kDefaultReminderHour = 7;

// The day (in Japan) whose run is due at `now_unix_seconds`: today, when it
// is now `hour` o'clock in Japan and today's run has not been made (`last`).
std::optional<Date> ReminderRunDue(int64_t now_unix_seconds, int hour,
                                   const std::optional<Date>& last);

// A returned item left this many days is reminded of once.
inline constexpr int kUnansweredReturnDays = 14;

struct ReminderWords {
  std::string ja;
  std::string en;
};

// What a doctor who has not applied is told, or none when they are not
// close: complete ("please apply"), short of at most 2 lecture units and
// nothing else, or short of one practical activity and nothing else.
std::optional<ReminderWords> NearCompletionWords(const Eligibility& e);

}  // namespace kakari::core
