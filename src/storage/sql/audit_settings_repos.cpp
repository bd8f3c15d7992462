// The audit log, routing rules and idempotency keys in SQLite.
#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;
using core::Status;

namespace {
constexpr const char* kAuditColumns =
    "SELECT id, at, actor_user_id, COALESCE(actor_role, ''), action, subject_type, subject_id, "
    "detail, COALESCE(remote_address, ''), prev_hash, hash FROM audit_log ";

core::AuditRecord ReadAudit(const Statement& st) {
  return core::AuditRecord{st.Int(0),  st.Text(1), st.OptionalInt(2), st.Text(3),
                           st.Text(4), st.Text(5), st.Text(6),        st.Text(7),
                           st.Text(8), st.Text(9), st.Text(10)};
}
}  // namespace

Result<std::pair<Id, std::string>> SqlAudit::Tail() {
  KAKARI_TRY(st, c_.Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
  KAKARI_TRY(row, st->Step());
  if (!row) return std::pair<Id, std::string>(0, core::kAuditGenesisHash);
  std::pair<Id, std::string> tail(st->Int(0), st->Text(1));
  st->Reset();
  return tail;
}

Status SqlAudit::Append(const core::AuditRecord& r) {
  // INSERT … SELECT, not … VALUES: a taken id (a broken chain) is then an
  // error that aborts the transaction on every engine, which a write sent
  // with the COMMIT needs (RunWithNext), not a quiet "no row".
  KAKARI_TRY(st, c_.Prepare("INSERT INTO audit_log(id, at, actor_user_id, actor_role, action, "
                            "subject_type, subject_id, detail, remote_address, prev_hash, hash) "
                            "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"));
  st->Bind(1, r.id)
      .Bind(2, r.at)
      .BindOptionalId(3, r.actor_user_id)
      .Bind(4, r.actor_role)
      .Bind(5, r.action)
      .Bind(6, r.subject_type)
      .Bind(7, r.subject_id)
      .Bind(8, r.detail)
      .Bind(9, r.remote_address)
      .Bind(10, r.prev_hash)
      .Bind(11, r.hash);
  // Nothing reads its result: on a database server it travels with the
  // transaction's next statement or its COMMIT (one round trip fewer).
  return st->RunWithNext();
}

Status SqlAudit::ForEach(const std::function<bool(const core::AuditRecord&)>& fn) {
  KAKARI_TRY(st, c_.Prepare(std::string(kAuditColumns) + "ORDER BY id"));
  for (;;) {
    KAKARI_TRY(row, st->Step());
    if (!row) break;
    if (!fn(ReadAudit(*st))) {
      st->Reset();
      break;
    }
  }
  return {};
}

Result<std::vector<core::AuditRecord>> SqlAudit::ForSubject(std::string_view type,
                                                            std::string_view id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kAuditColumns) +
                            "WHERE subject_type = ? AND subject_id = ? ORDER BY id"));
  st->Bind(1, type).Bind(2, id);
  return CollectRows<core::AuditRecord>(*st, ReadAudit);
}

Result<core::RoutingRule> SqlSettings::Routing(std::string_view prefecture_code) {
  KAKARI_TRY(st, c_.Prepare("SELECT members, non_members FROM routing_rules "
                            "WHERE prefecture_code = ?"));
  st->Bind(1, prefecture_code);
  core::RoutingRule rule{std::string(prefecture_code)};
  KAKARI_TRY(row, st->Step());
  if (!row) return rule;
  rule.members = core::ParseApprovingLevel(st->Text(0)).value_or(core::ApprovingLevel::kCounty);
  rule.non_members =
      core::ParseApprovingLevel(st->Text(1)).value_or(core::ApprovingLevel::kPrefecture);
  st->Reset();
  return rule;
}

Status SqlSettings::PutRouting(const core::RoutingRule& rule) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "INSERT INTO routing_rules(prefecture_code, members, non_members) VALUES (?, ?, ?) "
          "ON CONFLICT(prefecture_code) DO UPDATE SET members = excluded.members, non_members = "
          "excluded.non_members, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')"));
  st->Bind(1, rule.prefecture_code)
      .Bind(2, core::ApprovingLevelName(rule.members))
      .Bind(3, core::ApprovingLevelName(rule.non_members));
  return st->Run();
}

Result<std::optional<core::IdempotencyRecord>> SqlSettings::Idempotency(Id user_id,
                                                                        std::string_view key) {
  KAKARI_TRY(st, c_.Prepare("SELECT fingerprint, operation, result_id FROM idempotency_keys "
                            "WHERE user_id = ? AND key = ?"));
  st->Bind(1, user_id).Bind(2, key);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::IdempotencyRecord>();
  core::IdempotencyRecord r{st->Text(0), st->Text(1), st->Int(2)};
  st->Reset();
  return std::optional<core::IdempotencyRecord>(std::move(r));
}

Status SqlSettings::PutIdempotency(Id user_id, std::string_view key,
                                   const core::IdempotencyRecord& r) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO idempotency_keys(user_id, key, fingerprint, operation, "
                            "result_id) VALUES (?, ?, ?, ?, ?)"));
  st->Bind(1, user_id)
      .Bind(2, key)
      .Bind(3, r.fingerprint)
      .Bind(4, r.operation)
      .Bind(5, r.result_id);
  return st->Run();
}

}  // namespace kakari::storage::sql
