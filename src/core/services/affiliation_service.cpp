#include "core/services/affiliation_service.hpp"

#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

Error NoSuchAffiliation() { return NotFoundError("勤務先", "affiliation"); }

Result<Institution> InstitutionById(UnitOfWork& uow, Id id) {
  auto inst = uow.Institutions().FindById(id);
  if (!inst) return tl::unexpected(inst.error());
  if (!*inst) return tl::unexpected(NotFoundError("医療機関", "institution"));
  return **inst;
}

Result<Workplace> WorkplaceOf(UnitOfWork& uow, const Affiliation& a) {
  auto inst = InstitutionById(uow, a.institution_id);
  if (!inst) return tl::unexpected(inst.error());
  return Workplace{a, *inst, VisibleToInstitution(a)};
}

Result<AffiliationRequest> RequestOf(UnitOfWork& uow, const Affiliation& a) {
  auto d = uow.Doctors().FindById(a.doctor_id);
  if (!d) return tl::unexpected(d.error());
  if (!*d) return tl::unexpected(NotFoundError("医師", "doctor"));
  return AffiliationRequest{a, (*d)->registry_number, (*d)->name};
}

std::string Detail(const Affiliation& a) {
  return std::string("state=") + AffiliationStateName(a.state) +
         " institution=" + std::to_string(a.institution_id) +
         (a.ended_on ? " ended_on=" + a.ended_on->ToIso() : "");
}

// Adds `a` (its state from its source) and audits it.
Result<Affiliation> Record(UnitOfWork& uow, const Deps& deps, const Caller& caller, Affiliation a) {
  if (auto p = ValidatePeriod(a.started_on, a.ended_on); !p) return tl::unexpected(p.error());
  a.state = InitialState(a.source);
  auto id = uow.Institutions().AddAffiliation(a);
  if (!id && id.error().code == ErrorCode::kAlreadyExists) {
    return Fail(ErrorCode::kAlreadyExists, "この勤務先は同じ開始日で既に登録されています",
                "this workplace is already recorded with the same start date", "started_on");
  }
  if (!id) return tl::unexpected(id.error());
  a.id = *id;
  if (auto w = WriteAudit(uow, deps, &caller, "affiliation.add", "affiliation",
                          std::to_string(a.id), Detail(a));
      !w) {
    return tl::unexpected(w.error());
  }
  return a;
}

// Moves the affiliation by the side's decision, checking the version.
Result<Affiliation> Decide(UnitOfWork& uow, const Deps& deps, const Caller& caller, Affiliation a,
                           AffiliationSide side, const AffiliationDecision& d) {
  auto to = ApplyAffiliationAction(a.state, side, d.action);
  if (!to) return tl::unexpected(to.error());
  Affiliation next = a;
  next.state = *to;
  if (d.action == AffiliationAction::kEnd && *to == AffiliationState::kConfirmed) {
    next.ended_on = d.ended_on.value_or(deps.clock.TodayInJapan());
    if (auto p = ValidatePeriod(next.started_on, next.ended_on); !p) {
      return tl::unexpected(p.error());
    }
  }
  auto ok = uow.Institutions().UpdateAffiliation(next, d.version);
  if (!ok) return tl::unexpected(ok.error());
  if (!*ok) {
    return Fail(ErrorCode::kConflict, "先に更新されました。最新の状態を確認してください",
                "it was changed first; look at the latest state", "version");
  }
  next.version = d.version + 1;
  if (auto w = WriteAudit(uow, deps, &caller,
                          std::string("affiliation.") + AffiliationActionName(d.action),
                          "affiliation", std::to_string(a.id), Detail(next));
      !w) {
    return tl::unexpected(w.error());
  }
  return next;
}

Status RequireInstitutionUser(const Principal& who) {
  if (who.role != Role::kInstitution || !who.institution_id ||
      !Allows(who, Permission::kInstitutionView)) {
    return Fail(ErrorCode::kPermissionDenied, "医療機関の担当者のみが行える操作です",
                "only institution users may do this");
  }
  return {};
}

Result<Affiliation> OwnedAffiliation(UnitOfWork& uow, Id id,
                                     bool (*owns)(const Affiliation&, const Principal&),
                                     const Principal& who) {
  auto a = uow.Institutions().FindAffiliation(id);
  if (!a) return tl::unexpected(a.error());
  if (!*a || !owns(**a, who)) return tl::unexpected(NoSuchAffiliation());
  return **a;
}

bool DoctorOwns(const Affiliation& a, const Principal& who) {
  return who.doctor_id && a.doctor_id == *who.doctor_id;
}
bool InstitutionOwns(const Affiliation& a, const Principal& who) {
  return who.institution_id && a.institution_id == *who.institution_id;
}

}  // namespace

Result<std::vector<Workplace>> MyWorkplaces(const Deps& deps, const Caller& caller) {
  return ReadOwnRecord<std::vector<Workplace>>(
      deps, caller, [&](UnitOfWork& uow, const Doctor& d) -> Result<std::vector<Workplace>> {
        auto list = uow.Institutions().AffiliationsOfDoctor(d.id);
        if (!list) return tl::unexpected(list.error());
        std::vector<Workplace> out;
        for (const auto& a : *list) {
          auto w = WorkplaceOf(uow, a);
          if (!w) return tl::unexpected(w.error());
          out.push_back(std::move(*w));
        }
        return out;
      });
}

