#include "core/services/affiliation_service.hpp"

#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "core/services/notice_service.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

Error NoSuchAffiliation() { return NotFoundError("勤務先", "affiliation"); }

Result<Institution> InstitutionById(UnitOfWork& uow, Id id) {
  auto inst = uow.Institutions().FindById(id);
  KAKARI_RETURN_IF_ERROR(inst);
  if (!*inst) return tl::unexpected(NotFoundError("医療機関", "institution"));
  return **inst;
}

Result<Workplace> WorkplaceOf(UnitOfWork& uow, const Affiliation& a) {
  auto inst = InstitutionById(uow, a.institution_id);
  KAKARI_RETURN_IF_ERROR(inst);
  return Workplace{a, *inst, VisibleToInstitution(a)};
}

Result<AffiliationRequest> RequestOf(UnitOfWork& uow, const Affiliation& a) {
  auto d = uow.Doctors().FindById(a.doctor_id);
  KAKARI_RETURN_IF_ERROR(d);
  if (!*d) return tl::unexpected(NotFoundError("医師", "doctor"));
  return AffiliationRequest{a, (*d)->registry_number, (*d)->name};
}

std::string Detail(const Affiliation& a) {
  return std::string("state=") + AffiliationStateName(a.state) +
         " institution=" + std::to_string(a.institution_id) +
         (a.ended_on ? " ended_on=" + a.ended_on->ToIso() : "");
}

Result<bool> TellInstitution(UnitOfWork& uow, const Deps& deps, Id institution_id, NoticeKind kind,
                             const NoticeFields& fields) {
  KAKARI_TRY(users, uow.Users().OfInstitution(institution_id));
  for (const UserRecord& u : users) {
    KAKARI_RETURN_IF_ERROR(QueueNotice(uow, deps, u.id, kind, fields, "/#/institution/doctors"));
  }
  return !users.empty();
}

// Tells the side that has to act (a proposal) or both sides (a
// confirmation) when an affiliation reaches `a.state`.
Status TellAffiliation(UnitOfWork& uow, const Deps& deps, const Affiliation& a) {
  KAKARI_TRY(inst, InstitutionById(uow, a.institution_id));
  KAKARI_TRY(doctor, uow.Doctors().FindById(a.doctor_id));
  std::string doctor_name = doctor ? doctor->name : "";
  switch (a.state) {
    case AffiliationState::kAwaitingInstitution:
      return TellInstitution(uow, deps, inst.id, NoticeKind::kAffiliationProposed,
                             {{"institution", inst.name}, {"proposer", doctor_name}})
          .map([](bool) {});
    case AffiliationState::kAwaitingDoctor:
      return QueueDoctorNotice(uow, deps, a.doctor_id, NoticeKind::kAffiliationProposed,
                               {{"institution", inst.name}, {"proposer", inst.name}},
                               "/#/workplaces")
          .map([](bool) {});
    case AffiliationState::kConfirmed:
      KAKARI_RETURN_IF_ERROR(QueueDoctorNotice(uow, deps, a.doctor_id,
                                               NoticeKind::kAffiliationConfirmed,
                                               {{"institution", inst.name}}, "/#/workplaces"));
      return TellInstitution(uow, deps, inst.id, NoticeKind::kAffiliationConfirmed,
                             {{"institution", inst.name + "（" + doctor_name + "）"}})
          .map([](bool) {});
    default:
      return {};
  }
}

// Adds `a` (its state from its source) and audits it.
Result<Affiliation> Record(UnitOfWork& uow, const Deps& deps, const Caller& caller, Affiliation a) {
  KAKARI_RETURN_IF_ERROR(ValidatePeriod(a.started_on, a.ended_on));
  a.state = InitialState(a.source);
  auto id = uow.Institutions().AddAffiliation(a);
  if (!id && id.error().code == ErrorCode::kAlreadyExists) {
    return Fail(ErrorCode::kAlreadyExists, "この勤務先は同じ開始日で既に登録されています",
                "this workplace is already recorded with the same start date", "started_on");
  }
  KAKARI_RETURN_IF_ERROR(id);
  a.id = *id;
  KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "affiliation.add", "affiliation",
                                    std::to_string(a.id), Detail(a)));
  KAKARI_RETURN_IF_ERROR(TellAffiliation(uow, deps, a));
  return a;
}

