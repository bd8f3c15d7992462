// Statistics: the figures the JMA and the associations steer the training by,
// assembled from counts the store makes (each under the association code it
// belongs to) into one row per area of a breakdown, a total, and a trend by
// month of the fiscal year. Pure; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/date.hpp"
#include "core/domain/review_status.hpp"
#include "core/domain/workflow.hpp"

namespace kakari::core {

// How many events took each number of days.
struct DaysCount {
  int64_t days = 0;
  int64_t count = 0;
};
// The nearest-rank percentile (1..100) of the days in `histogram` (any
// order); none when it counts nothing.
std::optional<int64_t> PercentileDays(std::span<const DaysCount> histogram, int percent);

// How long an item has waited for a decision.
enum class WaitBand { kUpTo7, kUpTo14, kUpTo30, kOver30 };
constexpr size_t kWaitBandCount = 4;
WaitBand WaitBandOf(int64_t days);
const char* WaitBandName(WaitBand b);  // "0-7", "8-14", "15-30", "31+"
constexpr size_t kReviewKindCount = 3;

// The period event figures count: the fiscal year of `to` up to `to`, as
// dates (Japan) and as the UTC instants that bound those days in storage.
struct StatPeriod {
  Date from;
  Date to;
  std::string from_utc;   // "2026-03-31T15:00:00Z": 1 April 00:00 in Japan
  std::string until_utc;  // exclusive: the day after `to`, 00:00 in Japan
};
StatPeriod FiscalYearUpTo(const Date& to);

// --- What the store counts (see ReportRepository) ----------------------------

// Doctors by home association: who applied (any application not withdrawn)
// and who has an approved one.
struct ApplicantFact {
  std::string code;
  int64_t applied = 0;
  int64_t approved = 0;
};
// Items waiting for a decision, by the association they are routed to.
struct WaitingFact {
  std::string code;
  ReviewKind kind = ReviewKind::kApplication;
  Date submitted_on;
  int64_t count = 0;
};
// Decisions (approve, return, reject) made in the period.
struct DecisionFact {
  std::string code;
  ReviewKind kind = ReviewKind::kApplication;
  ReviewStatus outcome = ReviewStatus::kApproved;
  Date submitted_on;  // the submission the decision answered
  Date decided_on;
  int64_t count = 0;
};
// Certificate events of one month ("2026-04") in the period, by the
// association that approved the application.
struct CertificateEventFact {
  std::string code;
  std::string month;
  int64_t issued = 0;    // first versions
  int64_t reissued = 0;  // later versions
  int64_t revoked = 0;
  int64_t mailed = 0;  // in a batch marked sent
};
// Applications submitted in one month of the period.
struct SubmissionFact {
  std::string code;
  std::string month;
  int64_t submitted = 0;
};
struct ReasonCount {
  std::string reason;
  int64_t count = 0;
};

// --- What exports list, one row at a time -----------------------------------

// A doctor with their latest application and valid certificate, if any.
struct DoctorListing {
  Id id = 0;
  std::string registry_number;
  std::string name;
  std::string kana;
  std::string association_code;  // home
  std::string association_name;
  std::optional<ReviewStatus> application;  // the latest one's status
  std::string certificate_number;           // the latest valid version's
  std::optional<Date> certificate_issued_on;
};
// A certificate version with the association that approved it.
struct CertificateListing {
  std::string number;
  int version = 1;
  std::string status;  // valid, superseded, revoked
  Date issued_on;
  std::string name;
  std::string registry_number;
  std::string association_code;
  std::string association_name;
  std::string delivery;  // download, mail
  std::optional<Date> mailed_on;
};

// --- What the service adds ---------------------------------------------------

// Doctors and those complete now, by home association.
struct CompletionFact {
  std::string code;
  int64_t doctors = 0;
  int64_t complete = 0;
};
// Reportable institutions and those with a doctor whose certificate is in
// force, by area of the breakdown (already grouped).
struct CoverageFact {
  std::string area;
  int64_t reportable = 0;
  int64_t covered = 0;
};

struct StatisticsInputs {
  std::vector<std::string> areas;  // codes that get a row even when nothing counted
  std::vector<CompletionFact> completion;
  std::vector<ApplicantFact> applicants;
  std::vector<WaitingFact> waiting;
  std::vector<DecisionFact> decisions;
  std::vector<CertificateEventFact> certificates;
  std::vector<SubmissionFact> submissions;
  std::vector<CoverageFact> coverage;
};

// --- The report ---------------------------------------------------------------

struct AreaFigures {
  std::string area;     // "13", "13001"; "" for the total
  std::string name_ja;  // filled by the service: 東京都医師会, 千代田区医師会
  std::string name_en;
  int64_t doctors = 0;
  int64_t complete = 0;
  int64_t applied = 0;
  int64_t approved = 0;
  std::array<int64_t, kReviewKindCount> waiting_by_kind{};  // by ReviewKind
  std::array<int64_t, kWaitBandCount> waiting_by_age{};     // by WaitBand
  int64_t decisions = 0;
  int64_t approvals = 0;
  int64_t returns = 0;
  int64_t rejections = 0;
  std::optional<int64_t> median_days;  // submission to decision
  std::optional<int64_t> p90_days;
  int64_t issued = 0;
  int64_t reissued = 0;
  int64_t revoked = 0;
  int64_t mailed = 0;
  int64_t reportable = 0;
  int64_t covered = 0;

  int64_t Waiting() const;
};

struct MonthFigures {
  std::string month;      // "2026-04"
  int64_t submitted = 0;  // applications
  int64_t approved = 0;   // applications approved
  int64_t issued = 0;     // certificates, first versions
};

// How a scope is broken down: the JMA sees prefectures, a prefecture its
// associations (itself and its counties), a county itself.
enum class Breakdown { kPrefecture, kAssociation };
// The area of the breakdown a code counts under.
std::string AreaOfCode(std::string_view code, Breakdown b);

struct Statistics {
  std::string scope;  // "" national, "13", "13001"
  Date as_of;
  int fiscal_year = 0;
  Breakdown breakdown = Breakdown::kPrefecture;
  std::vector<AreaFigures> areas;  // by area code
  AreaFigures total;
  std::vector<MonthFigures> trend;  // April of the fiscal year to the as-of month
  std::vector<ReasonCount> top_reasons;
};

// The months of the fiscal year of `as_of` up to its month: "2026-04", ...
std::vector<std::string> TrendMonths(const Date& as_of);

// Assembles the report. Waiting ages count to `as_of`; every area that
// appears in any input gets a row.
Statistics AssembleStatistics(const StatisticsInputs& in, std::string scope, Breakdown b,
                              const Date& as_of, std::vector<ReasonCount> top_reasons);

}  // namespace kakari::core
