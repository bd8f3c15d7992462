#include "demo/demo_accounts.hpp"

#include "core/services/auth_service.hpp"

namespace kakari::demo {

using core::Affiliation;
using core::CreateUser;
using core::Date;
using core::Deps;
using core::Employment;
using core::Id;
using core::NotFoundError;
using core::Result;
using core::Role;
using core::RoleName;
using core::Status;
using core::Store;
using core::UserRecord;

namespace {

Result<std::optional<Id>> OrgId(Store& store, const char* code) {
  auto uow = store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto org = (*uow)->Organisations().FindByCode(code);
  KAKARI_RETURN_IF_ERROR(org);
  return *org ? std::optional<Id>((*org)->id) : std::nullopt;
}

// The showcase doctors work at the first institution, so that its user has
// someone to see.
Result<Id> AffiliateShowcase(Store& store) {
  auto uow = store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto inst = (*uow)->Institutions().FindById(1);
  KAKARI_RETURN_IF_ERROR(inst);
  if (!*inst) return tl::unexpected(NotFoundError("医療機関", "institution"));
  for (const char* reg : {"100001", "100002", "100003", "100004"}) {
    auto d = (*uow)->Doctors().FindByRegistryNumber(reg);
    KAKARI_RETURN_IF_ERROR(d);
    if (!*d) continue;
    Affiliation a;
    a.doctor_id = (*d)->id;
    a.institution_id = (*inst)->id;
    a.started_on = Date{2020, 4, 1};
    a.employment = Employment::kFullTime;
    KAKARI_RETURN_IF_ERROR((*uow)->Institutions().AddAffiliation(a));
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return (*inst)->id;
}

Result<Id> DoctorId(Store& store, const char* reg) {
  auto uow = store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto d = (*uow)->Doctors().FindByRegistryNumber(reg);
  KAKARI_RETURN_IF_ERROR(d);
  if (!*d) return tl::unexpected(NotFoundError("医師", "doctor"));
  return (*d)->id;
}

}  // namespace

Result<std::vector<DemoLogin>> CreateDemoAccounts(const Deps& deps) {
  auto county = OrgId(deps.store, "13001");
  auto prefecture = OrgId(deps.store, "13");
  auto jma = OrgId(deps.store, "00");
  for (auto* r : {&county, &prefecture, &jma}) {
    if (!*r) return tl::unexpected(r->error());
  }
  auto institution = AffiliateShowcase(deps.store);
  KAKARI_RETURN_IF_ERROR(institution);
  std::vector<DemoLogin> out;
  auto add = [&](UserRecord u, DemoLogin shown) -> Status {
    auto id = CreateUser(deps, u, kDemoPassword);
    KAKARI_RETURN_IF_ERROR(id);
    out.push_back(std::move(shown));
    return {};
  };
  for (const char* reg : {"100001", "100002", "100003", "100004"}) {
    auto doctor = DoctorId(deps.store, reg);
    KAKARI_RETURN_IF_ERROR(doctor);
    UserRecord u;
    u.login = std::string("99") + reg;
    u.doctor_id = *doctor;
    if (auto s = add(u, {u.login, "doctor", std::string("医師（医籍 ") + reg + "）",
                         std::string("doctor (registry ") + reg + ")"});
        !s) {
      return tl::unexpected(s.error());
    }
  }
  const struct {
    const char* login;
    Role role;
    std::optional<Id> org;
    const char* ja;
    const char* en;
  } staff[] = {
      {"reviewer-13001", Role::kReviewer, *county, "郡市区医師会（13001）審査担当",
       "county reviewer (13001)"},
      {"admin-13", Role::kAdmin, *prefecture, "東京都医師会 管理者", "prefecture admin (Tokyo)"},
      {"jma-admin", Role::kJmaAdmin, *jma, "日本医師会 管理者", "JMA administrator"},
  };
  for (const auto& s : staff) {
    UserRecord u;
    u.login = s.login;
    u.role = s.role;
    u.organisation_id = s.org;
    if (auto r = add(u, {s.login, RoleName(s.role), s.ja, s.en}); !r) {
      return tl::unexpected(r.error());
    }
  }
  UserRecord inst;
  inst.login = "institution-1";
  inst.role = Role::kInstitution;
  inst.institution_id = *institution;
  if (auto r = add(inst, {inst.login, "institution", "医療機関の担当者", "institution user"}); !r) {
    return tl::unexpected(r.error());
  }
  return out;
}

}  // namespace kakari::demo
