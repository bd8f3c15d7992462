// kakari backup / restore: a consistent, checked copy of the database.
#include <filesystem>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/services/service_support.hpp"

namespace kakari::cli {
namespace {

struct Checked {
  std::string integrity;
  int64_t audit_records = 0;
};

// A copy is good when SQLite finds it whole and the audit hash chain is intact.
// `shown_as` names the file the operator gave (the copy is a staging file).
core::Result<Checked> CheckCopy(Environment& env, const std::string& path,
                                const std::string& shown_as) {
  auto integrity = env.integrity_check(path);
  KAKARI_RETURN_IF_ERROR(integrity);
  if (*integrity != "ok") {
    std::string first = integrity->substr(0, integrity->find('\n', integrity->find('\n') + 1));
    for (char& ch : first) ch = ch == '\n' ? ' ' : ch;
    return core::Fail(core::ErrorCode::kUnprocessable,
                      shown_as + " は壊れています（integrity_check: " + first + "）",
                      shown_as + " is damaged (integrity_check: " + first + ")", "file");
  }
  auto store = env.open_store(path);
  KAKARI_RETURN_IF_ERROR(store);
  auto audit = core::VerifyAudit(core::Deps{**store, *env.crypto, *env.clock});
  KAKARI_RETURN_IF_ERROR(audit);
  if (audit->first_broken) {
    return core::Fail(
        core::ErrorCode::kUnprocessable,
        path + " の監査ログが記録 " + std::to_string(*audit->first_broken) + " で壊れています",
        path + ": the audit chain breaks at record " + std::to_string(*audit->first_broken),
        "file");
  }
  return Checked{*integrity, audit->checked};
}

// backup and restore copy an SQLite file; a PostgreSQL database is backed
// up with the server's own tools.
bool RefusedForServerDatabase(Environment& env, const std::string& db) {
  if (!env.is_server_database(db)) return false;
  (void)PrintError(
      env, core::MakeError(core::ErrorCode::kInvalidArgument,
                           "PostgreSQLのデータベースは pg_dump / pg_basebackup でバックアップします"
                           "（README「PostgreSQL」）",
                           "back up a PostgreSQL database with pg_dump or pg_basebackup "
                           "(README, PostgreSQL)",
                           "db"));
  return true;
}

void RemoveQuietly(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
}

}  // namespace

int RunBackup(const Args& args, Environment& env) {
  auto to = args.Option("to");
  if (!to || to->empty()) {
    *env.err << "使い方 / usage: kakari backup --to FILE\n";
    return kExitUsage;
  }
  std::string from = DbPath(args, env);
  if (RefusedForServerDatabase(env, from)) return kExitUsage;
  if (!std::filesystem::exists(from)) {
    return PrintError(env, core::MakeError(core::ErrorCode::kNotFound, from + " がありません",
                                           from + " does not exist", "db"));
  }
  if (std::filesystem::exists(*to)) {
    return PrintError(
        env,
        core::MakeError(core::ErrorCode::kInvalidArgument,
                        *to + " は既にあります。上書きはしません（日付入りの名前をお勧めします）",
                        *to + " already exists and is not overwritten (a dated name is best)",
                        "to"),
        true);
  }
  std::string partial = *to + ".partial";
  RemoveQuietly(partial);
  if (auto c = env.copy_database(from, partial); !c) return PrintError(env, c.error());
  auto checked = CheckCopy(env, partial, *to);
  if (!checked) {
    RemoveQuietly(partial);
    return PrintError(env, checked.error());
  }
  if (auto f = env.make_single_file(partial); !f) {
    RemoveQuietly(partial);
    return PrintError(env, f.error());
  }
  if (std::error_code ec; std::filesystem::rename(partial, *to, ec), ec) {
    RemoveQuietly(partial);
    return PrintError(
        env, core::MakeError(core::ErrorCode::kUnavailable, *to + " に名前を付けられません",
                             "cannot name the backup " + *to, "to", ec.message()));
  }
  *env.out << "バックアップしました: " << *to << "（整合性 " << checked->integrity << "、監査ログ "
           << checked->audit_records << " 件は改ざんなし）\n"
           << "署名鍵（" << from
           << ".keys/）はこのバックアップに含まれていません。"
              "鍵のフォルダは別に、安全な場所へ保管してください。\n"
           << "Backed up to " << *to << " (integrity " << checked->integrity << ", audit chain of "
           << checked->audit_records << " records intact).\n"
           << "The signing keys (" << from
           << ".keys/) are NOT in this backup: keep that folder separately and safely.\n";
  return kExitOk;
}

int RunRestore(const Args& args, Environment& env) {
  auto from = args.Option("from");
  if (!from || from->empty()) {
    *env.err << "使い方 / usage: kakari restore --from FILE [--force] --db TARGET\n";
    return kExitUsage;
  }
  std::string target = DbPath(args, env);
  if (RefusedForServerDatabase(env, target)) return kExitUsage;
  if (std::filesystem::exists(target) && !args.Flag("force")) {
    return PrintError(
        env,
        core::MakeError(core::ErrorCode::kInvalidArgument,
                        target + " は既にあります。置き換えるなら --force（サーバーは止めてから）",
                        target + " exists; add --force to replace it (stop the server first)",
                        "db"),
        true);
  }
  // Check a copy, never the backup itself: opening a store may migrate it.
  std::string staging = target + ".restoring";
  RemoveQuietly(staging);
  if (auto c = env.copy_database(*from, staging); !c) return PrintError(env, c.error());
  auto checked = CheckCopy(env, staging, *from);
  if (!checked) {
    RemoveQuietly(staging);
    return PrintError(env, checked.error());
  }
  // The old database's write-ahead log must not be replayed onto the restored file.
  RemoveQuietly(target);
  if (std::error_code ec; std::filesystem::rename(staging, target, ec), ec) {
    return PrintError(env,
                      core::MakeError(core::ErrorCode::kUnavailable,
                                      target + " に置けません（確認済みの複製は " + staging + "）",
                                      "cannot put the restored copy at " + target +
                                          " (the checked copy is " + staging + ")",
                                      "db", ec.message()));
  }
  *env.out << "復元しました: " << *from << " → " << target << "（整合性 " << checked->integrity
           << "、監査ログ " << checked->audit_records << " 件は改ざんなし）\n"
           << "Restored " << *from << " to " << target << " (integrity " << checked->integrity
           << ", audit chain of " << checked->audit_records << " records intact).\n";
  return kExitOk;
}

}  // namespace kakari::cli

