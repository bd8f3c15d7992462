// Users, sessions, throttling, one-time codes and API tokens in SQLite.

#include "storage/sql/repos.hpp"
#include "util/strings.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;
using core::Status;

namespace {

// Columns 0..8, read by UserOfRow.
constexpr const char* kUserSelect =
    "SELECT u.id, u.login, COALESCE(u.password_hash, ''), u.role, u.doctor_id, "
    "u.organisation_id, COALESCE(o.code, ''), u.institution_id, u.disabled";
constexpr const char* kUserJoin = "LEFT JOIN organisations o ON o.id = u.organisation_id ";

const std::string& UserColumns() {
  static const std::string sql = std::string(kUserSelect) + " FROM users u " + kUserJoin;
  return sql;
}

// The user's columns, then the session's (9..13).
const std::string& SessionWithUser() {
  static const std::string sql =
      std::string(kUserSelect) +
      ", s.token_hash, s.user_id, s.csrf_hash, s.created_at, "
      "s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id " +
      kUserJoin + "WHERE s.token_hash = ?";
  return sql;
}

// The user on the statement's current row.
core::UserRecord UserOfRow(Statement* st) {
  core::UserRecord u;
  u.id = st->Int(0);
  u.login = st->Text(1);
  u.password_hash = st->Text(2);
  u.role = core::ParseRole(st->Text(3)).value_or(core::Role::kDoctor);
  u.doctor_id = st->OptionalInt(4);
  u.organisation_id = st->OptionalInt(5);
  u.organisation_code = st->Text(6);
  u.institution_id = st->OptionalInt(7);
  u.disabled = st->Int(8) != 0;
  return u;
}

Result<std::optional<core::UserRecord>> ReadUser(Statement* st) {
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::UserRecord>();
  auto u = UserOfRow(st);
  st->Reset();
  return std::optional<core::UserRecord>(std::move(u));
}

const char* KindOfRole(core::Role r) {
  switch (r) {
    case core::Role::kDoctor:
      return "doctor";
    case core::Role::kJmaAdmin:
      return "jma";
    case core::Role::kInstitution:
      return "institution";
    default:
      return "staff";
  }
}

std::string JoinScopes(const std::vector<core::Permission>& scopes) {
  std::string out;
  for (auto p : scopes) out += std::string(out.empty() ? "" : " ") + core::ScopeName(p);
  return out;
}

std::vector<core::Permission> SplitScopes(std::string_view text) {
  std::vector<core::Permission> out;
  for (auto part : util::Split(text, ' ')) {
    if (auto p = core::ParseScope(part)) out.push_back(*p);
  }
  return out;
}

}  // namespace

