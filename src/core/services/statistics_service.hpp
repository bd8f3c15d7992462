// Statistics use cases: the figures of an area as of a day, gathered from
// the store's counts, the eligibility rules and institution coverage.
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <optional>
#include <string>

#include "core/domain/statistics.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// The statistics of an area ("" the country, "13", "13001") on `as_of`
// (`today` is the day in Japan now), without permission checks.
[[nodiscard]] Result<Statistics> StatisticsOf(UnitOfWork& uow, const std::string& area,
                                              const Date& as_of, const Date& today);

// Staff's statistics of their area, or of a narrower one inside it; the
// JMA's of the whole country by prefecture. `as_of` defaults to today in
// Japan. Aggregates only (no one is named), so no view is audited.
[[nodiscard]] Result<Statistics> AreaStatistics(const Deps& deps, const Caller& caller,
                                                const std::optional<std::string>& area,
                                                const std::optional<Date>& as_of);

}  // namespace kakari::core
