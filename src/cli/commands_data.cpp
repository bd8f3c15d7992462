// kakari init, demo and import: the commands that write data.
#include <ostream>
#include <set>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/services/credit_import.hpp"
#include "core/services/doctor_import.hpp"
#include "core/services/institution_import.hpp"
#include "core/services/registry_setup.hpp"
#include "demo/demo.hpp"
#include "demo/demo_accounts.hpp"
#include "demo/demo_certificates.hpp"
#include "demo/demo_institutions.hpp"

namespace kakari::cli {

int RunInit(const Args& args, Environment& env) {
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  if (auto s = core::SeedRegistry(*store); !s) return PrintError(env, s.error());
  if (auto k = EnsureSigningKey(args, env, *store); !k) return PrintError(env, k.error());
  *env.out << "データベースを準備しました / database ready: " << DbPath(args, env) << "\n";
  return kExitOk;
}

int RunDemo(const Args& args, Environment& env) {
  std::string scale_name = args.Option("scale").value_or("small");
  if (scale_name != "small" && scale_name != "national") {
    *env.err << "エラー: --scale は small か national です\nError: --scale must be small or "
                "national\n";
    return kExitUsage;
  }
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  if (auto s = core::SeedRegistry(*store); !s) return PrintError(env, s.error());
  auto uow = store->Begin(false);
  if (!uow) return PrintError(env, uow.error());
  auto count = (*uow)->Doctors().Count();
  uow->reset();
  if (!count) return PrintError(env, count.error());
  if (*count > 0) {
    *env.err << "エラー: " << DbPath(args, env)
             << " には既に医師が登録されています\nError: " << DbPath(args, env)
             << " already holds doctors; use a new --db\n";
    return kExitFailure;
  }
  demo::DemoScale scale = scale_name == "small" ? demo::SmallDemo() : demo::NationalDemo();
  auto seed_arg = args.Number("seed", 0, INT64_MAX);
  if (!seed_arg) return PrintError(env, seed_arg.error(), true);
  auto seed = static_cast<uint64_t>(seed_arg->value_or(20250401));
  ProgressBar bar(env, "デモデータ作成 / demo");
  auto result =
      demo::GenerateDemo(*store, scale, env.today(), seed, [&](double f) { bar.Update(f); });
  bar.Finish();
  if (!result) return PrintError(env, result.error());
  env.checkpoint(*store);
  *env.out << "医師 / doctors: " << result->doctors
           << "\n医療機関 / institutions: " << result->institutions
           << "\n座学単位 / lecture credits: " << result->credits
           << "\n実地研修 / activities: " << result->activities
           << "\n修了申請 / applications: " << result->applications
           << "\n\nデモ用の医師 / demo doctors:\n";
  for (const auto& d : result->showcase) {
    *env.out << "  " << d.registry_number << "  " << d.name << "  — " << d.what << "\n";
  }
  if (auto k = EnsureSigningKey(args, env, *store); !k) return PrintError(env, k.error());
  auto logins = demo::CreateDemoAccounts(core::Deps{*store, *env.crypto, *env.clock});
  if (!logins) return PrintError(env, logins.error());
  *env.out << "\nデモ用ログイン（パスワード共通: " << demo::kDemoPassword
           << "）/ demo logins (password for all: " << demo::kDemoPassword << "):\n";
  for (const auto& l : *logins) {
    *env.out << "  " << l.login << "  " << l.who_ja << " / " << l.who_en << "\n";
  }
  auto keys = env.open_keys(KeyDir(args, env));
  if (!keys) return PrintError(env, keys.error());
  if (env.renderer != nullptr) {
    auto seal = env.renderer->SealImage("会長之印");
    if (!seal) return PrintError(env, seal.error());
    if (auto s = demo::AddDemoSeal(*store, *seal); !s) return PrintError(env, s.error());
  }
  auto certs =
      demo::CreateDemoCertificates(core::Deps{*store, *env.crypto, *env.clock, keys->get()});
  if (!certs) return PrintError(env, certs.error());
  *env.out << "\nデモ用の修了証 / demo certificates (kakari cert list):";
  for (const auto& n : *certs) *env.out << " " << n;
  *env.out << "\n";
  if (scale_name == "national") {
    auto more =
        demo::CertifyOtherApproved(core::Deps{*store, *env.crypto, *env.clock, keys->get()});
    if (!more) return PrintError(env, more.error());
    *env.out << "ほかの承認済み申請の修了証 / certificates of other approved applications: "
             << *more << "\n";
  }
  auto sites = demo::CreateDemoInstitutions(core::Deps{*store, *env.crypto, *env.clock}, *certs);
  if (!sites) return PrintError(env, sites.error());
  *env.out << "\nG-MISの回答を確かめる医療機関 / institutions for each G-MIS answer:\n";
  for (const auto& l : *sites) {
    *env.out << "  " << l.login << "  " << l.who_ja << " / " << l.who_en << "\n";
  }
  return kExitOk;
}

int RunImport(const Args& args, Environment& env) {
  const auto& pos = args.positional();
  static const std::set<std::string> kinds = {"doctors", "credits", "institutions", "affiliations"};
  if (pos.size() != 2 || !kinds.count(pos[0])) {
    *env.err << "使い方 / usage: kakari import doctors|credits|institutions|affiliations FILE "
                "[--json]\n";
    return kExitUsage;
  }
  auto table = env.open_table(pos[1]);
  if (!table) return PrintError(env, table.error());
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  ProgressBar bar(env, "取り込み / import");
  auto progress = [&](double f) { bar.Update(f); };
  auto run = pos[0] == "doctors"        ? core::ImportDoctors
             : pos[0] == "credits"      ? core::ImportCredits
             : pos[0] == "institutions" ? core::ImportInstitutions
                                        : core::ImportAffiliations;
  auto report = run(env.DepsFor(*store), core::CommandLineCaller(), *table->rows, progress);
  bar.Finish();
  if (!report) return PrintError(env, report.error());
  env.checkpoint(*store);
  if (args.Flag("json")) {
    *env.out << ImportReportJson(*report) << "\n";
  } else {
    PrintImportReport(env, *report, table->encoding);
  }
  return report->rejected.empty() ? kExitOk : kExitRowsRejected;
}

}  // namespace kakari::cli