Result<Id> SqlUsers::Insert(const core::UserRecord& u) {
  KAKARI_TRY(
      st,
      c_.Prepare("INSERT INTO users(login, password_hash, kind, role, doctor_id, organisation_id, "
                 "institution_id, disabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, u.login);
  if (u.password_hash.empty())
    st->BindNull(2);
  else
    st->Bind(2, u.password_hash);
  st->Bind(3, KindOfRole(u.role))
      .Bind(4, core::RoleName(u.role))
      .BindOptionalId(5, u.doctor_id)
      .BindOptionalId(6, u.organisation_id)
      .BindOptionalId(7, u.institution_id)
      .Bind(8, static_cast<int64_t>(u.disabled));
  if (auto s = st->Run(); !s) {
    if (s.error().code == core::ErrorCode::kAlreadyExists) {
      return core::Fail(core::ErrorCode::kAlreadyExists, "このログインIDは既に使われています",
                        "this login ID is already taken", "login");
    }
    return tl::unexpected(s.error());
  }
  return c_.LastInsertId();
}

Result<std::optional<core::UserRecord>> SqlUsers::FindByLogin(std::string_view login) {
  KAKARI_TRY(st, c_.Prepare(UserColumns() +
                            "WHERE u.login = ?1 OR u.id = (SELECT u2.id FROM users u2 JOIN doctors "
                            "d ON d.id = u2.doctor_id WHERE d.email = ?1 AND ?1 <> '' LIMIT 1) "
                            "LIMIT 1"));
  st->Bind(1, login);
  return ReadUser(st);
}

Result<std::optional<core::UserRecord>> SqlUsers::FindById(Id id) {
  KAKARI_TRY(st, c_.Prepare(UserColumns() + "WHERE u.id = ?"));
  st->Bind(1, id);
  return ReadUser(st);
}

Result<std::optional<core::UserRecord>> SqlUsers::FindByDoctor(Id doctor_id) {
  KAKARI_TRY(st, c_.Prepare(UserColumns() + "WHERE u.doctor_id = ? LIMIT 1"));
  st->Bind(1, doctor_id);
  return ReadUser(st);
}

Status SqlUsers::SetPasswordHash(Id id, std::string_view hash) {
  KAKARI_TRY(st, c_.Prepare("UPDATE users SET password_hash = ?, updated_at = "
                            "strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?"));
  st->Bind(1, hash).Bind(2, id);
  return st->Run();
}

Result<std::vector<core::UserRecord>> SqlUsers::ListStaff(std::string_view code_prefix) {
  KAKARI_TRY(st, c_.Prepare(UserColumns() +
                            "WHERE u.role IN ('reviewer', 'admin', 'jma_admin') "
                            "AND substr(o.code, 1, length(?1)) = ?1 ORDER BY o.code, u.login"));
  st->Bind(1, code_prefix);
  std::vector<core::UserRecord> out;
  for (;;) {
    KAKARI_TRY(row, st->Step());
    if (!row) break;
    out.push_back(UserOfRow(st));
  }
  st->Reset();
  return out;
}

Result<std::vector<core::UserRecord>> SqlUsers::OfInstitution(Id institution_id) {
  KAKARI_TRY(st, c_.Prepare(UserColumns() + "WHERE u.institution_id = ? ORDER BY u.id"));
  st->Bind(1, institution_id);
  return CollectRows<core::UserRecord>(*st, [](Statement& s) { return UserOfRow(&s); });
}

Status SqlUsers::SetRoleAndState(Id id, core::Role role, bool disabled) {
  KAKARI_TRY(st, c_.Prepare("UPDATE users SET role = ?, kind = ?, disabled = ?, updated_at = "
                            "strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?"));
  st->Bind(1, core::RoleName(role))
      .Bind(2, KindOfRole(role))
      .Bind(3, static_cast<int64_t>(disabled))
      .Bind(4, id);
  return st->Run();
}

Status SqlSessions::Insert(const core::SessionRecord& s) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO sessions(token_hash, user_id, csrf_hash, created_at, "
                            "last_seen_at) VALUES (?, ?, ?, ?, ?)"));
  st->Bind(1, s.token_hash)
      .Bind(2, s.user_id)
      .Bind(3, s.csrf_hash)
      .Bind(4, s.created_at)
      .Bind(5, s.last_seen_at);
  return st->Run();
}

Result<std::optional<core::SessionRecord>> SqlSessions::Find(std::string_view token_hash) {
  KAKARI_TRY(st, c_.Prepare("SELECT token_hash, user_id, csrf_hash, created_at, last_seen_at "
                            "FROM sessions WHERE token_hash = ?"));
  st->Bind(1, token_hash);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::SessionRecord>();
  core::SessionRecord s{st->Text(0), st->Int(1), st->Text(2), st->Int(3), st->Int(4)};
  st->Reset();
  return std::optional<core::SessionRecord>(std::move(s));
}

Result<std::optional<core::SessionAndUser>> SqlSessions::FindWithUser(std::string_view token_hash) {
  KAKARI_TRY(st, c_.Prepare(SessionWithUser()));
  st->Bind(1, token_hash);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::SessionAndUser>();
  core::SessionAndUser found{
      core::SessionRecord{st->Text(9), st->Int(10), st->Text(11), st->Int(12), st->Int(13)},
      UserOfRow(st)};
  st->Reset();
  return std::optional<core::SessionAndUser>(std::move(found));
}

Status SqlSessions::Touch(std::string_view token_hash, int64_t now) {
  KAKARI_TRY(st, c_.Prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"));
  st->Bind(1, now).Bind(2, token_hash);
  return st->Run();
}

Status SqlSessions::Delete(std::string_view token_hash) {
  KAKARI_TRY(st, c_.Prepare("DELETE FROM sessions WHERE token_hash = ?"));
  st->Bind(1, token_hash);
  return st->Run();
}

Status SqlSessions::DeleteOthers(Id user_id, std::string_view keep_token_hash) {
  KAKARI_TRY(st, c_.Prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"));
  st->Bind(1, user_id).Bind(2, keep_token_hash);
  return st->Run();
}

Result<core::ThrottleState> SqlCredentials::Throttle(std::string_view key) {
  KAKARI_TRY(st, c_.Prepare("SELECT failures, last_failure_at FROM login_throttle WHERE key = ?"));
  st->Bind(1, key);
  KAKARI_TRY(row, st->Step());
  if (!row) return core::ThrottleState{};
  core::ThrottleState s{static_cast<int>(st->Int(0)), st->Int(1)};
  st->Reset();
  return s;
}

Status SqlCredentials::PutThrottle(std::string_view key, const core::ThrottleState& s) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO login_throttle(key, failures, last_failure_at) VALUES "
                            "(?, ?, ?) ON CONFLICT(key) DO UPDATE SET failures = "
                            "excluded.failures, last_failure_at = excluded.last_failure_at"));
  st->Bind(1, key).Bind(2, static_cast<int64_t>(s.failures)).Bind(3, s.last_failure_at);
  return st->Run();
}

