#include "core/services/staff_accounts.hpp"

#include <map>

#include "core/domain/auth_policy.hpp"

namespace kakari::core {

namespace {

StaffAccount AccountOf(const UserRecord& u) {
  return StaffAccount{
      u.id, u.login, u.role, u.organisation_code, "", u.disabled, !u.password_hash.empty()};
}

Error NotAllowed() {
  return MakeError(
      ErrorCode::kPermissionDenied, "この役割・医師会のアカウントは作成・変更できません",
      "you may not create or change an account with this role at this association", "role");
}

// Letters, digits and . _ @ -, 3 to 64 characters, at least one letter (so
// that a staff login never looks like a member ID or a registry number).
Status ValidateLogin(std::string_view login) {
  bool letter = false;
  bool ok = login.size() >= 3 && login.size() <= 64;
  for (char c : login) {
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    letter = letter || alpha;
    ok = ok && (alpha || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@' || c == '-');
  }
  if (ok && letter) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "ログインIDは英字を含む3〜64文字（英数字と . _ @ -）にしてください",
              "the login must be 3 to 64 letters, digits or . _ @ -, with at least one letter",
              "login");
}

Result<Role> StaffRole(std::string_view name) {
  auto role = ParseRole(name);
  if (role && IsStaff(*role)) return *role;
  return Fail(ErrorCode::kInvalidArgument, "役割は reviewer・admin・jma_admin のいずれかです",
              "the role must be reviewer, admin or jma_admin", "role");
}

}  // namespace

Result<std::vector<StaffAccount>> ListStaffAccounts(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto prefix = ScopePrefix(caller.principal);
  if (!prefix) return std::vector<StaffAccount>{};
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto users = (*uow)->Users().ListStaff(*prefix);
  KAKARI_RETURN_IF_ERROR(users);
  std::vector<StaffAccount> out;
  std::map<std::string, std::string> names;  // a few associations, many accounts
  for (const auto& u : *users) {
    StaffAccount account = AccountOf(u);
    auto [known, fresh] = names.try_emplace(account.association_code);
    if (fresh) {
      auto org = (*uow)->Organisations().FindByCode(account.association_code);
      KAKARI_RETURN_IF_ERROR(org);
      if (*org) known->second = (**org).name_ja;
    }
    account.association_name = known->second;
    out.push_back(std::move(account));
  }
  return out;
}

Result<IssuedCode> CreateStaffAccount(const Deps& deps, const Caller& caller,
                                      const NewStaffAccount& account) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  KAKARI_RETURN_IF_ERROR(ValidateLogin(account.login));
  auto role = StaffRole(account.role);
  KAKARI_RETURN_IF_ERROR(role);
  if (!MayManageStaffAccount(caller.principal, *role, account.association_code)) {
    return tl::unexpected(NotAllowed());
  }
  return InTransaction<IssuedCode>(deps, [&](UnitOfWork& uow) -> Result<IssuedCode> {
    auto org = uow.Organisations().FindByCode(account.association_code);
    KAKARI_RETURN_IF_ERROR(org);
    if (!*org) {
      return Fail(ErrorCode::kNotFound, "その医師会コードはありません",
                  "no association has this code", "association_code");
    }
    UserRecord u;
    u.login = account.login;
    u.role = *role;
    u.organisation_id = (*org)->id;
    auto id = uow.Users().Insert(u);
    KAKARI_RETURN_IF_ERROR(id);
    IssuedCode out{account.login, FormatOneTimeCode(deps.crypto.RandomBytes(12)),
                   deps.clock.NowUnixSeconds() + kOneTimeCodeLifetimeSeconds, "", ""};
    OneTimeCodeRecord rec{0, *id, deps.crypto.Sha256Hex(NormalizeOneTimeCode(out.code)),
                          out.expires_at, caller.principal.user_id};
    KAKARI_RETURN_IF_ERROR(uow.Credentials().InsertCode(rec));
    KAKARI_RETURN_IF_ERROR(
        WriteAudit(uow, deps, &caller, "user.create", "user", std::to_string(*id),
                   std::string(RoleName(*role)) + "@" + account.association_code));
    return out;
  });
}

Result<StaffAccount> UpdateStaffAccount(const Deps& deps, const Caller& caller, Id id,
                                        std::string_view role_name, bool disabled) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto role = StaffRole(role_name);
  KAKARI_RETURN_IF_ERROR(role);
  if (id == caller.principal.user_id) {
    return Fail(ErrorCode::kUnprocessable, "自分のアカウントは変更できません",
                "you cannot change your own account", "role");
  }
  return InTransaction<StaffAccount>(deps, [&](UnitOfWork& uow) -> Result<StaffAccount> {
    auto found = uow.Users().FindById(id);
    KAKARI_RETURN_IF_ERROR(found);
    // Accounts outside what the caller may manage do not exist for them.
    if (!*found || !IsStaff((*found)->role) ||
        !MayManageStaffAccount(caller.principal, (*found)->role, (*found)->organisation_code)) {
      return tl::unexpected(NotFoundError("アカウント", "account"));
    }
    if (!MayManageStaffAccount(caller.principal, *role, (*found)->organisation_code)) {
      return tl::unexpected(NotAllowed());
    }
    KAKARI_RETURN_IF_ERROR(uow.Users().SetRoleAndState(id, *role, disabled));
    KAKARI_RETURN_IF_ERROR(uow.Sessions().DeleteOthers(id, ""));
    KAKARI_RETURN_IF_ERROR(
        WriteAudit(uow, deps, &caller, "user.update", "user", std::to_string(id),
                   std::string(RoleName(*role)) + (disabled ? " disabled" : " enabled")));
    StaffAccount out = AccountOf(**found);
    out.role = *role;
    out.disabled = disabled;
    return out;
  });
}

}  // namespace kakari::core
