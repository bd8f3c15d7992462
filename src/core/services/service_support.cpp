#include "core/services/service_support.hpp"

#include "core/domain/auth_policy.hpp"
#include "core/domain/validation.hpp"

namespace kakari::core {

Error NotFoundError(std::string_view what_ja, std::string_view what_en) {
  return MakeError(ErrorCode::kNotFound, std::string(what_ja) + "が見つかりません",
                   std::string(what_en) + " not found");
}

Caller CommandLineCaller() {
  Caller c;
  c.principal.role = Role::kJmaAdmin;
  c.principal.organisation_code = "00";
  c.remote_address = "command line";
  c.command_line = true;
  return c;
}

Result<const DocumentRenderer*> RendererOf(const Deps& deps) {
  if (deps.renderer) return deps.renderer;
  return Fail(ErrorCode::kUnavailable, "この環境ではPDFを作れません",
              "this deployment cannot render PDF files", "", "no renderer in Deps");
}

Status RequireJmaAdmin(const Principal& who) {
  if (who.role == Role::kJmaAdmin) return {};
  return Fail(ErrorCode::kPermissionDenied, "日本医師会の管理者のみが行える操作です",
              "only JMA administrators may do this");
}

Status RequirePermission(const Principal& who, Permission p) {
  if (Allows(who, p)) return {};
  switch (p) {
    case Permission::kReview:
      return Fail(ErrorCode::kPermissionDenied, "審査担当者のみが行える操作です",
                  "only reviewing staff may do this");
    case Permission::kAdminister:
      return Fail(ErrorCode::kPermissionDenied, "管理者のみが行える操作です",
                  "only administrators may do this");
    case Permission::kImportCredits:
      return Fail(ErrorCode::kPermissionDenied,
                  "単位の取り込みには credits:import の権限（APIトークン）が必要です",
                  "importing credits needs the credits:import permission (an API token)");
    default:
      return Fail(ErrorCode::kPermissionDenied, "この操作を行う権限がありません",
                  "you are not allowed to do this");
  }
}

namespace {

AuditRecord RecordOf(const Deps& deps, const Caller* caller, std::string_view action,
                     std::string_view subject_type, std::string_view subject_id,
                     std::string_view detail) {
  AuditRecord r;
  r.at = FormatUtcIso(deps.clock.NowUnixSeconds());
  if (caller && caller->principal.user_id > 0) r.actor_user_id = caller->principal.user_id;
  r.actor_role = caller && caller->command_line            ? "operator"
                 : caller && caller->principal.user_id > 0 ? RoleName(caller->principal.role)
                                                           : "anonymous";
  r.action = action;
  r.subject_type = subject_type;
  r.subject_id = subject_id;
  r.detail = detail;
  r.remote_address = caller ? caller->remote_address : "";
  return r;
}

}  // namespace

Status WriteAudit(UnitOfWork& uow, const Deps& deps, const Caller* caller, std::string_view action,
                  std::string_view subject_type, std::string_view subject_id,
                  std::string_view detail) {
  AuditRecord r = RecordOf(deps, caller, action, subject_type, subject_id, detail);
  AuditRecord* one[] = {&r};
  return AppendChained(uow, one, deps.crypto);
}

Status RecordView(const Deps& deps, const Caller& caller, std::string_view action,
                  std::string_view subject_type, std::string_view subject_id,
                  std::string_view detail) {
  return deps.store.AppendAudit(RecordOf(deps, &caller, action, subject_type, subject_id, detail),
                                deps.crypto);
}

Status RecordCommittedChange(const Deps& deps, const Caller& caller, std::string_view action,
                             std::string_view subject_type, std::string_view subject_id,
                             std::string_view detail) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  KAKARI_RETURN_IF_ERROR(
      WriteAudit(**uow, deps, &caller, action, subject_type, subject_id, detail));
  return (*uow)->Commit();
}

Status RecordViewUnlessUnwritable(const Deps& deps, const Caller& caller, std::string_view action,
                                  std::string_view subject_type, std::string_view subject_id,
                                  std::string_view detail) {
  auto s = RecordView(deps, caller, action, subject_type, subject_id, detail);
  if (!s && s.error().code == ErrorCode::kUnavailable) return {};
  return s;
}

Result<Id> Idempotent(UnitOfWork& uow, const Caller& caller, std::string_view operation,
                      const std::function<Result<Id>()>& act) {
  if (caller.idempotency_key.empty()) return act();
  if (caller.idempotency_key.size() > 200) {
    return Fail(ErrorCode::kInvalidArgument, "Idempotency-Key が長すぎます（200文字まで）",
                "Idempotency-Key is too long (200 characters at most)", "Idempotency-Key");
  }
  auto seen = uow.Settings().Idempotency(caller.principal.user_id, caller.idempotency_key);
  KAKARI_RETURN_IF_ERROR(seen);
  if (*seen) {
    if ((*seen)->operation == operation && (*seen)->fingerprint == caller.fingerprint) {
      return (*seen)->result_id;
    }
    return Fail(ErrorCode::kUnprocessable,
                "この Idempotency-Key は別の要求に使われています。新しいキーで送ってください",
                "this Idempotency-Key was used for a different request; send a new key",
                "Idempotency-Key");
  }
  auto id = act();
  if (!id) return id;
  auto put = uow.Settings().PutIdempotency(
      caller.principal.user_id, caller.idempotency_key,
      IdempotencyRecord{caller.fingerprint, std::string(operation), *id});
  KAKARI_RETURN_IF_ERROR(put);
  return id;
}

