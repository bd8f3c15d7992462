#include "core/services/auth_service.hpp"

#include "core/domain/password_strength.hpp"
#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "core/services/notice_service.hpp"

namespace kakari::core {

namespace {

// Verified against when the login is unknown, so that an unknown login
// takes as long as a wrong password.
const std::string& DummyHash(const Crypto& crypto) {
  static const std::string hash = crypto.HashPassword("kakari-dummy-password-for-timing");
  return hash;
}

Error WrongCredentials() {
  return MakeError(ErrorCode::kUnauthenticated, "ログインIDまたはパスワードが違います",
                   "the login ID or password is wrong", "password");
}

Error Throttled(int64_t retry_after) {
  Error e{ErrorCode::kRateLimited,
          "パスワードの誤りが続いたため、しばらく受け付けません。" +
              std::to_string((retry_after + 59) / 60) + "分後にもう一度お試しください",
          "too many wrong passwords; try again in " + std::to_string((retry_after + 59) / 60) +
              " minutes",
          "", ""};
  e.retry_after_seconds = static_cast<int>(retry_after);
  return e;
}

std::string AccountKey(std::string_view login) { return "login:" + NormalizeNfkc(login); }
std::string AddressKey(std::string_view address) { return "addr:" + std::string(address); }

struct Precheck {
  std::optional<UserRecord> user;
  ThrottleDecision decision;
};

Result<Precheck> ReadForLogin(const Deps& deps, const ThrottlePolicy& policy,
                              std::string_view login, std::string_view address) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto account = (*uow)->Credentials().Throttle(AccountKey(login));
  KAKARI_RETURN_IF_ERROR(account);
  auto addr = (*uow)->Credentials().Throttle(AddressKey(address));
  KAKARI_RETURN_IF_ERROR(addr);
  int64_t now = deps.clock.NowUnixSeconds();
  Precheck p;
  p.decision = Stricter(DecideThrottle(policy, *account, now, false),
                        DecideThrottle(policy, *addr, now, true));
  auto user = (*uow)->Users().FindByLogin(NormalizeNfkc(login));
  KAKARI_RETURN_IF_ERROR(user);
  p.user = *user;
  return p;
}

// Counts a failure against the account and the address; answers as slowly
// as the new counts say.
LoginOutcome RecordFailedLogin(const Deps& deps, const ThrottlePolicy& policy,
                               std::string_view login, std::string_view address,
                               const std::optional<UserRecord>& user,
                               std::string_view audit_action = "login.failed") {
  auto uow = deps.store.Begin(true);
  if (!uow) return {tl::unexpected(uow.error())};
  int64_t now = deps.clock.NowUnixSeconds();
  ThrottleDecision d;
  for (auto [key, is_address] :
       {std::pair{AccountKey(login), false}, std::pair{AddressKey(address), true}}) {
    auto s = (*uow)->Credentials().Throttle(key);
    if (!s) return {tl::unexpected(s.error())};
    ThrottleState next = RecordFailure(policy, *s, now);
    if (auto put = (*uow)->Credentials().PutThrottle(key, next); !put) {
      return {tl::unexpected(put.error())};
    }
    d = Stricter(d, DecideThrottle(policy, next, now, is_address));
  }
  Caller anonymous{Principal{}, std::string(address), "", ""};
  if (auto a = WriteAudit(**uow, deps, &anonymous, audit_action, "user",
                          user ? std::to_string(user->id) : "unknown");
      !a) {
    return {tl::unexpected(a.error())};
  }
  if (auto c = (*uow)->Commit(); !c) return {tl::unexpected(c.error())};
  return {tl::unexpected(WrongCredentials()), d.delay_ms};
}

Result<NewSession> OpenSession(const Deps& deps, UnitOfWork& uow, const UserRecord& user,
                               std::string_view login, std::string_view address) {
  NewSession s{Base64Url(deps.crypto.RandomBytes(32)), Base64Url(deps.crypto.RandomBytes(32)),
               PrincipalOf(user)};
  int64_t now = deps.clock.NowUnixSeconds();
  SessionRecord rec{deps.crypto.Sha256Hex(s.token), user.id, deps.crypto.Sha256Hex(s.csrf_token),
                    now, now};
  KAKARI_RETURN_IF_ERROR(uow.Sessions().Insert(rec));
  KAKARI_RETURN_IF_ERROR(uow.Credentials().ClearThrottle(AccountKey(login)));
  Caller caller{s.principal, std::string(address), "", ""};
  KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "login", "user", std::to_string(user.id)));
  return s;
}

