#include "core/domain/wareki.hpp"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <array>
#include <memory>
#include <mutex>

#include "util/strings.hpp"

namespace kakari::core {

namespace {

constexpr double kMsPerDay = 86400000.0;

// The eras in use since 1868, by name and Latin initial. ICU knows each one's
// start date; this table only maps the names people write to ICU's eras.
struct EraName {
  const char* kanji;
  char initial;
  int first_gregorian_year;  // a year inside the era, used to find its ICU index
  int probe_month;
};
constexpr std::array<EraName, 5> kEras = {{
    {"明治", 'M', 1900, 1},
    {"大正", 'T', 1920, 1},
    {"昭和", 'S', 1950, 1},
    {"平成", 'H', 2000, 1},
    {"令和", 'R', 2020, 1},
}};

std::unique_ptr<icu::Calendar> JapaneseCalendar() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("ja_JP@calendar=japanese"), status));
  if (U_FAILURE(status)) std::abort();  // ICU data missing: a broken install
  return cal;
}

UDate ToUDate(const Date& d) { return static_cast<double>(d.ToDays()) * kMsPerDay; }

std::string Format(const Date& d, const char* locale, const char16_t* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat fmt(icu::UnicodeString(pattern), icu::Locale(locale), status);
  if (U_FAILURE(status)) std::abort();
  fmt.setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString out;
  fmt.format(ToUDate(d), out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

int32_t IcuEraOf(const Date& d) {
  auto cal = JapaneseCalendar();
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(ToUDate(d), status);
  return cal->get(UCAL_ERA, status);
}

// Reads a run of ASCII digits at s[i]; returns -1 when there is none.
int ReadNumber(std::string_view s, size_t& i) {
  size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) ++i;
  if (i == start) return -1;
  return std::stoi(std::string(s.substr(start, i - start)));
}

bool Consume(std::string_view s, size_t& i, std::string_view token) {
  if (s.substr(i, token.size()) != token) return false;
  i += token.size();
  return true;
}

tl::unexpected<Error> BadDate(std::string_view text) {
  std::string t(text);
  return Fail(ErrorCode::kInvalidArgument,
              "日付「" + t + "」を読み取れません（例: 2025-04-01、2025/4/1、令和7年4月1日）",
              "cannot read date \"" + t + "\" (e.g. 2025-04-01, 2025/4/1, 令和7年4月1日)", "date");
}

// Converts (era, year of era, month, day) through ICU, refusing dates that
// ICU would roll into another era.
Result<Date> FromEra(const EraName& era, int year, int month, int day, std::string_view text) {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return BadDate(text);
  int32_t icu_era = IcuEraOf(Date{era.first_gregorian_year, era.probe_month, 1});
  auto cal = JapaneseCalendar();
  cal->clear();
  cal->set(UCAL_ERA, icu_era);
  cal->set(UCAL_YEAR, year);
  cal->set(UCAL_MONTH, month - 1);
  cal->set(UCAL_DATE, day);
  UErrorCode status = U_ZERO_ERROR;
  UDate when = cal->getTime(status);
  if (U_FAILURE(status)) return BadDate(text);
  Date d = Date::FromDays(static_cast<int64_t>(when / kMsPerDay));
  // Lenient ICU rolls 2月30日 into March and 平成32年 into 令和: refuse both.
  cal->setTime(when, status);
  if (cal->get(UCAL_ERA, status) != icu_era || cal->get(UCAL_YEAR, status) != year ||
      cal->get(UCAL_MONTH, status) != month - 1 || cal->get(UCAL_DATE, status) != day) {
    std::string t(text);
    return Fail(ErrorCode::kInvalidArgument, "日付「" + t + "」は存在しない日付です",
                "date \"" + t + "\" does not exist", "date");
  }
  return d;
}

Result<Date> ParseEraDate(std::string_view s, std::string_view text) {
  for (const auto& era : kEras) {
    size_t i = 0;
    bool kanji = Consume(s, i, era.kanji);
    if (!kanji && !(s.size() > 1 && (s[0] == era.initial || s[0] == era.initial + 32))) continue;
    if (!kanji) i = 1;
    int year = Consume(s, i, "元") ? 1 : ReadNumber(s, i);
    char sep = 0;
    if (kanji && Consume(s, i, "年")) {
      sep = 'k';
    } else if (i < s.size() && (s[i] == '.' || s[i] == '/' || s[i] == '-')) {
      sep = s[i++];
    } else {
      return BadDate(text);
    }
    int month = ReadNumber(s, i);
    if (sep == 'k' ? !Consume(s, i, "月") : !(i < s.size() && s[i++] == sep)) return BadDate(text);
    int day = ReadNumber(s, i);
    if (sep == 'k' && !Consume(s, i, "日")) return BadDate(text);
    if (i != s.size()) return BadDate(text);
    return FromEra(era, year, month, day, text);
  }
  return BadDate(text);
}

Result<Date> ParseKanjiWesternDate(std::string_view s, std::string_view text) {
  size_t i = 0;
  int y = ReadNumber(s, i);
  if (y < 0 || !Consume(s, i, "年")) return BadDate(text);
  int m = ReadNumber(s, i);
  if (m < 0 || !Consume(s, i, "月")) return BadDate(text);
  int d = ReadNumber(s, i);
  if (d < 0 || !Consume(s, i, "日") || i != s.size()) return BadDate(text);
  if (!IsValidDate(y, m, d)) return BadDate(text);
  return Date{y, m, d};
}

}  // namespace

std::string FormatWareki(const Date& d) {
  // "y" with the jpanyear numbering override prints 元 for the first year.
  return Format(d, "ja_JP@calendar=japanese;numbers=y=jpanyear", u"Gy年M月d日");
}

std::string FormatJapaneseWestern(const Date& d) { return Format(d, "ja_JP", u"y年M月d日"); }

Result<Date> ParseDate(std::string_view text) {
  std::string_view s = util::Trim(text);
  if (s.empty()) return BadDate(text);
  if (s[0] >= '0' && s[0] <= '9') {
    if (s.find("年") != std::string_view::npos) return ParseKanjiWesternDate(s, text);
    return ParseWesternDate(s);
  }
  return ParseEraDate(s, text);
}

}  // namespace kakari::core
