#include "core/services/gmis_service.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/domain/gmis_document.hpp"
#include "core/domain/validation.hpp"

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

// One doctor's facts; the programme is read once per answer, not per doctor.
Result<GmisDoctor> GatherDoctor(UnitOfWork& uow, const Affiliation& a, const Programme& current) {
  auto doctor = uow.Doctors().FindById(a.doctor_id);
  KAKARI_RETURN_IF_ERROR(doctor);
  if (!*doctor) return tl::unexpected(NotFoundError("医師", "doctor"));
  auto certs = uow.Certificates().ForDoctor(a.doctor_id);
  KAKARI_RETURN_IF_ERROR(certs);
  auto lecture = uow.Credits().LectureUnits(a.doctor_id, current.credit_window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = uow.Activities().CountApproved(a.doctor_id);
  KAKARI_RETURN_IF_ERROR(approved);
  return GmisDoctor{
      a.doctor_id, (*doctor)->registry_number, (*doctor)->name,
      a,           FactsOf(*certs, current),   Evaluate(current, UnitTally{*lecture, *approved})};
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
  KAKARI_RETURN_IF_ERROR(programme);
  auto affiliations = uow.Institutions().AffiliationsOfInstitution(institution.id);
  KAKARI_RETURN_IF_ERROR(affiliations);
  std::vector<GmisDoctor> doctors;
  for (const auto& a : *affiliations) {
    // Only what the institution may see is even read.
    if (!VisibleToInstitution(a) || !ActiveOn(a, day)) continue;
    auto d = GatherDoctor(uow, a, *programme);
    KAKARI_RETURN_IF_ERROR(d);
    doctors.push_back(std::move(*d));
  }
  std::sort(doctors.begin(), doctors.end(),
            [](const auto& x, const auto& y) { return x.registry_number < y.registry_number; });
  return DecideGmis(institution, day, doctors);
}

namespace {

// Per-doctor facts for coverage in dense tables indexed by doctor id (ids
// are small and dense: a national run reads ~400,000 links).
struct DoctorTables {
  std::vector<char> in_force;
  std::vector<HalfUnits> lecture;
  std::vector<int> approved;
};

Result<DoctorTables> LoadDoctorTables(UnitOfWork& uow, const Programme& programme, Id max_id,
                                      const Date& day, bool with_units) {
  DoctorTables t{std::vector<char>(static_cast<size_t>(max_id) + 1, 0),
                 std::vector<HalfUnits>(static_cast<size_t>(max_id) + 1),
                 std::vector<int>(static_cast<size_t>(max_id) + 1, 0)};
  auto facts = uow.Certificates().AllFacts();  // by doctor id
  KAKARI_RETURN_IF_ERROR(facts);
  std::vector<CertificateFact> group;
  for (size_t i = 0; i < facts->size();) {
    Id doctor = (*facts)[i].first;
    group.clear();
    for (; i < facts->size() && (*facts)[i].first == doctor; ++i) {
      CertificateFact f = std::move((*facts)[i].second);
      if (f.programme_code == programme.code)
        f.validity_years = programme.certificate_validity_years;
      group.push_back(std::move(f));
    }
    if (doctor <= max_id)
      t.in_force[static_cast<size_t>(doctor)] = InForceOn(group, day) != nullptr;
  }
  if (!with_units) return t;
  auto lecture = uow.Credits().LectureUnitsByDoctor(programme.credit_window);
  KAKARI_RETURN_IF_ERROR(lecture);
  for (const auto& [d, u] : *lecture) {
    if (d <= max_id) t.lecture[static_cast<size_t>(d)] = u;
  }
  auto approved = uow.Activities().CountApprovedByDoctor();
  KAKARI_RETURN_IF_ERROR(approved);
  for (const auto& [d, n] : *approved) {
    if (d <= max_id) t.approved[static_cast<size_t>(d)] = n;
  }
  return t;
}

Result<Coverage> CoverageWith(UnitOfWork& uow, std::string_view area, const Date& day,
                              bool shortfalls) {
  auto programme = uow.Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto sites = uow.Institutions().ReportableSites(area);
  KAKARI_RETURN_IF_ERROR(sites);
  auto links = uow.Institutions().ActiveLinks(area, day);
  KAKARI_RETURN_IF_ERROR(links);
  Id max_id = 0;
  for (const auto& l : *links) max_id = std::max(max_id, l.doctor_id);
  auto tables = LoadDoctorTables(uow, *programme, max_id, day, shortfalls);
  KAKARI_RETURN_IF_ERROR(tables);
  auto certified = [&](Id d) { return tables->in_force[static_cast<size_t>(d)] != 0; };
  auto shortfall = [&](Id d) {
    if (!shortfalls) return HalfUnits();
    UnitTally t{tables->lecture[static_cast<size_t>(d)], tables->approved[static_cast<size_t>(d)]};
    return Shortfall(Evaluate(*programme, t));
  };
  return ComputeCoverage(*sites, *links, certified, shortfall);
}

}  // namespace

Result<Coverage> CoverageOn(UnitOfWork& uow, std::string_view area, const Date& day) {
  return CoverageWith(uow, area, day, /*shortfalls=*/true);
}

Result<Coverage> CoverageCountsOn(UnitOfWork& uow, std::string_view area, const Date& day) {
  return CoverageWith(uow, area, day, /*shortfalls=*/false);
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
  KAKARI_RETURN_IF_ERROR(uow);
  auto inst = institution_user ? (*uow)->Institutions().FindById(*who.institution_id)
                               : (*uow)->Institutions().FindByCode(code.value_or(""));
  KAKARI_RETURN_IF_ERROR(inst);
  if (!*inst) return NotYours();
  // An institution user asking for another code learns nothing about it.
  if (institution_user && code && *code != (*inst)->code) return NotYours();
  if (!institution_user && !CoversAssociation(who, AreaOf(**inst))) return NotYours();
  Date as_of = day.value_or(deps.clock.TodayInJapan());
  auto answer = AnswerOn(**uow, **inst, as_of);
  if (!answer) return answer;
  uow->reset();
  KAKARI_RETURN_IF_ERROR(RecordViewUnlessUnwritable(deps, caller, "gmis.view", "institution",
                                                    (*inst)->code, "as_of=" + as_of.ToIso()));
  return answer;
}

Result<PdfFile> InstitutionAnswerPdf(const Deps& deps, const Caller& caller,
                                     const std::optional<std::string>& code,
                                     const std::optional<Date>& day, std::string_view public_url) {
  auto renderer = RendererOf(deps);
  KAKARI_RETURN_IF_ERROR(renderer);
  auto answer = InstitutionAnswer(deps, caller, code, day);
  KAKARI_RETURN_IF_ERROR(answer);
  auto pdf =
      (*renderer)->AnswerSheet(AnswerSheetFor(*answer, public_url, deps.clock.TodayInJapan()));
  KAKARI_RETURN_IF_ERROR(pdf);
  return PdfFile{std::move(*pdf),
                 "gmis-" + answer->institution.code + "-" + answer->as_of.ToIso() + ".pdf"};
}

Result<Coverage> AreaCoverage(const Deps& deps, const Caller& caller,
                              const std::optional<std::string>& area,
                              const std::optional<Date>& day) {
  auto resolved = StaffArea(caller.principal, area);
  KAKARI_RETURN_IF_ERROR(resolved);
  const std::string& asked = *resolved;
  Date as_of = day.value_or(deps.clock.TodayInJapan());
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto coverage = CoverageOn(**uow, asked, as_of);
  if (!coverage) return coverage;
  uow->reset();
  KAKARI_RETURN_IF_ERROR(RecordViewUnlessUnwritable(deps, caller, "coverage.view", "area",
                                                    asked.empty() ? "00" : asked,
                                                    "as_of=" + as_of.ToIso()));
  return coverage;
}

}  // namespace kakari::core
