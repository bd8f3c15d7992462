// Handlers: statistics of an area, and the statistics JSON the CLI prints.
#include "core/services/statistics_service.hpp"
#include "http/api_context.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

json OptionalDays(const std::optional<int64_t>& d) { return d ? json(*d) : json(nullptr); }

json AreaJson(const core::AreaFigures& a) {
  json by_kind = json::object();
  for (auto kind : {core::ReviewKind::kApplication, core::ReviewKind::kActivity,
                    core::ReviewKind::kDeclaration}) {
    by_kind[core::ReviewKindName(kind)] = a.waiting_by_kind[static_cast<size_t>(kind)];
  }
  json by_age = json::object();
  for (size_t i = 0; i < core::kWaitBandCount; ++i) {
    by_age[core::WaitBandName(static_cast<core::WaitBand>(i))] = a.waiting_by_age[i];
  }
  return {{"area", a.area},
          {"name", a.name_ja},
          {"name_en", a.name_en},
          {"doctors", a.doctors},
          {"complete", a.complete},
          {"applied", a.applied},
          {"approved", a.approved},
          {"waiting", a.Waiting()},
          {"waiting_by_kind", by_kind},
          {"waiting_by_age_days", by_age},
          {"decisions", a.decisions},
          {"approvals", a.approvals},
          {"returns", a.returns},
          {"rejections", a.rejections},
          {"median_days_to_decision", OptionalDays(a.median_days)},
          {"p90_days_to_decision", OptionalDays(a.p90_days)},
          {"certificates_issued", a.issued},
          {"certificates_reissued", a.reissued},
          {"certificates_revoked", a.revoked},
          {"certificates_mailed", a.mailed},
          {"institutions_reportable", a.reportable},
          {"institutions_covered", a.covered}};
}

}  // namespace

std::string StatisticsJson(const core::Statistics& s) {
  json areas = json::array();
  for (const auto& a : s.areas) areas.push_back(AreaJson(a));
  json trend = json::array();
  for (const auto& m : s.trend) {
    trend.push_back({{"month", m.month},
                     {"applications_submitted", m.submitted},
                     {"applications_approved", m.approved},
                     {"certificates_issued", m.issued}});
  }
  json reasons = json::array();
  for (const auto& r : s.top_reasons) reasons.push_back({{"reason", r.reason}, {"count", r.count}});
  json out = {{"scope", s.scope.empty() ? "00" : s.scope},
              {"as_of", s.as_of.ToIso()},
              {"fiscal_year", s.fiscal_year},
              {"breakdown", s.breakdown == core::Breakdown::kPrefecture ? "prefecture"
                                                                         : "association"},
              {"areas", areas},
              {"total", AreaJson(s.total)},
              {"trend", trend},
              {"top_return_reasons", reasons}};
  return out.dump();
}

ApiResponse GetStatistics(ApiContext& c) {
  auto day = AsOf(c);
  if (!day) return Fails(day.error());
  auto s = core::AreaStatistics(c.deps, c.caller, QueryValue(c, "association"), *day);
  if (!s) return Fails(s.error());
  ApiResponse r;
  r.body = StatisticsJson(*s);
  return r;
}

}  // namespace kakari::http
