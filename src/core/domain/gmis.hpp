// The G-MIS answer: does an institution have a doctor who completed the
// training (かかりつけ医機能に関する研修の修了者の有無)? And, for an
// association, how many reportable institutions in its area can say 有り.
// Pure rules over facts the services gather; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/domain/certificate.hpp"
#include "core/domain/eligibility.hpp"
#include "core/domain/institution.hpp"

namespace kakari::core {

// One version of a certificate as the answer needs it.
struct CertificateFact {
  std::string number;
  int version = 1;
  Date issued_on;
  CertificateStatus status = CertificateStatus::kValid;
  std::optional<int> validity_years;  // the programme's, when it sets one
  std::string programme_code;
  std::string payload;  // the signed QR payload, for a verification link
};

// The first day a certificate first issued on `first_issued` no longer
// counts, after `years` (29 February falls to 1 March).
Date ExpiryOf(const Date& first_issued, int years);

// The version in force on `day` among all certificate versions of one
// doctor, or nullptr: the newest version issued on or before `day` of a
// number whose latest version is valid (neither revoked nor superseded
// without a newer version) and whose validity, counted
// from its first issue, has not run out.
const CertificateFact* InForceOn(std::span<const CertificateFact> versions, const Date& day);

struct GmisDoctor {
  Id doctor_id = 0;
  std::string registry_number;
  std::string name;
  Affiliation affiliation;
  std::vector<CertificateFact> certificates;
  Eligibility eligibility;  // against the current programme
};

struct GmisCompleted {
  std::string registry_number;
  std::string name;
  std::string certificate_number;
  int version = 1;
  Date issued_on;
  std::string payload;
};

struct GmisShort {
  std::string registry_number;
  std::string name;
  std::vector<std::string> missing_ja;
  std::vector<std::string> missing_en;
};

struct GmisAnswer {
  Institution institution;
  Date as_of;
  ExemptReason exempt = ExemptReason::kNone;
  std::optional<bool> answer;  // 有り / 無し; none when exempt
  std::vector<GmisCompleted> completed;
  std::vector<GmisShort> short_of;
};

// Only confirmed affiliations that cover `as_of` count; a doctor listed
// twice (two periods) counts once.
GmisAnswer DecideGmis(const Institution& institution, const Date& as_of,
                      std::span<const GmisDoctor> doctors);

// Coverage of an area: reportable institutions, and which have a doctor
// holding a certificate in force.
struct CoverageSite {
  Id institution_id = 0;
  std::string code;
  std::string name;
  std::string area;  // the association whose staff see it (county, else prefecture)
};
struct CoverageLink {  // a confirmed affiliation covering the day
  Id institution_id = 0;
  Id doctor_id = 0;
};
struct UncoveredSite {
  std::string code;
  std::string name;
  int doctors = 0;  // affiliated on the day
  // Units the closest of them still lacks (0: complete, not yet certified);
  // none without doctors.
  std::optional<HalfUnits> closest_shortfall;
};
struct PrefectureCoverage {
  std::string prefecture_code;
  int64_t reportable = 0;
  int64_t covered = 0;
};
struct Coverage {
  int64_t reportable = 0;
  int64_t covered = 0;
  std::vector<UncoveredSite> without;           // by code
  std::vector<PrefectureCoverage> prefectures;  // by code, only those with sites
  std::vector<PrefectureCoverage> areas;        // by the sites' area code, only those with sites
};

// The units an eligibility still lacks in all (zero when complete).
HalfUnits Shortfall(const Eligibility& e);

// REQUIRES: `sites` sorted by code and reportable; `links` in any order
// (links of other institutions are ignored). `certified` and
// `shortfall` answer for one doctor.
Coverage ComputeCoverage(std::span<const CoverageSite> sites, std::span<const CoverageLink> links,
                         const std::function<bool(Id)>& certified,
                         const std::function<HalfUnits(Id)>& shortfall);

}  // namespace kakari::core