Result<std::optional<UserRecord>> ReadCaller(const Deps& deps, const Caller& caller) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Users().FindById(caller.principal.user_id);
}

}  // namespace

Principal PrincipalOf(const UserRecord& user) {
  Principal p;
  p.user_id = user.id;
  p.role = user.role;
  p.doctor_id = user.doctor_id;
  p.organisation_id = user.organisation_id;
  p.organisation_code = user.organisation_code;
  p.institution_id = user.institution_id;
  return p;
}

LoginOutcome Login(const Deps& deps, const AuthPolicies& policies, std::string_view login,
                   std::string_view password, std::string_view remote_address) {
  auto pre = ReadForLogin(deps, policies.throttle, login, remote_address);
  if (!pre) return {tl::unexpected(pre.error())};
  // Verify before looking at the throttle result, so that a refused answer
  // takes as long as any other.
  const auto& user = pre->user;
  bool usable = user && !user->disabled && !user->password_hash.empty();
  bool ok =
      deps.crypto.VerifyPassword(usable ? user->password_hash : DummyHash(deps.crypto), password) &&
      usable;
  if (pre->decision.refuse) return {tl::unexpected(Throttled(pre->decision.retry_after_seconds))};
  if (!ok) return RecordFailedLogin(deps, policies.throttle, login, remote_address, user);
  auto uow = deps.store.Begin(true);
  if (!uow) return {tl::unexpected(uow.error())};
  auto session = OpenSession(deps, **uow, *user, login, remote_address);
  if (!session) return {tl::unexpected(session.error())};
  if (auto c = (*uow)->Commit(); !c) return {tl::unexpected(c.error())};
  return {std::move(*session), pre->decision.delay_ms};
}

LoginOutcome RedeemOneTimeCode(const Deps& deps, const AuthPolicies& policies,
                               std::string_view login, std::string_view code,
                               std::string_view new_password, std::string_view remote_address) {
  auto pre = ReadForLogin(deps, policies.throttle, login, remote_address);
  if (!pre) return {tl::unexpected(pre.error())};
  if (pre->decision.refuse) return {tl::unexpected(Throttled(pre->decision.retry_after_seconds))};
  auto doctor_id = pre->user ? pre->user->doctor_id : std::nullopt;
  if (auto v = AssessNewPassword(deps, new_password, login, doctor_id); !v) {
    return {tl::unexpected(v.error())};
  }
  std::string new_hash = deps.crypto.HashPassword(new_password);  // outside the write lock
  auto uow = deps.store.Begin(true);
  if (!uow) return {tl::unexpected(uow.error())};
  std::optional<OneTimeCodeRecord> active;
  if (pre->user && !pre->user->disabled) {
    auto a = (*uow)->Credentials().ActiveCode(pre->user->id, deps.clock.NowUnixSeconds());
    if (!a) return {tl::unexpected(a.error())};
    active = *a;
  }
  std::string typed_hash = deps.crypto.Sha256Hex(NormalizeOneTimeCode(code));
  if (!active || active->code_hash != typed_hash) {
    uow->reset();  // release the write lock before recording the failure
    auto failed = RecordFailedLogin(deps, policies.throttle, login, remote_address, pre->user);
    if (!failed.session && failed.session.error().code == ErrorCode::kUnauthenticated) {
      failed.session = tl::unexpected(
          MakeError(ErrorCode::kUnauthenticated, "ログインIDまたは確認コードが違うか、期限切れです",
                    "the login ID or one-time code is wrong or expired", "code"));
    }
    return failed;
  }
  const UserRecord& user = *pre->user;
  if (auto u = (*uow)->Credentials().UseCode(active->id, deps.clock.NowUnixSeconds()); !u) {
    return {tl::unexpected(u.error())};
  }
  if (auto s = (*uow)->Users().SetPasswordHash(user.id, new_hash); !s) {
    return {tl::unexpected(s.error())};
  }
  if (auto s = (*uow)->Sessions().DeleteOthers(user.id, ""); !s) {
    return {tl::unexpected(s.error())};
  }
  auto session = OpenSession(deps, **uow, user, login, remote_address);
  if (!session) return {tl::unexpected(session.error())};
  if (auto c = (*uow)->Commit(); !c) return {tl::unexpected(c.error())};
  return {std::move(*session), pre->decision.delay_ms};
}

