// The words of the G-MIS answer sheet (回答確認票), of its CSV twin and of
// the coverage CSV. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/domain/documents.hpp"
#include "core/domain/gmis.hpp"

namespace kakari::core {

// The G-MIS item, as the MHLW manual words it.
inline constexpr const char* kGmisQuestion = "かかりつけ医機能に関する研修の修了者の有無";

// 有り / 無し / 報告対象外（歯科医療機関）...
std::string AnswerWords(const GmisAnswer& a);

// The verification link of a certificate (with its signed payload when known).
std::string VerificationLink(std::string_view public_url, std::string_view number,
                             std::string_view payload);

// The answer sheet as CSV (UTF-8 with BOM, as Excel expects).
std::string AnswerCsv(const GmisAnswer& a, std::string_view public_url);
// The institutions without a completed doctor as CSV (no BOM: the caller
// adds one for UTF-8 or converts to CP932).
std::string CoverageCsv(const Coverage& cov);

AnswerSheetDocument AnswerSheetFor(const GmisAnswer& a, std::string_view public_url,
                                   const Date& made_on);

}  // namespace kakari::core
