// Staff-side account work: one-time codes for doctors, API tokens.
#include "core/services/credential_admin.hpp"

#include "core/domain/validation.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/decision_notices.hpp"

namespace kakari::core {

namespace {

Error Forbidden() {
  return MakeError(ErrorCode::kPermissionDenied, "この操作を行う権限がありません",
                   "you are not allowed to do this");
}

// The doctor's account, created (without a password) when missing.
Result<UserRecord> AccountOf(UnitOfWork& uow, const Doctor& d) {
  auto existing = uow.Users().FindByDoctor(d.id);
  KAKARI_RETURN_IF_ERROR(existing);
  if (*existing) return **existing;
  UserRecord u;
  u.login = d.member_id ? *d.member_id : d.registry_number;
  u.role = Role::kDoctor;
  u.doctor_id = d.id;
  auto id = uow.Users().Insert(u);
  KAKARI_RETURN_IF_ERROR(id);
  u.id = *id;
  return u;
}

}  // namespace

Result<IssuedCode> IssueOneTimeCode(const Deps& deps, const Caller& caller,
                                    std::string_view registry_number) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto doctor = LoadVisibleDoctor(**uow, caller.principal, registry_number);
  KAKARI_RETURN_IF_ERROR(doctor);
  auto account = AccountOf(**uow, *doctor);
  KAKARI_RETURN_IF_ERROR(account);
  IssuedCode out{account->login, FormatOneTimeCode(deps.crypto.RandomBytes(12)),
                 deps.clock.NowUnixSeconds() + kOneTimeCodeLifetimeSeconds, doctor->name,
                 doctor->registry_number};
  OneTimeCodeRecord rec{0, account->id, deps.crypto.Sha256Hex(NormalizeOneTimeCode(out.code)),
                        out.expires_at, caller.principal.user_id};
  KAKARI_RETURN_IF_ERROR((*uow)->Credentials().InsertCode(rec));
  KAKARI_TRY(association, CallerAssociationName(**uow, caller));
  KAKARI_RETURN_IF_ERROR(QueueDoctorNotice(**uow, deps, doctor->id, NoticeKind::kCodeIssued,
                                           {{"association", association}}, "/#/"));
  KAKARI_RETURN_IF_ERROR(
      WriteAudit(**uow, deps, &caller, "one_time_code.issue", "user", std::to_string(account->id)));
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return out;
}

Result<CreatedToken> CreateApiToken(const Deps& deps, const Caller& caller, std::string_view name,
                                    const std::vector<std::string>& scopes) {
  if (!Allows(caller.principal, Permission::kAdminister) || caller.principal.via_token) {
    return tl::unexpected(Forbidden());
  }
  if (name.empty() || name.size() > 100) {
    return Fail(ErrorCode::kInvalidArgument, "トークンの名前を100文字以内で入力してください",
                "give the token a name of at most 100 characters", "name");
  }
  CreatedToken out;
  for (const auto& s : scopes) {
    auto p = ParseScope(s);
    Principal probe = caller.principal;
    if (!p || !Allows(probe, *p)) {
      return Fail(ErrorCode::kInvalidArgument, "使えないスコープです: " + s,
                  "unknown or not allowed scope: " + s, "scopes");
    }
    out.record.scopes.push_back(*p);
  }
  if (out.record.scopes.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "スコープを1つ以上指定してください",
                "give at least one scope", "scopes");
  }
  out.token = "kk_" + Base64Url(deps.crypto.RandomBytes(32));
  out.record.user_id = caller.principal.user_id;
  out.record.name = name;
  out.record.token_hash = deps.crypto.Sha256Hex(out.token);
  out.record.created_at = deps.clock.NowUnixSeconds();
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto id = (*uow)->Credentials().InsertToken(out.record);
  KAKARI_RETURN_IF_ERROR(id);
  out.record.id = *id;
  KAKARI_RETURN_IF_ERROR(
      WriteAudit(**uow, deps, &caller, "api_token.create", "api_token", std::to_string(*id), name));
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return out;
}

Result<std::vector<ApiTokenRecord>> ListApiTokens(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Credentials().TokensOf(caller.principal.user_id);
}

Status RevokeApiToken(const Deps& deps, const Caller& caller, Id token_id) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto t = (*uow)->Credentials().FindTokenById(token_id);
  KAKARI_RETURN_IF_ERROR(t);
  if (!*t || (*t)->user_id != caller.principal.user_id) {
    return tl::unexpected(NotFoundError("APIトークン", "API token"));
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Credentials().RevokeToken(token_id, deps.clock.NowUnixSeconds()));
  KAKARI_RETURN_IF_ERROR(
      WriteAudit(**uow, deps, &caller, "api_token.revoke", "api_token", std::to_string(token_id)));
  return (*uow)->Commit();
}

}  // namespace kakari::core