namespace {

// Last-seen is bookkeeping (at most once a minute, for the idle timeout): when
// it cannot be written (disk full, read-only, busy) the request goes on; the
// next request tries again, and the idle timeout errs on the short side.
void TouchSession(const Deps& deps, const std::string& hash, int64_t now) {
  auto w = deps.store.Begin(true);
  if (!w) return;
  if (!(*w)->Sessions().Touch(hash, now)) return;
  (void)(*w)->Commit();
}

}  // namespace

Result<Authenticated> AuthenticateSession(const Deps& deps, const SessionPolicy& policy,
                                          std::string_view token) {
  auto unauthenticated = [] {
    return Fail(ErrorCode::kUnauthenticated, "ログインしてください（セッションの期限切れを含む）",
                "please log in (your session may have expired)");
  };
  if (token.empty() || token.size() > 100) return unauthenticated();
  std::string hash = deps.crypto.Sha256Hex(token);
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto found = (*uow)->Sessions().FindWithUser(hash);
  KAKARI_RETURN_IF_ERROR(found);
  if (!*found) return unauthenticated();
  const SessionRecord& session = (*found)->session;
  const UserRecord& user = (*found)->user;
  int64_t now = deps.clock.NowUnixSeconds();
  if (CheckSession(policy, session.created_at, session.last_seen_at, now) !=
      SessionState::kActive) {
    return unauthenticated();
  }
  if (user.disabled) return unauthenticated();
  Authenticated a{PrincipalOf(user), hash, session.csrf_hash};
  bool touch = now - session.last_seen_at >= policy.touch_interval_seconds;
  uow->reset();
  if (touch) TouchSession(deps, hash, now);
  return a;
}

Result<Principal> AuthenticateToken(const Deps& deps, std::string_view token) {
  auto invalid = [] {
    return Fail(ErrorCode::kUnauthenticated, "APIトークンが無効です",
                "the API token is invalid or revoked");
  };
  if (token.empty() || token.size() > 100) return invalid();
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto t = (*uow)->Credentials().FindToken(deps.crypto.Sha256Hex(token));
  KAKARI_RETURN_IF_ERROR(t);
  if (!*t || (*t)->revoked_at) return invalid();
  auto user = (*uow)->Users().FindById((*t)->user_id);
  KAKARI_RETURN_IF_ERROR(user);
  if (!*user || (*user)->disabled) return invalid();
  Principal p = PrincipalOf(**user);
  p.via_token = true;
  p.token_scopes = (*t)->scopes;
  return p;
}

bool CsrfMatches(const Deps& deps, const Authenticated& a, std::string_view csrf_token) {
  return !csrf_token.empty() && csrf_token.size() <= 100 &&
         deps.crypto.Sha256Hex(csrf_token) == a.csrf_hash;
}

Status Logout(const Deps& deps, const Caller& caller, std::string_view token_hash) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  KAKARI_RETURN_IF_ERROR((*uow)->Sessions().Delete(token_hash));
  KAKARI_RETURN_IF_ERROR(
      WriteAudit(**uow, deps, &caller, "logout", "user", std::to_string(caller.principal.user_id)));
  return (*uow)->Commit();
}