Status SqlCredentials::ClearThrottle(std::string_view key) {
  KAKARI_TRY(st, c_.Prepare("DELETE FROM login_throttle WHERE key = ?"));
  st->Bind(1, key);
  return st->Run();
}

Result<Id> SqlCredentials::InsertCode(const core::OneTimeCodeRecord& c) {
  KAKARI_TRY(cancel, c_.Prepare("UPDATE one_time_codes SET cancelled = 1 "
                                "WHERE user_id = ? AND used_at IS NULL"));
  cancel->Bind(1, c.user_id);
  KAKARI_RETURN_IF_ERROR(cancel->Run());
  KAKARI_TRY(st, c_.Prepare("INSERT INTO one_time_codes(user_id, code_hash, expires_at, "
                            "issued_by) VALUES (?, ?, ?, ?)"));
  st->Bind(1, c.user_id).Bind(2, c.code_hash).Bind(3, c.expires_at).Bind(4, c.issued_by);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Result<std::optional<core::OneTimeCodeRecord>> SqlCredentials::ActiveCode(Id user_id, int64_t now) {
  KAKARI_TRY(st, c_.Prepare("SELECT id, user_id, code_hash, expires_at, issued_by FROM "
                            "one_time_codes WHERE user_id = ? AND used_at IS NULL AND "
                            "cancelled = 0 AND expires_at > ? ORDER BY id DESC LIMIT 1"));
  st->Bind(1, user_id).Bind(2, now);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::OneTimeCodeRecord>();
  core::OneTimeCodeRecord c{st->Int(0), st->Int(1), st->Text(2), st->Int(3), st->Int(4)};
  st->Reset();
  return std::optional<core::OneTimeCodeRecord>(std::move(c));
}

Status SqlCredentials::UseCode(Id code_id, int64_t now) {
  KAKARI_TRY(st, c_.Prepare("UPDATE one_time_codes SET used_at = ? WHERE id = ?"));
  st->Bind(1, now).Bind(2, code_id);
  return st->Run();
}

Result<Id> SqlCredentials::InsertToken(const core::ApiTokenRecord& t) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO api_tokens(user_id, name, token_hash, scopes, "
                            "created_at) VALUES (?, ?, ?, ?, ?)"));
  st->Bind(1, t.user_id)
      .Bind(2, t.name)
      .Bind(3, t.token_hash)
      .Bind(4, JoinScopes(t.scopes))
      .Bind(5, t.created_at);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

namespace {
constexpr const char* kTokenColumns =
    "SELECT id, user_id, name, token_hash, scopes, created_at, revoked_at FROM api_tokens ";

core::ApiTokenRecord ReadToken(const Statement& st) {
  return core::ApiTokenRecord{
      st.Int(0), st.Int(1),        st.Text(2), st.Text(3), SplitScopes(st.Text(4)),
      st.Int(5), st.OptionalInt(6)};
}
}  // namespace

Result<std::optional<core::ApiTokenRecord>> SqlCredentials::FindToken(std::string_view hash) {
  KAKARI_TRY(st, c_.Prepare(std::string(kTokenColumns) + "WHERE token_hash = ?"));
  st->Bind(1, hash);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::ApiTokenRecord>();
  auto t = ReadToken(*st);
  st->Reset();
  return std::optional<core::ApiTokenRecord>(std::move(t));
}

Result<std::optional<core::ApiTokenRecord>> SqlCredentials::FindTokenById(Id id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kTokenColumns) + "WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::ApiTokenRecord>();
  auto t = ReadToken(*st);
  st->Reset();
  return std::optional<core::ApiTokenRecord>(std::move(t));
}

Result<std::vector<core::ApiTokenRecord>> SqlCredentials::TokensOf(Id user_id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kTokenColumns) + "WHERE user_id = ? ORDER BY id"));
  st->Bind(1, user_id);
  return CollectRows<core::ApiTokenRecord>(*st, ReadToken);
}

Status SqlCredentials::RevokeToken(Id id, int64_t now) {
  KAKARI_TRY(st, c_.Prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND "
                            "revoked_at IS NULL"));
  st->Bind(1, now).Bind(2, id);
  return st->Run();
}

}  // namespace kakari::storage::sql
