#include "core/services/statistics_service.hpp"

#include <algorithm>
#include <map>

#include "core/domain/prefectures.hpp"
#include "core/services/gmis_service.hpp"

namespace kakari::core {

namespace {

constexpr int kTopReasons = 5;

Breakdown BreakdownOf(const std::string& area) {
  return area.empty() ? Breakdown::kPrefecture : Breakdown::kAssociation;
}

// Doctors and those complete, by home association. For a day in the past,
// lecture units count up to it inside the programme's window; for today the
// window is left as it is (no credit is dated later, and the all-time sums
// the store keeps answer at once, where a cut-off would read every credit).
Result<std::vector<CompletionFact>> Completion(UnitOfWork& uow, const std::string& area,
                                               const Date& as_of, const Date& today) {
  auto programme = uow.Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto homes = uow.Reports().DoctorHomes(area);
  KAKARI_RETURN_IF_ERROR(homes);
  std::optional<DateRange> window = programme->credit_window;
  if (as_of < today) {
    DateRange cut = window.value_or(DateRange{});
    if (!cut.to || as_of < *cut.to) cut.to = as_of;
    window = cut;
  }
  auto lecture = uow.Credits().LectureUnitsByDoctor(window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = uow.Activities().CountApprovedByDoctor();
  KAKARI_RETURN_IF_ERROR(approved);
  // All three ascend by doctor id: walk them together.
  std::map<std::string, CompletionFact> by_code;
  auto l = lecture->begin();
  auto a = approved->begin();
  for (const auto& [id, code] : *homes) {
    UnitTally tally;
    while (l != lecture->end() && l->first < id) ++l;
    if (l != lecture->end() && l->first == id) tally.lecture = l->second;
    while (a != approved->end() && a->first < id) ++a;
    if (a != approved->end() && a->first == id) tally.approved_activities = a->second;
    auto& fact = by_code[code];
    fact.code = code;
    ++fact.doctors;
    if (IsComplete(*programme, tally)) ++fact.complete;
  }
  std::vector<CompletionFact> out;
  for (auto& [code, fact] : by_code) out.push_back(fact);
  return out;
}

Result<std::vector<CoverageFact>> CoverageFacts(UnitOfWork& uow, const std::string& area,
                                                const Date& as_of) {
  auto coverage = CoverageCountsOn(uow, area, as_of);
  KAKARI_RETURN_IF_ERROR(coverage);
  const auto& counts = area.empty() ? coverage->prefectures : coverage->areas;
  std::vector<CoverageFact> out;
  for (const auto& c : counts) out.push_back({c.prefecture_code, c.reportable, c.covered});
  return out;
}

// Every area of the breakdown, so that one where nothing happened still
// shows (as zeros on the map): the 47 prefectures, or the associations of
// the area.
Result<std::vector<std::string>> AreasOf(UnitOfWork& uow, const std::string& area) {
  std::vector<std::string> out;
  if (area.empty()) {
    for (const auto& p : Prefectures()) out.emplace_back(p.code);
    return out;
  }
  auto orgs = uow.Organisations().List();
  KAKARI_RETURN_IF_ERROR(orgs);
  for (const auto& o : *orgs) {
    if (o.code.substr(0, area.size()) == area) out.push_back(o.code);
  }
  return out;
}

Result<StatisticsInputs> Gather(UnitOfWork& uow, const std::string& area, const Date& as_of,
                                const Date& today) {
  StatPeriod period = FiscalYearUpTo(as_of);
  StatisticsInputs in;
  auto& r = uow.Reports();
  KAKARI_TRY(completion, Completion(uow, area, as_of, today));
  KAKARI_TRY(applicants, r.Applicants(area, as_of));
  KAKARI_TRY(waiting, r.Waiting(area));
  KAKARI_TRY(decisions, r.Decisions(area, period));
  KAKARI_TRY(certificates, r.CertificateEvents(area, period));
  KAKARI_TRY(submissions, r.Submissions(area, period));
  KAKARI_TRY(coverage, CoverageFacts(uow, area, as_of));
  in.completion = std::move(completion);
  in.applicants = std::move(applicants);
  in.waiting = std::move(waiting);
  in.decisions = std::move(decisions);
  in.certificates = std::move(certificates);
  in.submissions = std::move(submissions);
  in.coverage = std::move(coverage);
  KAKARI_TRY(areas, AreasOf(uow, area));
  in.areas = std::move(areas);
  return in;
}

// Prefecture names for the national breakdown, the associations' own
// names below it.
Status Name(UnitOfWork& uow, Statistics& s) {
  std::map<std::string, std::pair<std::string, std::string>> names;
  auto orgs = uow.Organisations().List();
  KAKARI_RETURN_IF_ERROR(orgs);
  for (const auto& o : *orgs) names[o.code] = {o.name_ja, o.name_en};
  for (const auto& p : Prefectures()) {
    if (!names.count(std::string(p.code)))
      names[std::string(p.code)] = {AssociationNameJa(p), std::string(p.name_en)};
  }
  for (auto& a : s.areas) {
    if (auto it = names.find(a.area); it != names.end()) {
      a.name_ja = it->second.first;
      a.name_en = it->second.second;
    }
  }
  s.total.name_ja = s.scope.empty() ? "全国" : names[s.scope].first;
  s.total.name_en = s.scope.empty() ? "Japan" : names[s.scope].second;
  return {};
}

}  // namespace

Result<Statistics> StatisticsOf(UnitOfWork& uow, const std::string& area, const Date& as_of,
                                const Date& today) {
  auto in = Gather(uow, area, as_of, today);
  KAKARI_RETURN_IF_ERROR(in);
  auto reasons = uow.Reports().TopReturnReasons(area, FiscalYearUpTo(as_of), kTopReasons);
  KAKARI_RETURN_IF_ERROR(reasons);
  Statistics s = AssembleStatistics(*in, area, BreakdownOf(area), as_of, std::move(*reasons));
  KAKARI_RETURN_IF_ERROR(Name(uow, s));
  return s;
}

Result<Statistics> AreaStatistics(const Deps& deps, const Caller& caller,
                                  const std::optional<std::string>& area,
                                  const std::optional<Date>& as_of) {
  auto asked = StaffArea(caller.principal, area);
  KAKARI_RETURN_IF_ERROR(asked);
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  Date today = deps.clock.TodayInJapan();
  return StatisticsOf(**uow, *asked, as_of.value_or(today), today);
}

}  // namespace kakari::core