// Moves the affiliation by the side's decision, checking the version.
Result<Affiliation> Decide(UnitOfWork& uow, const Deps& deps, const Caller& caller, Affiliation a,
                           AffiliationSide side, const AffiliationDecision& d) {
  auto to = ApplyAffiliationAction(a.state, side, d.action);
  KAKARI_RETURN_IF_ERROR(to);
  Affiliation next = a;
  next.state = *to;
  if (d.action == AffiliationAction::kEnd && *to == AffiliationState::kConfirmed) {
    next.ended_on = d.ended_on.value_or(deps.clock.TodayInJapan());
    KAKARI_RETURN_IF_ERROR(ValidatePeriod(next.started_on, next.ended_on));
  }
  auto ok = uow.Institutions().UpdateAffiliation(next, d.version);
  KAKARI_RETURN_IF_ERROR(ok);
  if (!*ok) {
    return Fail(ErrorCode::kConflict, "先に更新されました。最新の状態を確認してください",
                "it was changed first; look at the latest state", "version");
  }
  next.version = d.version + 1;
  KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller,
                                    std::string("affiliation.") + AffiliationActionName(d.action),
                                    "affiliation", std::to_string(a.id), Detail(next)));
  if (next.state == AffiliationState::kConfirmed && a.state != AffiliationState::kConfirmed) {
    KAKARI_RETURN_IF_ERROR(TellAffiliation(uow, deps, next));
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
  KAKARI_RETURN_IF_ERROR(a);
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
        KAKARI_RETURN_IF_ERROR(list);
        std::vector<Workplace> out;
        for (const auto& a : *list) {
          auto w = WorkplaceOf(uow, a);
          KAKARI_RETURN_IF_ERROR(w);
          out.push_back(std::move(*w));
        }
        return out;
      });
}

Result<Workplace> AddMyWorkplace(const Deps& deps, const Caller& caller,
                                 const std::string& institution_code, const NewAffiliation& input) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  auto code = ValidateInstitutionCode(institution_code);
  KAKARI_RETURN_IF_ERROR(code);
  return InTransaction<Workplace>(deps, [&](UnitOfWork& uow) -> Result<Workplace> {
    auto doctor = CallerDoctor(uow, caller.principal);
    KAKARI_RETURN_IF_ERROR(doctor);
    auto inst = uow.Institutions().FindByCode(*code);
    KAKARI_RETURN_IF_ERROR(inst);
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
    KAKARI_RETURN_IF_ERROR(added);
    return Workplace{*added, **inst, VisibleToInstitution(*added)};
  });
}

Result<Workplace> DecideMyWorkplace(const Deps& deps, const Caller& caller, Id id,
                                    const AffiliationDecision& decision) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  return InTransaction<Workplace>(deps, [&](UnitOfWork& uow) -> Result<Workplace> {
    auto a = OwnedAffiliation(uow, id, DoctorOwns, caller.principal);
    KAKARI_RETURN_IF_ERROR(a);
    auto next = Decide(uow, deps, caller, *a, AffiliationSide::kDoctor, decision);
    KAKARI_RETURN_IF_ERROR(next);
    return WorkplaceOf(uow, *next);
  });
}

Result<std::vector<AffiliationRequest>> InstitutionAffiliations(const Deps& deps,
                                                                const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequireInstitutionUser(caller.principal));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto list = (*uow)->Institutions().AffiliationsOfInstitution(*caller.principal.institution_id);
  KAKARI_RETURN_IF_ERROR(list);
  std::vector<AffiliationRequest> out;
  for (const auto& a : *list) {
    if (a.state == AffiliationState::kDeclined) continue;  // a "no" shows nobody
    auto r = RequestOf(**uow, a);
    KAKARI_RETURN_IF_ERROR(r);
    out.push_back(std::move(*r));
  }
  uow->reset();
  KAKARI_RETURN_IF_ERROR(
      RecordViewUnlessUnwritable(deps, caller, "affiliation.list", "institution",
                                 std::to_string(*caller.principal.institution_id), ""));
  return out;
}

Result<AffiliationRequest> ProposeDoctor(const Deps& deps, const Caller& caller,
                                         const std::string& registry_number,
                                         const std::string& name, const NewAffiliation& input) {
  KAKARI_RETURN_IF_ERROR(RequireInstitutionUser(caller.principal));
  auto reg = ValidateRegistryNumber(registry_number);
  KAKARI_RETURN_IF_ERROR(reg);
  return InTransaction<AffiliationRequest>(
      deps, [&](UnitOfWork& uow) -> Result<AffiliationRequest> {
        auto d = uow.Doctors().FindByRegistryNumber(*reg);
        KAKARI_RETURN_IF_ERROR(d);
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
        KAKARI_RETURN_IF_ERROR(added);
        return AffiliationRequest{*added, (*d)->registry_number, (*d)->name};
      });
}

Result<AffiliationRequest> DecideInstitutionAffiliation(const Deps& deps, const Caller& caller,
                                                        Id id,
                                                        const AffiliationDecision& decision) {
  KAKARI_RETURN_IF_ERROR(RequireInstitutionUser(caller.principal));
  return InTransaction<AffiliationRequest>(
      deps, [&](UnitOfWork& uow) -> Result<AffiliationRequest> {
        auto a = OwnedAffiliation(uow, id, InstitutionOwns, caller.principal);
        KAKARI_RETURN_IF_ERROR(a);
        if (a->state == AffiliationState::kDeclined) return tl::unexpected(NoSuchAffiliation());
        auto next = Decide(uow, deps, caller, *a, AffiliationSide::kInstitution, decision);
        KAKARI_RETURN_IF_ERROR(next);
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
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Institutions().Search(area, q, SearchKey(q), 20);
}

}  // namespace kakari::core