Result<ReviewItem> LoadVisibleItem(UnitOfWork& uow, const Principal& who, ReviewKind kind, Id id) {
  auto item = uow.Reviews().Find(kind, id);
  KAKARI_RETURN_IF_ERROR(item);
  bool visible = false;
  if (*item) {
    visible = who.role == Role::kDoctor ? who.doctor_id && *who.doctor_id == (*item)->doctor_id
                                        : CoversAssociation(who, (*item)->routed_to_code);
  }
  if (!visible) return tl::unexpected(NotFoundError("申請・報告", "item"));
  return **item;
}

Result<Doctor> LoadVisibleDoctor(UnitOfWork& uow, const Principal& who,
                                 std::string_view registry_number) {
  auto reg = ValidateRegistryNumber(registry_number);
  KAKARI_RETURN_IF_ERROR(reg);
  auto doctor = uow.Doctors().FindByRegistryNumber(*reg);
  KAKARI_RETURN_IF_ERROR(doctor);
  std::string home_code;
  if (*doctor) {
    auto home = uow.Organisations().FindById((*doctor)->home_association_id);
    KAKARI_RETURN_IF_ERROR(home);
    if (*home) home_code = (*home)->code;
  }
  if (!*doctor || !MaySeeDoctor(who, (*doctor)->id, home_code)) {
    return tl::unexpected(NotFoundError("医師", "doctor"));
  }
  return **doctor;
}

Result<Id> InWriteTransaction(const Deps& deps, const Caller& caller, std::string_view operation,
                              const std::function<Result<Id>(UnitOfWork&)>& fn) {
  return InTransaction<Id>(deps, [&](UnitOfWork& uow) {
    return Idempotent(uow, caller, operation, [&] { return fn(uow); });
  });
}

Status ApplyTransition(UnitOfWork& uow, const Deps& deps, const Caller& caller,
                       const ReviewItem& item, ReviewAction action, std::string_view reason) {
  auto to = Transition(item.status, action);
  KAKARI_RETURN_IF_ERROR(to);
  auto updated = uow.Reviews().UpdateStatus(item.kind, item.id, item.version, *to, reason);
  KAKARI_RETURN_IF_ERROR(updated);
  if (!*updated) {
    return Fail(ErrorCode::kConflict, "他の担当者が先に更新しました。最新の状態を確認してください",
                "someone else changed this item first; reload it", "version");
  }
  HistoryEntry e;
  e.at = FormatUtcIso(deps.clock.NowUnixSeconds());
  e.from = item.status;
  e.to = *to;
  e.action = ReviewActionName(action);
  e.actor_user_id = caller.principal.user_id;
  e.actor_role = RoleName(caller.principal.role);
  e.reason = reason;
  KAKARI_RETURN_IF_ERROR(uow.Reviews().AddHistory(item.kind, item.id, e));
  return WriteAudit(uow, deps, &caller,
                    std::string(ReviewKindName(item.kind)) + "." + ReviewActionName(action),
                    ReviewKindName(item.kind), std::to_string(item.id), reason);
}

Result<Doctor> CallerDoctor(UnitOfWork& uow, const Principal& who) {
  if (!who.doctor_id) return tl::unexpected(NotFoundError("医師の記録", "doctor record"));
  auto d = uow.Doctors().FindById(*who.doctor_id);
  KAKARI_RETURN_IF_ERROR(d);
  if (!*d) return tl::unexpected(NotFoundError("医師の記録", "doctor record"));
  return **d;
}

Result<RouteDecision> RouteFor(UnitOfWork& uow, const Doctor& doctor) {
  auto home = uow.Organisations().FindById(doctor.home_association_id);
  KAKARI_RETURN_IF_ERROR(home);
  if (!*home) return tl::unexpected(NotFoundError("所属医師会", "home association"));
  Organisation prefecture = **home;
  if ((*home)->level == OrgLevel::kCounty && (*home)->parent_id) {
    auto p = uow.Organisations().FindById(*(*home)->parent_id);
    KAKARI_RETURN_IF_ERROR(p);
    if (*p) prefecture = **p;
  }
  auto rule = uow.Settings().Routing(prefecture.code);
  KAKARI_RETURN_IF_ERROR(rule);
  return Route(*rule, **home, prefecture, doctor.member_id.has_value());
}

Result<CurrentStanding> StandingOf(UnitOfWork& uow, Id doctor_id) {
  auto programme = uow.Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto lecture = uow.Credits().LectureUnits(doctor_id, programme->credit_window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = uow.Activities().ApprovedIds(doctor_id);
  KAKARI_RETURN_IF_ERROR(approved);
  UnitTally tally{*lecture, static_cast<int>(approved->size())};
  return CurrentStanding{*programme, Evaluate(*programme, tally), std::move(*approved)};
}

Result<AuditCheck> VerifyAudit(const Deps& deps) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  AuditChainVerifier verifier(deps.crypto);
  if (auto s = (*uow)->Audit().ForEach([&](const AuditRecord& r) { return verifier.Feed(r); });
      !s) {
    return tl::unexpected(s.error());
  }
  return AuditCheck{verifier.checked(), verifier.first_broken(), verifier.reason()};
}

}  // namespace kakari::core

namespace kakari::core {

Result<std::string> StaffArea(const Principal& who, const std::optional<std::string>& area) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(who, Permission::kReview));
  auto own = ScopePrefix(who);
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
  if (!CoversAssociation(who, asked.empty() ? "00" : asked)) {
    return Fail(ErrorCode::kNotFound, "その地域は担当外です", "that area is outside yours");
  }
  return asked;
}

}  // namespace kakari::core
