#include "core/services/staff_accounts.hpp"

#include "core/domain/auth_policy.hpp"

namespace kakari::core {

namespace {

StaffAccount AccountOf(const UserRecord& u) {
  return StaffAccount{
      u.id, u.login, u.role, u.organisation_code, u.disabled, !u.password_hash.empty()};
}

Error NotAllowed() {
  return Error{ErrorCode::kPermissionDenied, "この役割・医師会のアカウントは作成・変更できません",
               "you may not create or change an account with this role at this association", "",
               "role"};
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
  if (auto r = RequirePermission(caller.principal, Permission::kAdminister); !r) {
    return tl::unexpected(r.error());
  }
  auto prefix = ScopePrefix(caller.principal);
  if (!prefix) return std::vector<StaffAccount>{};
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  auto users = (*uow)->Users().ListStaff(*prefix);
  if (!users) return tl::unexpected(users.error());
  std::vector<StaffAccount> out;
  for (const auto& u : *users) out.push_back(AccountOf(u));
  return out;
}

Result<IssuedCode> CreateStaffAccount(const Deps& deps, const Caller& caller,
                                      const NewStaffAccount& account) {
  if (auto r = RequirePermission(caller.principal, Permission::kAdminister); !r) {
    return tl::unexpected(r.error());
  }
  if (auto v = ValidateLogin(account.login); !v) return tl::unexpected(v.error());
  auto role = StaffRole(account.role);
  if (!role) return tl::unexpected(role.error());
  if (!MayManageStaffAccount(caller.principal, *role, account.association_code)) {
    return tl::unexpected(NotAllowed());
  }
  return InTransaction<IssuedCode>(deps, [&](UnitOfWork& uow) -> Result<IssuedCode> {
    auto org = uow.Organisations().FindByCode(account.association_code);
    if (!org) return tl::unexpected(org.error());
    if (!*org) {
      return Fail(ErrorCode::kNotFound, "その医師会コードはありません",
                  "no association has this code", "association_code");
    }
    UserRecord u;
    u.login = account.login;
    u.role = *role;
    u.organisation_id = (*org)->id;
    auto id = uow.Users().Insert(u);
    if (!id) return tl::unexpected(id.error());
    IssuedCode out{account.login, FormatOneTimeCode(deps.crypto.RandomBytes(12)),
                   deps.clock.NowUnixSeconds() + kOneTimeCodeLifetimeSeconds, "", ""};
    OneTimeCodeRecord rec{0, *id, deps.crypto.Sha256Hex(NormalizeOneTimeCode(out.code)),
                          out.expires_at, caller.principal.user_id};
    if (auto c = uow.Credentials().InsertCode(rec); !c) return tl::unexpected(c.error());
    if (auto a = WriteAudit(uow, deps, &caller, "user.create", "user", std::to_string(*id),
                            std::string(RoleName(*role)) + "@" + account.association_code);
        !a) {
      return tl::unexpected(a.error());
    }
    return out;
  });
}

Result<StaffAccount> UpdateStaffAccount(const Deps& deps, const Caller& caller, Id id,
                                        std::string_view role_name, bool disabled) {
  if (auto r = RequirePermission(caller.principal, Permission::kAdminister); !r) {
    return tl::unexpected(r.error());
  }
  auto role = StaffRole(role_name);
  if (!role) return tl::unexpected(role.error());
  if (id == caller.principal.user_id) {
    return Fail(ErrorCode::kUnprocessable, "自分のアカウントは変更できません",
                "you cannot change your own account", "role");
  }
  return InTransaction<StaffAccount>(deps, [&](UnitOfWork& uow) -> Result<StaffAccount> {
    auto found = uow.Users().FindById(id);
    if (!found) return tl::unexpected(found.error());
    // Accounts outside what the caller may manage do not exist for them.
    if (!*found || !IsStaff((*found)->role) ||
        !MayManageStaffAccount(caller.principal, (*found)->role, (*found)->organisation_code)) {
      return tl::unexpected(NotFoundError("アカウント", "account"));
    }
    if (!MayManageStaffAccount(caller.principal, *role, (*found)->organisation_code)) {
      return tl::unexpected(NotAllowed());
    }
    if (auto s = uow.Users().SetRoleAndState(id, *role, disabled); !s) {
      return tl::unexpected(s.error());
    }
    if (auto s = uow.Sessions().DeleteOthers(id, ""); !s) return tl::unexpected(s.error());
    if (auto a = WriteAudit(uow, deps, &caller, "user.update", "user", std::to_string(id),
                            std::string(RoleName(*role)) + (disabled ? " disabled" : " enabled"));
        !a) {
      return tl::unexpected(a.error());
    }
    StaffAccount out = AccountOf(**found);
    out.role = *role;
    out.disabled = disabled;
    return out;
  });
}

}  // namespace kakari::core
