// Users, sessions, credentials, the audit log, routing rules and
// idempotency keys, in memory.
#include <algorithm>

#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

class Users final : public UserRepository {
 public:
  explicit Users(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const UserRecord& u) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (const auto& [id, other] : t_.users) {
      if (other.login == u.login) {
        return tl::unexpected(AlreadyRecorded("このログインIDは既に使われています",
                                              "this login ID is already taken", "login"));
      }
    }
    UserRecord row = u;
    row.organisation_code.clear();  // read from the organisation
    return InsertWithNextId(t_.users, std::move(row));
  }
  Result<std::optional<UserRecord>> FindByLogin(std::string_view login) override {
    for (const auto& [id, u] : t_.users) {
      if (u.login == login) return Read(u);
    }
    if (login.empty()) return std::optional<UserRecord>();
    for (const auto& [id, u] : t_.users) {  // a doctor's e-mail address
      auto d = u.doctor_id ? t_.doctors.find(*u.doctor_id) : t_.doctors.end();
      if (d != t_.doctors.end() && d->second.email == login) return Read(u);
    }
    return std::optional<UserRecord>();
  }
  Result<std::optional<UserRecord>> FindById(Id id) override {
    auto it = t_.users.find(id);
    if (it == t_.users.end()) return std::optional<UserRecord>();
    return Read(it->second);
  }
  Result<std::optional<UserRecord>> FindByDoctor(Id doctor_id) override {
    for (const auto& [id, u] : t_.users) {
      if (u.doctor_id == doctor_id) return Read(u);
    }
    return std::optional<UserRecord>();
  }
  Status SetPasswordHash(Id id, std::string_view hash) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.users.find(id); it != t_.users.end()) it->second.password_hash = hash;
    return {};
  }
  Result<std::vector<UserRecord>> ListStaff(std::string_view code_prefix) override {
    std::vector<UserRecord> out;
    for (const auto& [id, u] : t_.users) {
      if (u.role != Role::kReviewer && u.role != Role::kAdmin && u.role != Role::kJmaAdmin)
        continue;
      UserRecord r = *Read(u);
      if (u.organisation_id && CodeUnder(r.organisation_code, code_prefix)) out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const UserRecord& a, const UserRecord& b) {
      return std::tie(a.organisation_code, a.login) < std::tie(b.organisation_code, b.login);
    });
    return out;
  }
  Status SetRoleAndState(Id id, Role role, bool disabled) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.users.find(id); it != t_.users.end()) {
      it->second.role = role;
      it->second.disabled = disabled;
    }
    return {};
  }
  Result<std::vector<UserRecord>> OfInstitution(Id institution_id) override {
    std::vector<UserRecord> out;
    for (const auto& [id, u] : t_.users) {
      if (u.institution_id == institution_id) out.push_back(*Read(u));
    }
    return out;
  }

 private:
  // The stored user with its organisation's code, as the join reads it.
  std::optional<UserRecord> Read(const UserRecord& u) const {
    UserRecord r = u;
    auto org =
        u.organisation_id ? t_.organisations.find(*u.organisation_id) : t_.organisations.end();
    r.organisation_code = org == t_.organisations.end() ? "" : org->second.code;
    return r;
  }
  MemoryTables& t_;
};

class Sessions final : public SessionRepository {
 public:
  explicit Sessions(MemoryTables& t) : t_(t) {}
  Status Insert(const SessionRecord& s) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (!t_.sessions.emplace(s.token_hash, s).second) return tl::unexpected(AlreadyRecorded());
    return {};
  }
  Result<std::optional<SessionRecord>> Find(std::string_view token_hash) override {
    auto it = t_.sessions.find(std::string(token_hash));
    if (it == t_.sessions.end()) return std::optional<SessionRecord>();
    return std::optional(it->second);
  }
  Result<std::optional<SessionAndUser>> FindWithUser(std::string_view token_hash) override {
    auto it = t_.sessions.find(std::string(token_hash));
    if (it == t_.sessions.end()) return std::optional<SessionAndUser>();
    auto user = t_.users.find(it->second.user_id);
    if (user == t_.users.end()) return std::optional<SessionAndUser>();
    UserRecord u = user->second;  // with its organisation's code, as the join reads it
    auto org =
        u.organisation_id ? t_.organisations.find(*u.organisation_id) : t_.organisations.end();
    u.organisation_code = org == t_.organisations.end() ? "" : org->second.code;
    return std::optional(SessionAndUser{it->second, std::move(u)});
  }
  Status Touch(std::string_view token_hash, int64_t now) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.sessions.find(std::string(token_hash)); it != t_.sessions.end()) {
      it->second.last_seen_at = now;
    }
    return {};
  }
  Status Delete(std::string_view token_hash) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.sessions.erase(std::string(token_hash));
    return {};
  }
  Status DeleteOthers(Id user_id, std::string_view keep_token_hash) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    std::erase_if(t_.sessions, [&](const auto& row) {
      return row.second.user_id == user_id && row.first != keep_token_hash;
    });
    return {};
  }

 private:
  MemoryTables& t_;
};

