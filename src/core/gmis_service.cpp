#include "core/gmis_service.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/validation.hpp"

namespace kakari::core {

namespace {

// Certificate versions with the validity of their programme filled in.
std::vector<CertificateFact> FactsOf(const std::vector<Certificate>& certs,
                                     const Programme& current) {
  std::vector<CertificateFact> out;
  for (const auto& c : certs) {
    CertificateFact f{c.issued.number, c.issued.version, c.issued.issued_on, c.status,
                      std::nullopt,    c.programme_code, c.payload};
    if (c.programme_code == current.code) f.validity_years = current.certificate_validity_years;
    out.push_back(std::move(f));
  }
  return out;
}

Result<GmisDoctor> GatherDoctor(UnitOfWork& uow, const Affiliation& a, const Programme& current) {
  auto doctor = uow.Doctors().FindById(a.doctor_id);
  if (!doctor) return tl::unexpected(doctor.error());
  if (!*doctor) return tl::unexpected(NotFoundError("医師", "doctor"));
  auto certs = uow.Certificates().ForDoctor(a.doctor_id);
  if (!certs) return tl::unexpected(certs.error());
  auto standing = StandingOf(uow, a.doctor_id);
  if (!standing) return tl::unexpected(standing.error());
  return GmisDoctor{a.doctor_id, (*doctor)->registry_number, (*doctor)->name,
                    a,           FactsOf(*certs, current),   standing->eligibility};
}

tl::unexpected<Error> NotYours() {
  return Fail(ErrorCode::kNotFound, "医療機関が見つかりません", "institution not found");
}

}  // namespace

std::string AreaOf(const Institution& i) {
  return i.association_code.empty() ? i.PrefectureCode() : i.association_code;
}

Result<GmisAnswer> AnswerOn(UnitOfWork& uow, const Institution& institution, const Date& day) {
  auto programme = uow.Programmes().Current();
  if (!programme) return tl::unexpected(programme.error());
  auto affiliations = uow.Institutions().AffiliationsOfInstitution(institution.id);
  if (!affiliations) return tl::unexpected(affiliations.error());
  std::vector<GmisDoctor> doctors;
  for (const auto& a : *affiliations) {
    // Only what the institution may see is even read.
    if (!VisibleToInstitution(a) || !ActiveOn(a, day)) continue;
    auto d = GatherDoctor(uow, a, *programme);
    if (!d) return tl::unexpected(d.error());
    doctors.push_back(std::move(*d));
  }
  std::sort(doctors.begin(), doctors.end(),
            [](const auto& x, const auto& y) { return x.registry_number < y.registry_number; });
  return DecideGmis(institution, day, doctors);
}

Result<Coverage> CoverageOn(UnitOfWork& uow, std::string_view area, const Date& day) {
  auto programme = uow.Programmes().Current();
  if (!programme) return tl::unexpected(programme.error());
  auto sites = uow.Institutions().ReportableSites(area);
  if (!sites) return tl::unexpected(sites.error());
  auto links = uow.Institutions().ActiveLinks(area, day);
  if (!links) return tl::unexpected(links.error());
  auto facts = uow.Certificates().AllFacts();
  if (!facts) return tl::unexpected(facts.error());
  // Doctor id -> their certificate versions (facts arrive by doctor id).
  std::unordered_map<Id, std::vector<CertificateFact>> certs;
  for (auto& [doctor, f] : *facts) {
    if (f.programme_code == programme->code)
      f.validity_years = programme->certificate_validity_years;
    certs[doctor].push_back(std::move(f));
  }
  auto lecture = uow.Credits().LectureUnitsByDoctor(programme->credit_window);
  if (!lecture) return tl::unexpected(lecture.error());
  auto approved = uow.Activities().CountApprovedByDoctor();
  if (!approved) return tl::unexpected(approved.error());
  std::unordered_map<Id, HalfUnits> lecture_of(lecture->begin(), lecture->end());
  std::unordered_map<Id, int> approved_of(approved->begin(), approved->end());
  auto certified = [&](Id d) {
    auto it = certs.find(d);
    return it != certs.end() && InForceOn(it->second, day) != nullptr;
  };
  auto shortfall = [&](Id d) {
    UnitTally t;
    if (auto l = lecture_of.find(d); l != lecture_of.end()) t.lecture = l->second;
    if (auto a = approved_of.find(d); a != approved_of.end()) t.approved_activities = a->second;
    return Shortfall(Evaluate(*programme, t));
  };
  return ComputeCoverage(*sites, *links, certified, shortfall);
}

Result<GmisAnswer> InstitutionAnswer(const Deps& deps, const Caller& caller,
                                     const std::optional<std::string>& code,
                                     const std::optional<Date>& day) {
  const Principal& who = caller.principal;
  bool institution_user = who.role == Role::kInstitution;
  if (institution_user ? !Allows(who, Permission::kInstitutionView) || !who.institution_id
                       : !Allows(who, Permission::kReview)) {
    return Fail(ErrorCode::kPermissionDenied, "医療機関の担当者と医師会の職員のみが見られます",
                "only institution users and association staff may see this");
  }
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  auto inst = institution_user ? (*uow)->Institutions().FindById(*who.institution_id)
                               : (*uow)->Institutions().FindByCode(code.value_or(""));
  if (!inst) return tl::unexpected(inst.error());
  if (!*inst) return NotYours();
  // An institution user asking for another code learns nothing about it.
  if (institution_user && code && *code != (*inst)->code) return NotYours();
  if (!institution_user && !CoversAssociation(who, AreaOf(**inst))) return NotYours();
  Date as_of = day.value_or(deps.clock.TodayInJapan());
  auto answer = AnswerOn(**uow, **inst, as_of);
  if (!answer) return answer;
  uow->reset();
  if (auto v = RecordViewUnlessUnwritable(deps, caller, "gmis.view", "institution", (*inst)->code,
                                          "as_of=" + as_of.ToIso());
      !v) {
    return tl::unexpected(v.error());
  }
  return answer;
}

Result<Coverage> AreaCoverage(const Deps& deps, const Caller& caller,
                              const std::optional<std::string>& area,
                              const std::optional<Date>& day) {
  if (auto r = RequirePermission(caller.principal, Permission::kReview); !r) {
    return tl::unexpected(r.error());
  }
  auto own = ScopePrefix(caller.principal);
  if (!own) return Fail(ErrorCode::kPermissionDenied, "担当地域がありません", "you have no area");
  std::string asked = area.value_or(*own);
  if (asked == "00") asked.clear();
  if (!asked.empty()) {
    auto valid = ValidateAssociationCode(asked);
    if (!valid) {
      return Fail(ErrorCode::kInvalidArgument,
                  "地域は医師会コード（例: 13、13001）で指定してください",
                  "give the area as an association code (13, 13001)", "association");
    }
    asked = *valid;
  }
  if (!CoversAssociation(caller.principal, asked.empty() ? "00" : asked)) {
    return Fail(ErrorCode::kNotFound, "その地域は担当外です", "that area is outside yours");
  }
  Date as_of = day.value_or(deps.clock.TodayInJapan());
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  auto coverage = CoverageOn(**uow, asked, as_of);
  if (!coverage) return coverage;
  uow->reset();
  if (auto v = RecordViewUnlessUnwritable(deps, caller, "coverage.view", "area",
                                          asked.empty() ? "00" : asked, "as_of=" + as_of.ToIso());
      !v) {
    return tl::unexpected(v.error());
  }
  return coverage;
}

}  // namespace kakari::core
