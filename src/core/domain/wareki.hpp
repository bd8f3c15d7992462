// Japanese-era (和暦) dates on ICU's Japanese calendar: formatting for
// documents ("令和8年1月15日"; the first year of an era is 元年) and parsing
// of the date forms association files use. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/domain/date.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

// "令和8年1月15日"; "令和元年5月1日".
std::string FormatWareki(const Date& d);

// "2026年1月15日" (Western year, Japanese style), for documents that show both.
std::string FormatJapaneseWestern(const Date& d);

// Accepts "2025-04-01", "2025/4/1", "2025年4月1日", "令和7年4月1日",
// "令和元年5月1日", "平成31年4月30日", "R7.4.1", "H31/4/30". The text should be
// NFKC-normalised first (full-width digits). A year past the era's end
// ("平成32年") or a day that does not exist is refused.
[[nodiscard]] Result<Date> ParseDate(std::string_view text);

}  // namespace kakari::core
