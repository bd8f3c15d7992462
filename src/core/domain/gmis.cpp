#include "core/domain/gmis.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace kakari::core {

Date ExpiryOf(const Date& first_issued, int years) {
  Date d{first_issued.year + years, first_issued.month, first_issued.day};
  if (!IsValidDate(d.year, d.month, d.day)) d = Date{d.year, 3, 1};
  return d;
}

const CertificateFact* InForceOn(std::span<const CertificateFact> versions, const Date& day) {
  // Per number: the latest version, the first issue, the newest issued by `day`.
  struct Chain {
    const CertificateFact* latest = nullptr;
    const CertificateFact* first = nullptr;
    const CertificateFact* by_day = nullptr;
  };
  std::map<std::string, Chain> chains;
  for (const auto& v : versions) {
    Chain& c = chains[v.number];
    if (!c.latest || c.latest->version < v.version) c.latest = &v;
    if (!c.first || v.version < c.first->version) c.first = &v;
    if (day < v.issued_on) continue;
    if (!c.by_day || c.by_day->version < v.version) c.by_day = &v;
  }
  const CertificateFact* best = nullptr;
  for (const auto& [number, c] : chains) {
    if (!c.by_day || c.latest->status != CertificateStatus::kValid) continue;
    if (c.first->validity_years &&
        !(day < ExpiryOf(c.first->issued_on, *c.first->validity_years))) {
      continue;
    }
    if (!best || best->issued_on < c.by_day->issued_on) best = c.by_day;
  }
  return best;
}

namespace {

void AddShort(const GmisDoctor& d, bool had_revoked, std::vector<GmisShort>& out) {
  GmisShort s{d.registry_number, d.name, {}, {}};
  for (const auto& m : d.eligibility.missing) {
    s.missing_ja.push_back(m.message_ja);
    s.missing_en.push_back(m.message_en);
  }
  if (d.eligibility.complete) {
    s.missing_ja.emplace_back(
        had_revoked ? "修了証が取り消されています。改めて修了申請が必要です"
                    : "修了要件を満たしています。修了申請をして修了証の発行を受けてください");
    s.missing_en.emplace_back(
        had_revoked ? "the certificate was revoked; a new application is needed"
                    : "meets the requirements: apply for completion to get a certificate");
  }
  out.push_back(std::move(s));
}

bool AnyRevoked(const std::vector<CertificateFact>& certs) {
  return std::any_of(certs.begin(), certs.end(),
                     [](const auto& c) { return c.status == CertificateStatus::kRevoked; });
}

}  // namespace

GmisAnswer DecideGmis(const Institution& institution, const Date& as_of,
                      std::span<const GmisDoctor> doctors) {
  GmisAnswer a;
  a.institution = institution;
  a.as_of = as_of;
  a.exempt = ReportExemption(institution.code, institution.advanced_treatment);
  std::unordered_set<Id> seen;
  for (const auto& d : doctors) {
    if (!VisibleToInstitution(d.affiliation) || !ActiveOn(d.affiliation, as_of)) continue;
    if (!seen.insert(d.doctor_id).second) continue;
    if (const auto* c = InForceOn(d.certificates, as_of)) {
      a.completed.push_back(
          {d.registry_number, d.name, c->number, c->version, c->issued_on, c->payload});
    } else {
      AddShort(d, AnyRevoked(d.certificates), a.short_of);
    }
  }
  if (a.exempt == ExemptReason::kNone) a.answer = !a.completed.empty();
  return a;
}

HalfUnits Shortfall(const Eligibility& e) {
  HalfUnits total;
  for (const auto& m : e.missing) total += m.units;
  return total;
}

namespace {

struct SiteTally {
  int doctors = 0;
  bool covered = false;
  std::optional<HalfUnits> closest;
};

// Walks the links of every site (both sorted) and tallies each site.
// Links of institutions that are not sites (exempt, outside the area) are
// skipped before anything is asked about their doctors.
std::unordered_map<Id, SiteTally> TallySites(std::span<const CoverageSite> sites,
                                             std::span<const CoverageLink> links,
                                             const std::function<bool(Id)>& certified,
                                             const std::function<HalfUnits(Id)>& shortfall) {
  std::unordered_map<Id, SiteTally> tallies;
  tallies.reserve(sites.size());
  for (const auto& site : sites) tallies.emplace(site.institution_id, SiteTally{});
  for (const auto& l : links) {
    auto it = tallies.find(l.institution_id);
    if (it == tallies.end()) continue;
    SiteTally& t = it->second;
    ++t.doctors;
    if (t.covered) continue;
    if (certified(l.doctor_id)) {
      t.covered = true;
      continue;
    }
    HalfUnits s = shortfall(l.doctor_id);
    if (!t.closest || s < *t.closest) t.closest = s;
  }
  return tallies;
}

}  // namespace

Coverage ComputeCoverage(std::span<const CoverageSite> sites, std::span<const CoverageLink> links,
                         const std::function<bool(Id)>& certified,
                         const std::function<HalfUnits(Id)>& shortfall) {
  auto tallies = TallySites(sites, links, certified, shortfall);
  Coverage c;
  std::map<std::string, PrefectureCoverage> areas;
  for (const auto& site : sites) {
    auto& area = areas[site.area];
    area.prefecture_code = site.area;
    ++area.reportable;
    std::string pref = site.code.substr(0, 2);
    if (c.prefectures.empty() || c.prefectures.back().prefecture_code != pref) {
      c.prefectures.push_back({pref, 0, 0});
    }
    auto it = tallies.find(site.institution_id);
    SiteTally t = it == tallies.end() ? SiteTally{} : it->second;
    ++c.reportable;
    ++c.prefectures.back().reportable;
    if (t.covered) {
      ++area.covered;
      ++c.covered;
      ++c.prefectures.back().covered;
      continue;
    }
    c.without.push_back({site.code, site.name, t.doctors, t.closest});
  }
  for (auto& [code, area] : areas) c.areas.push_back(area);
  return c;
}

}  // namespace kakari::core