Result<Workplace> AddMyWorkplace(const Deps& deps, const Caller& caller,
                                 const std::string& institution_code, const NewAffiliation& input) {
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  auto code = ValidateInstitutionCode(institution_code);
  if (!code) return tl::unexpected(code.error());
  return InTransaction<Workplace>(deps, [&](UnitOfWork& uow) -> Result<Workplace> {
    auto doctor = CallerDoctor(uow, caller.principal);
    if (!doctor) return tl::unexpected(doctor.error());
    auto inst = uow.Institutions().FindByCode(*code);
    if (!inst) return tl::unexpected(inst.error());
    if (!*inst) {
      return Fail(ErrorCode::kNotFound,
                  "医療機関コード " + *code + " の医療機関は登録されていません",
                  "no institution has code " + *code, "institution_code");
    }
    Affiliation a;
    a.doctor_id = doctor->id;
    a.institution_id = (*inst)->id;
    a.started_on = input.started_on;
    a.employment = input.employment;
    a.source = AffiliationSource::kDoctor;
    auto added = Record(uow, deps, caller, a);
    if (!added) return tl::unexpected(added.error());
    return Workplace{*added, **inst, VisibleToInstitution(*added)};
  });
}

Result<Workplace> DecideMyWorkplace(const Deps& deps, const Caller& caller, Id id,
                                    const AffiliationDecision& decision) {
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  return InTransaction<Workplace>(deps, [&](UnitOfWork& uow) -> Result<Workplace> {
    auto a = OwnedAffiliation(uow, id, DoctorOwns, caller.principal);
    if (!a) return tl::unexpected(a.error());
    auto next = Decide(uow, deps, caller, *a, AffiliationSide::kDoctor, decision);
    if (!next) return tl::unexpected(next.error());
    return WorkplaceOf(uow, *next);
  });
}

Result<std::vector<AffiliationRequest>> InstitutionAffiliations(const Deps& deps,
                                                                const Caller& caller) {
  if (auto r = RequireInstitutionUser(caller.principal); !r) return tl::unexpected(r.error());
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  auto list = (*uow)->Institutions().AffiliationsOfInstitution(*caller.principal.institution_id);
  if (!list) return tl::unexpected(list.error());
  std::vector<AffiliationRequest> out;
  for (const auto& a : *list) {
    if (a.state == AffiliationState::kDeclined) continue;  // a "no" shows nobody
    auto r = RequestOf(**uow, a);
    if (!r) return tl::unexpected(r.error());
    out.push_back(std::move(*r));
  }
  uow->reset();
  if (auto v = RecordViewUnlessUnwritable(deps, caller, "affiliation.list", "institution",
                                          std::to_string(*caller.principal.institution_id), "");
      !v) {
    return tl::unexpected(v.error());
  }
  return out;
}

Result<AffiliationRequest> ProposeDoctor(const Deps& deps, const Caller& caller,
                                         const std::string& registry_number,
                                         const std::string& name, const NewAffiliation& input) {
  if (auto r = RequireInstitutionUser(caller.principal); !r) return tl::unexpected(r.error());
  auto reg = ValidateRegistryNumber(registry_number);
  if (!reg) return tl::unexpected(reg.error());
  return InTransaction<AffiliationRequest>(
      deps, [&](UnitOfWork& uow) -> Result<AffiliationRequest> {
        auto d = uow.Doctors().FindByRegistryNumber(*reg);
        if (!d) return tl::unexpected(d.error());
        // A wrong name is told apart from an unknown number by nobody.
        if (!*d || SearchKey((*d)->name) != SearchKey(util::Trim(name))) {
          return Fail(ErrorCode::kNotFound, "医籍登録番号と氏名が一致する医師が見つかりません",
                      "no doctor matches that registry number and name", "registry_number");
        }
        Affiliation a;
        a.doctor_id = (*d)->id;
        a.institution_id = *caller.principal.institution_id;
        a.started_on = input.started_on;
        a.employment = input.employment;
        a.source = AffiliationSource::kInstitution;
        auto added = Record(uow, deps, caller, a);
        if (!added) return tl::unexpected(added.error());
        return AffiliationRequest{*added, (*d)->registry_number, (*d)->name};
      });
}

Result<AffiliationRequest> DecideInstitutionAffiliation(const Deps& deps, const Caller& caller,
                                                        Id id,
                                                        const AffiliationDecision& decision) {
  if (auto r = RequireInstitutionUser(caller.principal); !r) return tl::unexpected(r.error());
  return InTransaction<AffiliationRequest>(
      deps, [&](UnitOfWork& uow) -> Result<AffiliationRequest> {
        auto a = OwnedAffiliation(uow, id, InstitutionOwns, caller.principal);
        if (!a) return tl::unexpected(a.error());
        if (a->state == AffiliationState::kDeclined) return tl::unexpected(NoSuchAffiliation());
        auto next = Decide(uow, deps, caller, *a, AffiliationSide::kInstitution, decision);
        if (!next) return tl::unexpected(next.error());
        return RequestOf(uow, *next);
      });
}

Result<std::vector<Institution>> SearchInstitutions(const Deps& deps, const Caller& caller,
                                                    const std::string& query) {
  const Principal& who = caller.principal;
  std::string area;
  if (IsStaff(who.role)) {
    auto prefix = ScopePrefix(who);
    if (!prefix)
      return Fail(ErrorCode::kPermissionDenied, "担当地域がありません", "you have no area");
    area = *prefix == "00" ? "" : *prefix;
  }
  std::string q(util::Trim(query));
  if (q.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "医療機関コードか名称を入力してください",
                "enter an institution code or name", "q");
  }
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->Institutions().Search(area, q, SearchKey(q), 20);
}

}  // namespace kakari::core
