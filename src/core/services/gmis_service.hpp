// Use cases of the G-MIS answer and of coverage: gathering the facts from
// the store and deciding with the rules of gmis.hpp. Thread-safe: every call
// opens its own unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/domain/gmis.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// The answer for one institution on `day`, without permission checks (the
// operator's CLI, and the services below).
[[nodiscard]] Result<GmisAnswer> AnswerOn(UnitOfWork& uow, const Institution& institution,
                                          const Date& day);
// Coverage of an area ("" all, "13", "13001") on `day`.
[[nodiscard]] Result<Coverage> CoverageOn(UnitOfWork& uow, std::string_view area, const Date& day);
// The same counts without the shortfalls of the sites without a trained
// doctor (their closest_shortfall stays 0): for statistics, a third cheaper.
[[nodiscard]] Result<Coverage> CoverageCountsOn(UnitOfWork& uow, std::string_view area,
                                                const Date& day);

// An institution user's own answer, or staff's for an institution in their
// area (by code); `day` defaults to today in Japan. Audited as a view.
[[nodiscard]] Result<GmisAnswer> InstitutionAnswer(const Deps& deps, const Caller& caller,
                                                   const std::optional<std::string>& code,
                                                   const std::optional<Date>& day);
// The same answer as its printable sheet (deps.renderer), named
// gmis-<code>-<as of>.pdf.
[[nodiscard]] Result<PdfFile> InstitutionAnswerPdf(const Deps& deps, const Caller& caller,
                                                   const std::optional<std::string>& code,
                                                   const std::optional<Date>& day,
                                                   std::string_view public_url);
// Staff's coverage of their area, or of a narrower one inside it; the JMA's
// of the whole country. Audited as a view.
[[nodiscard]] Result<Coverage> AreaCoverage(const Deps& deps, const Caller& caller,
                                            const std::optional<std::string>& area,
                                            const std::optional<Date>& day);

// The area code whose staff see the institution: its county association
// when known, else its prefecture.
std::string AreaOf(const Institution& i);

}  // namespace kakari::core
