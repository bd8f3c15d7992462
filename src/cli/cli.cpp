#include "cli/cli.hpp"

#include <cctype>
#include <ostream>

#include "cli/output.hpp"

namespace kakari::cli {

namespace {

const std::vector<Command>& Table() {
  static const std::vector<Command> kCommands = {
      {"init",
       "init [--db PATH]",
       "データベースを作成・更新します（日本医師会と47都道府県医師会を登録）",
       {},
       {},
       RunInit},
      {"demo",
       "demo --scale small|national [--seed N]",
       "デモ用の合成データを作成します",
       {"scale", "seed"},
       {},
       RunDemo},
      {"import",
       "import doctors|credits|institutions|affiliations FILE [--json]",
       "医師名簿・単位・医療機関・勤務先のCSVを取り込みます（UTF-8/CP932を自動判別）",
       {"json"},
       {"json"},
       RunImport},
      {"gmis",
       "gmis --institution CODE [--as-of YYYY-MM-DD] [--json]",
       "医療機関のG-MIS回答（研修の修了者の有無）を表示します",
       {"institution", "as-of", "json"},
       {"json"},
       RunGmis},
      {"coverage",
       "coverage [--association CODE] [--as-of YYYY-MM-DD] [--json]",
       "地域の報告対象医療機関のうち修了者のいる数を表示します",
       {"association", "as-of", "json"},
       {"json"},
       RunCoverage},
      {"stats",
       "stats [--association CODE] [--as-of YYYY-MM-DD] [--json]",
       "地域の統計（修了者数・審査待ち・審査日数・修了証・医療機関の充足）を表示します",
       {"association", "as-of", "json"},
       {"json"},
       RunStats},
      {"export",
       "export queue|completions|certificates|coverage|statistics --format xlsx|csv|csv-cp932 "
       "--out FILE [--association CODE] [--as-of YYYY-MM-DD]",
       "一覧をExcel・CSVに出力します（出力は監査ログに残ります）",
       {"format", "out", "association", "as-of"},
       {},
       RunExport},
      {"remind",
       "remind [--as-of YYYY-MM-DD] [--json]",
       "その日に出すリマインダー・まとめを送ります（期間ごとに一度だけ）",
       {"as-of", "json"},
       {"json"},
       RunRemind},
      {"eligibility",
       "eligibility --doctor REGISTRY_NUMBER [--json] | --all [--json]",
       "修了要件の判定を表示します",
       {"doctor", "all", "json"},
       {"all", "json"},
       RunEligibility},
      {"audit",
       "audit verify [--json]",
       "監査ログのハッシュ連鎖を検証し、最初に壊れた記録を示します",
       {"json"},
       {"json"},
       RunAudit},
      {"user",
       "user add --login LOGIN --role reviewer|admin|jma_admin|institution|doctor "
       "[--association CODE] [--institution CODE] [--registry NUMBER]",
       "利用者を作成します（パスワードは標準入力の1行目）",
       {"login", "role", "association", "institution", "registry"},
       {},
       RunUserAdd},
      {"keys",
       "keys generate|rotate|list [--keys DIR] [--json]",
       "修了証の署名鍵を作成・更新・一覧します（古い鍵も検証に使われます）",
       {"keys", "json"},
       {"json"},
       RunKeys},
      {"cert",
       "cert list [--json] | cert pdf NUMBER --out FILE.pdf [--version N] | "
       "cert verify FILE.pdf|PAYLOAD [--json]",
       "修了証の一覧・PDF出力・真正性の確認（正規で取消しでなければ終了コード0）",
       {"json", "out", "version", "keys"},
       {"json"},
       RunCert},
      {"routes",
       "routes",
       "APIの経路と、それぞれに必要なスコープ（役割ごとのスコープも）をJSONで表示します",
       {},
       {},
       RunRoutes},
      {"backup",
       "backup --to FILE",
       "稼働中でも一貫したバックアップを作り、整合性と監査ログを確かめます（署名鍵は含みません）",
       {"to"},
       {},
       RunBackup},
      {"restore",
       "restore --from FILE [--force]",
       "バックアップを確かめてから --db に戻します（サーバーを止めてから実行してください）",
       {"from", "force"},
       {"force"},
       RunRestore},
      {"copy",
       "copy --from SOURCE --to TARGET",
       "登録簿をまるごと別のデータベースへ写します（SQLite ⇄ PostgreSQL、写し先は空であること）",
       {"from", "to"},
       {},
       RunCopy},
      {"serve",
       "serve [--listen 127.0.0.1:8080] [--web DIR] [--keys DIR]",
       "Webアプリと API を提供します",
       {"listen", "web", "keys"},
       {},
       RunServe},
  };
  return kCommands;
}

int PrintHelp(std::ostream& out) {
  out << "kakari — かかりつけ医機能報告制度にかかる研修 登録システム\n\n使い方 / usage:\n";
  for (const auto& c : Table()) out << "  kakari " << c.usage << "\n      " << c.help_ja << "\n";
  out << "\n共通オプション / every command: --db PATH (既定 / default: $KAKARI_DB or kakari.db)\n";
  return kExitOk;
}

}  // namespace

std::span<const Command> Commands() { return Table(); }

std::string DbPath(const Args& args, const Environment& env) {
  return args.Option("db").value_or(env.default_db);
}

std::string KeyDir(const Args& args, const Environment& env) {
  if (auto k = args.Option("keys")) return *k;
  if (!env.default_key_dir.empty()) return env.default_key_dir;
  std::string db = DbPath(args, env);
  if (env.is_server_database(db)) {
    // A server address is no folder name: one folder per database, named
    // after it, in the working directory (set KAKARI_KEYS on real servers).
    for (char& c : db) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
    }
  }
  return db + ".keys";
}

std::unique_ptr<core::Store> OpenStoreOrReport(const Args& args, Environment& env) {
  auto store = env.open_store(DbPath(args, env));
  if (!store) {
    PrintError(env, store.error());
    return nullptr;
  }
  return std::move(*store);
}

int RunCli(const std::vector<std::string>& argv, Environment& env) {
  if (argv.empty() || argv[0] == "help" || argv[0] == "--help" || argv[0] == "-h") {
    return PrintHelp(*env.out);
  }
  for (const auto& c : Table()) {
    if (argv[0] != c.name) continue;
    auto args = Args::Parse({argv.begin() + 1, argv.end()}, c.flags);
    if (!args) return PrintError(env, args.error(), true);
    auto known = c.options;
    known.insert("db");
    if (auto unknown = args->Unknown(known); !unknown.empty()) {
      *env.err << "エラー: 不明なオプション --" << unknown[0] << "\nError: unknown option --"
               << unknown[0] << "\n使い方 / usage: kakari " << c.usage << "\n";
      return kExitUsage;
    }
    return c.run(*args, env);
  }
  *env.err << "エラー: 不明なコマンド「" << argv[0] << "」\nError: unknown command \"" << argv[0]
           << "\"\n";
  PrintHelp(*env.err);
  return kExitUsage;
}

}  // namespace kakari::cli
