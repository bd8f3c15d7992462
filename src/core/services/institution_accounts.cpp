#include "core/services/institution_accounts.hpp"

#include "core/domain/validation.hpp"
#include "core/services/gmis_service.hpp"

namespace kakari::core {

namespace {

// A one-time code for `user`, recorded (hashed) and audited in `uow`.
Result<IssuedCode> CodeFor(UnitOfWork& uow, const Deps& deps, const Caller& caller,
                           const UserRecord& user, const Institution& inst) {
  IssuedCode out{user.login, FormatOneTimeCode(deps.crypto.RandomBytes(12)),
                 deps.clock.NowUnixSeconds() + kOneTimeCodeLifetimeSeconds, inst.name, inst.code};
  OneTimeCodeRecord rec{0, user.id, deps.crypto.Sha256Hex(NormalizeOneTimeCode(out.code)),
                        out.expires_at, caller.principal.user_id};
  KAKARI_RETURN_IF_ERROR(uow.Credentials().InsertCode(rec));
  KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "institution_account.code", "user",
                                    std::to_string(user.id), "institution=" + inst.code));
  return out;
}

Result<UserRecord> NewUser(UnitOfWork& uow, const Institution& inst, const std::string& login) {
  UserRecord u;
  u.login = login;
  u.role = Role::kInstitution;
  u.institution_id = inst.id;
  auto id = uow.Users().Insert(u);
  KAKARI_RETURN_IF_ERROR(id);
  u.id = *id;
  return u;
}

}  // namespace

Result<IssuedCode> IssueInstitutionCode(const Deps& deps, const Caller& caller,
                                        const std::string& institution_code) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto code = ValidateInstitutionCode(institution_code);
  KAKARI_RETURN_IF_ERROR(code);
  return InTransaction<IssuedCode>(deps, [&](UnitOfWork& uow) -> Result<IssuedCode> {
    auto inst = uow.Institutions().FindByCode(*code);
    KAKARI_RETURN_IF_ERROR(inst);
    if (!*inst || !CoversAssociation(caller.principal, AreaOf(**inst))) {
      return tl::unexpected(NotFoundError("医療機関", "institution"));
    }
    auto users = uow.Users().OfInstitution((*inst)->id);
    KAKARI_RETURN_IF_ERROR(users);
    if (!users->empty()) return CodeFor(uow, deps, caller, users->front(), **inst);
    auto first = NewUser(uow, **inst, "i" + *code);
    KAKARI_RETURN_IF_ERROR(first);
    return CodeFor(uow, deps, caller, *first, **inst);
  });
}

Result<IssuedCode> AddInstitutionUser(const Deps& deps, const Caller& caller) {
  const Principal& who = caller.principal;
  if (who.role != Role::kInstitution || !who.institution_id || who.via_token) {
    return Fail(ErrorCode::kPermissionDenied, "医療機関の管理者のみが行える操作です",
                "only the institution's administrator may do this");
  }
  return InTransaction<IssuedCode>(deps, [&](UnitOfWork& uow) -> Result<IssuedCode> {
    auto inst = uow.Institutions().FindById(*who.institution_id);
    KAKARI_RETURN_IF_ERROR(inst);
    if (!*inst) return tl::unexpected(NotFoundError("医療機関", "institution"));
    auto users = uow.Users().OfInstitution((*inst)->id);
    KAKARI_RETURN_IF_ERROR(users);
    if (users->empty() || users->front().id != who.user_id) {
      return Fail(ErrorCode::kPermissionDenied, "医療機関の管理者のみが行える操作です",
                  "only the institution's administrator may do this");
    }
    if (users->size() >= static_cast<size_t>(kMaxInstitutionUsers)) {
      return Fail(ErrorCode::kConflict, "利用者は管理者を含めて2人までです",
                  "an institution may have 2 users, its administrator included");
    }
    auto second = NewUser(uow, **inst, "i" + (*inst)->code + "-2");
    KAKARI_RETURN_IF_ERROR(second);
    return CodeFor(uow, deps, caller, *second, **inst);
  });
}

}  // namespace kakari::core