Status AssessNewPassword(const Deps& deps, std::string_view password, std::string_view login,
                         std::optional<Id> doctor_id) {
  std::optional<Doctor> doctor;
  if (doctor_id) {
    auto uow = deps.store.Begin(false);
    KAKARI_RETURN_IF_ERROR(uow);
    auto d = (*uow)->Doctors().FindById(*doctor_id);
    KAKARI_RETURN_IF_ERROR(d);
    doctor = *d;
  }
  auto words = PersonalWords(login, doctor ? &*doctor : nullptr);
  return JudgePassword(password, login, deps.crypto.EstimatePassword(password, words));
}

Status AssessMyNewPassword(const Deps& deps, const Caller& caller, std::string_view password) {
  auto user = ReadCaller(deps, caller);
  KAKARI_RETURN_IF_ERROR(user);
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "ログインしてください", "please log in");
  return AssessNewPassword(deps, password, (*user)->login, (*user)->doctor_id);
}

ThrottledStatus ChangePassword(const Deps& deps, const ThrottlePolicy& throttle,
                               const Caller& caller, std::string_view current,
                               std::string_view next, std::string_view keep_token_hash) {
  auto user = ReadCaller(deps, caller);
  if (!user) return {tl::unexpected(user.error())};
  if (!*user) return {Fail(ErrorCode::kUnauthenticated, "ログインしてください", "please log in")};
  const UserRecord& me = **user;
  auto pre = ReadForLogin(deps, throttle, me.login, caller.remote_address);
  if (!pre) return {tl::unexpected(pre.error())};
  // Verified before the throttle answer, so that a refusal takes as long.
  bool right = deps.crypto.VerifyPassword(me.password_hash, current);
  if (pre->decision.refuse) return {tl::unexpected(Throttled(pre->decision.retry_after_seconds))};
  if (!right) {
    auto failed = RecordFailedLogin(deps, throttle, me.login, caller.remote_address, me,
                                    "password.change.failed");
    if (failed.session || failed.session.error().code != ErrorCode::kUnauthenticated) {
      return {tl::unexpected(failed.session.error()), failed.delay_ms};
    }
    return {Fail(ErrorCode::kUnprocessable, "現在のパスワードが違います",
                 "the current password is wrong", "current_password"),
            failed.delay_ms};
  }
  if (auto v = AssessNewPassword(deps, next, me.login, me.doctor_id); !v) return {v};
  std::string hash = deps.crypto.HashPassword(next);
  auto uow = deps.store.Begin(true);
  if (!uow) return {tl::unexpected(uow.error())};
  if (auto s = (*uow)->Users().SetPasswordHash(me.id, hash); !s) return {s};
  if (auto s = (*uow)->Sessions().DeleteOthers(me.id, keep_token_hash); !s) return {s};
  if (auto s = (*uow)->Credentials().ClearThrottle(AccountKey(me.login)); !s) return {s};
  if (auto a = WriteAudit(**uow, deps, &caller, "password.change", "user", std::to_string(me.id));
      !a) {
    return {a};
  }
  // The owner hears of it, so a change they did not make does not go unseen.
  if (auto n = QueueNotice(**uow, deps, me.id, NoticeKind::kAccountChanged,
                           {{"change_ja", "パスワードが変更されました。"},
                            {"change_en", "Your password was changed."}},
                           "/#/");
      !n) {
    return {tl::unexpected(n.error())};
  }
  return {(*uow)->Commit()};
}

Result<Id> CreateUser(const Deps& deps, UserRecord user, std::string_view password) {
  if (!password.empty()) user.password_hash = deps.crypto.HashPassword(password);
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto id = (*uow)->Users().Insert(user);
  if (!id) return id;
  Caller system{Principal{}, "cli", "", ""};
  KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &system, "user.create", "user",
                                    std::to_string(*id), RoleName(user.role)));
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return id;
}

}  // namespace kakari::core
