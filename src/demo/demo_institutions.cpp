// Demo institutions: one Tokyo institution for each G-MIS answer, with a
// login each, so that `make run` and the tests can see every case: a doctor
// with a certificate (有り), the only trained doctor's certificate revoked
// (無し), a dental clinic and an advanced-treatment hospital (exempt), and
// a clinic whose trained doctor left last year (無し). Institution 1 also
// holds affiliations in every state.
#include "demo/demo_institutions.hpp"

#include "core/domain/validation.hpp"
#include "core/services/auth_service.hpp"

namespace kakari::demo {

using core::Affiliation;
using core::AffiliationSource;
using core::AffiliationState;
using core::CreateUser;
using core::Date;
using core::Deps;
using core::Employment;
using core::ErrorCode;
using core::Fail;
using core::Id;
using core::Institution;
using core::InstitutionCodeCheckDigit;
using core::NotFoundError;
using core::Result;
using core::Role;
using core::Status;
using core::UnitOfWork;
using core::UserRecord;

namespace {

struct DemoSite {
  const char* login;
  const char* first9;
  const char* name;
  const char* kana;
  const char* kind;
  bool advanced;
  const char* who_ja;
  const char* who_en;
};

constexpr DemoSite kSites[] = {
    {"institution-2", "131900001", "取消記念病院", "トリケシキネンビョウイン", "hospital", false,
     "医療機関（修了証が取り消された医師のみ）", "institution (only trained doctor revoked)"},
    {"institution-3", "133900002", "さくら歯科医院", "サクラシカイイン", "clinic", false,
     "歯科医療機関（報告対象外）", "dental clinic (exempt)"},
    {"institution-4", "131900003", "東都大学病院", "トウトダイガクビョウイン", "hospital", true,
     "特定機能病院（報告対象外）", "advanced-treatment hospital (exempt)"},
    {"institution-5", "131900004", "みなと医院", "ミナトイイン", "clinic", false,
     "医療機関（修了者が昨年退職）", "institution (trained doctor left last year)"},
};

Result<Id> CertifiedDoctor(UnitOfWork& uow, const std::string& number) {
  auto c = uow.Certificates().Find(number, std::nullopt);
  KAKARI_RETURN_IF_ERROR(c);
  if (!*c) return tl::unexpected(NotFoundError("修了証", "certificate"));
  return (*c)->doctor_id;
}

Status Affiliate(UnitOfWork& uow, Id doctor, Id institution, AffiliationState state,
                 AffiliationSource source, std::optional<Date> ended_on = std::nullopt) {
  Affiliation a;
  a.doctor_id = doctor;
  a.institution_id = institution;
  a.started_on = Date{2015, 4, 1};
  a.ended_on = ended_on;
  a.employment = Employment::kPartTime;
  a.state = state;
  a.source = source;
  auto id = uow.Institutions().AddAffiliation(a);
  KAKARI_RETURN_IF_ERROR(id);
  return {};
}

// Inserts the four sites; returns their ids in kSites order.
Result<std::vector<Id>> InsertSites(UnitOfWork& uow) {
  std::vector<Id> ids;
  for (const auto& s : kSites) {
    Institution i;
    i.code = std::string(s.first9) + std::to_string(InstitutionCodeCheckDigit(s.first9));
    i.name = s.name;
    i.kana = s.kana;
    i.kind = s.kind;
    i.advanced_treatment = s.advanced;
    i.postal_code = "1000001";
    i.address = "東京都千代田区千代田1-1";
    i.association_code = "13001";
    auto id = uow.Institutions().Insert(i);
    KAKARI_RETURN_IF_ERROR(id);
    ids.push_back(*id);
  }
  return ids;
}

// Institution 1: the first certified doctor, and one affiliation in each
// pending state and one declined (doctor ids 10-12 are ordinary demo doctors).
Status AffiliateAtFirst(UnitOfWork& uow, Id certified) {
  using S = AffiliationState;
  using Src = AffiliationSource;
  KAKARI_RETURN_IF_ERROR(Affiliate(uow, certified, 1, S::kConfirmed, Src::kStaff));
  KAKARI_RETURN_IF_ERROR(Affiliate(uow, 10, 1, S::kAwaitingInstitution, Src::kDoctor));
  KAKARI_RETURN_IF_ERROR(Affiliate(uow, 11, 1, S::kAwaitingDoctor, Src::kInstitution));
  return Affiliate(uow, 12, 1, S::kDeclined, Src::kDoctor);
}

}  // namespace

Result<std::vector<DemoLogin>> CreateDemoInstitutions(const Deps& deps,
                                                      const std::vector<std::string>& numbers) {
  if (numbers.size() < 3) {
    return Fail(ErrorCode::kInternal, "デモの修了証が足りません", "the demo needs 3 certificates");
  }
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto valid = CertifiedDoctor(**uow, numbers[0]);
  auto reissued = CertifiedDoctor(**uow, numbers[1]);
  auto revoked = CertifiedDoctor(**uow, numbers[2]);
  for (auto* r : {&valid, &reissued, &revoked}) {
    if (!*r) return tl::unexpected(r->error());
  }
  auto ids = InsertSites(**uow);
  KAKARI_RETURN_IF_ERROR(ids);
  using S = AffiliationState;
  using Src = AffiliationSource;
  Date left{deps.clock.TodayInJapan().year - 1, 9, 30};
  for (auto s : {AffiliateAtFirst(**uow, *valid),
                 Affiliate(**uow, *revoked, (*ids)[0], S::kConfirmed, Src::kImport),
                 Affiliate(**uow, *valid, (*ids)[1], S::kConfirmed, Src::kImport),
                 Affiliate(**uow, *valid, (*ids)[2], S::kConfirmed, Src::kImport),
                 Affiliate(**uow, *reissued, (*ids)[3], S::kConfirmed, Src::kImport, left)}) {
    KAKARI_RETURN_IF_ERROR(s);
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  std::vector<DemoLogin> out;
  for (size_t i = 0; i < std::size(kSites); ++i) {
    UserRecord u;
    u.login = kSites[i].login;
    u.role = Role::kInstitution;
    u.institution_id = (*ids)[i];
    auto id = CreateUser(deps, u, kDemoPassword);
    KAKARI_RETURN_IF_ERROR(id);
    out.push_back({u.login, "institution", kSites[i].who_ja, kSites[i].who_en});
  }
  return out;
}

}  // namespace kakari::demo