class Credentials final : public CredentialRepository {
 public:
  explicit Credentials(MemoryTables& t) : t_(t) {}
  Result<ThrottleState> Throttle(std::string_view key) override {
    auto it = t_.throttles.find(std::string(key));
    return it == t_.throttles.end() ? ThrottleState{} : it->second;
  }
  Status PutThrottle(std::string_view key, const ThrottleState& s) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.throttles[std::string(key)] = s;
    return {};
  }
  Status ClearThrottle(std::string_view key) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.throttles.erase(std::string(key));
    return {};
  }
  Result<Id> InsertCode(const OneTimeCodeRecord& c) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (auto& [id, row] : t_.codes) {
      if (row.record.user_id == c.user_id && !row.used_at) row.cancelled = true;
    }
    CodeRow row{c, std::nullopt, false};
    row.record.id = NextId(t_.codes);
    t_.codes[row.record.id] = row;
    return row.record.id;
  }
  Result<std::optional<OneTimeCodeRecord>> ActiveCode(Id user_id, int64_t now) override {
    for (auto it = t_.codes.rbegin(); it != t_.codes.rend(); ++it) {
      const CodeRow& row = it->second;
      if (row.record.user_id == user_id && !row.used_at && !row.cancelled &&
          row.record.expires_at > now) {
        return std::optional(row.record);
      }
    }
    return std::optional<OneTimeCodeRecord>();
  }
  Status UseCode(Id code_id, int64_t now) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.codes.find(code_id); it != t_.codes.end()) it->second.used_at = now;
    return {};
  }
  Result<Id> InsertToken(const ApiTokenRecord& t) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (const auto& [id, other] : t_.tokens) {
      if (other.token_hash == t.token_hash) return tl::unexpected(AlreadyRecorded());
    }
    ApiTokenRecord row = t;
    row.revoked_at.reset();
    return InsertWithNextId(t_.tokens, std::move(row));
  }
  Result<std::optional<ApiTokenRecord>> FindToken(std::string_view token_hash) override {
    for (const auto& [id, t] : t_.tokens) {
      if (t.token_hash == token_hash) return std::optional(t);
    }
    return std::optional<ApiTokenRecord>();
  }
  Result<std::optional<ApiTokenRecord>> FindTokenById(Id id) override {
    return FindRow(t_.tokens, id);
  }
  Result<std::vector<ApiTokenRecord>> TokensOf(Id user_id) override {
    std::vector<ApiTokenRecord> out;
    for (const auto& [id, t] : t_.tokens) {
      if (t.user_id == user_id) out.push_back(t);
    }
    return out;
  }
  Status RevokeToken(Id id, int64_t now) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.tokens.find(id); it != t_.tokens.end() && !it->second.revoked_at) {
      it->second.revoked_at = now;
    }
    return {};
  }

 private:
  MemoryTables& t_;
};

class Audit final : public AuditRepository {
 public:
  explicit Audit(MemoryTables& t) : t_(t) {}
  Result<std::pair<Id, std::string>> Tail() override {
    if (t_.audit.empty()) return std::pair<Id, std::string>(0, kAuditGenesisHash);
    return std::pair(t_.audit.back().id, t_.audit.back().hash);
  }
  Status Append(const AuditRecord& r) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (!t_.audit.empty() && r.id <= t_.audit.back().id) return tl::unexpected(AlreadyRecorded());
    t_.audit.push_back(r);
    return {};
  }
  Status ForEach(const std::function<bool(const AuditRecord&)>& fn) override {
    for (const AuditRecord& r : t_.audit) {
      if (!fn(r)) break;
    }
    return {};
  }
  Result<std::vector<AuditRecord>> ForSubject(std::string_view type, std::string_view id) override {
    std::vector<AuditRecord> out;
    for (const AuditRecord& r : t_.audit) {
      if (r.subject_type == type && r.subject_id == id) out.push_back(r);
    }
    return out;
  }

 private:
  MemoryTables& t_;
};

class Settings final : public SettingsRepository {
 public:
  explicit Settings(MemoryTables& t) : t_(t) {}
  Result<RoutingRule> Routing(std::string_view prefecture_code) override {
    auto it = t_.routing.find(std::string(prefecture_code));
    return it == t_.routing.end() ? RoutingRule{std::string(prefecture_code)} : it->second;
  }
  Status PutRouting(const RoutingRule& rule) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.routing[rule.prefecture_code] = rule;
    return {};
  }
  Result<std::optional<IdempotencyRecord>> Idempotency(Id user_id, std::string_view key) override {
    auto it = t_.idempotency.find({user_id, std::string(key)});
    if (it == t_.idempotency.end()) return std::optional<IdempotencyRecord>();
    return std::optional(it->second);
  }
  Status PutIdempotency(Id user_id, std::string_view key, const IdempotencyRecord& r) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (!t_.idempotency.emplace(std::pair(user_id, std::string(key)), r).second) {
      return tl::unexpected(AlreadyRecorded());
    }
    return {};
  }

 private:
  MemoryTables& t_;
};

}  // namespace

std::unique_ptr<UserRepository> MemoryUsers(MemoryTables& t) { return std::make_unique<Users>(t); }
std::unique_ptr<SessionRepository> MemorySessions(MemoryTables& t) {
  return std::make_unique<Sessions>(t);
}
std::unique_ptr<CredentialRepository> MemoryCredentials(MemoryTables& t) {
  return std::make_unique<Credentials>(t);
}
std::unique_ptr<AuditRepository> MemoryAudit(MemoryTables& t) { return std::make_unique<Audit>(t); }
std::unique_ptr<SettingsRepository> MemorySettings(MemoryTables& t) {
  return std::make_unique<Settings>(t);
}

}  // namespace kakari::core::testing