namespace kakari::cli {

// kakari copy: then both sides' audit chains are checked from the start.
int RunCopy(const Args& args, Environment& env) {
  auto from = args.Option("from");
  auto to = args.Option("to");
  if (!from || from->empty() || !to || to->empty()) {
    *env.err << "使い方 / usage: kakari copy --from SOURCE --to TARGET\n";
    return kExitUsage;
  }
  auto copied = env.copy_registry(*from, *to);
  if (!copied) return PrintError(env, copied.error());
  int64_t audit_rows = 0;
  for (const std::string& side : {*from, *to}) {
    auto store = env.open_store(side);
    if (!store) return PrintError(env, store.error());
    auto audit = core::VerifyAudit(core::Deps{**store, *env.crypto, *env.clock});
    if (!audit) return PrintError(env, audit.error());
    if (audit->first_broken) {
      *env.err << side << ": 監査ログが記録 " << *audit->first_broken
               << " で壊れています / the audit chain breaks at record " << *audit->first_broken
               << "\n";
      return kExitFailure;
    }
    audit_rows = audit->checked;
  }
  for (const auto& [table, rows] : *copied) *env.out << table << "\t" << rows << "\n";
  *env.out << "写しました / copied; 監査ログ " << audit_rows
           << " 件は両側で連続しています / audit chain intact on both sides\n";
  return kExitOk;
}

}  // namespace kakari::cli
