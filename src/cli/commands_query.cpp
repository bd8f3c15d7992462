// kakari eligibility and serve.
#include <chrono>
#include <ostream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/domain/validation.hpp"
#include "core/services/progress_service.hpp"
#include "core/services/registry_setup.hpp"
#include "core/services/staff_workflow.hpp"

namespace kakari::cli {

namespace {

int RunEligibilityAll(const Args& args, Environment& env) {
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto start = std::chrono::steady_clock::now();
  auto summary = core::SummariseAll(env.DepsFor(*store), core::CommandLineCaller());
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!summary) return PrintError(env, summary.error());
  if (args.Flag("json")) {
    *env.out << "{\"doctors\": " << summary->doctors << ", \"complete\": " << summary->complete
             << ", \"practical_missing\": " << summary->practical_missing
             << ", \"lecture_short\": " << summary->lecture_only_short << ", \"elapsed_ms\": " << ms
             << "}\n";
  } else {
    *env.out << "医師 / doctors:           " << summary->doctors
             << "\n修了要件充足 / complete: " << summary->complete
             << "\n実地研修が不足 / no approved activity: " << summary->practical_missing
             << "\n座学研修が不足 / lecture units short:  " << summary->lecture_only_short
             << "\n所要時間 / elapsed: " << ms << " ms\n";
  }
  return kExitOk;
}

}  // namespace

int RunEligibility(const Args& args, Environment& env) {
  if (args.Flag("all")) return RunEligibilityAll(args, env);
  auto reg = args.Option("doctor");
  if (!reg) {
    *env.err << "使い方 / usage: kakari eligibility --doctor REGISTRY_NUMBER [--json]\n";
    return kExitUsage;
  }
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto progress = core::DoctorProgressFor(env.DepsFor(*store), core::CommandLineCaller(), *reg);
  if (!progress && progress.error().code == core::ErrorCode::kNotFound) {
    std::string number = core::ValidateRegistryNumber(*reg).value_or(*reg);
    return PrintError(
        env, core::MakeError(core::ErrorCode::kNotFound,
                             "医籍登録番号 " + number + " の医師は登録されていません",
                             "no doctor has registry number " + number, "registry_number"));
  }
  if (!progress) return PrintError(env, progress.error(), true);
  if (args.Flag("json")) {
    *env.out << EligibilityJson(progress->doctor.registry_number, progress->eligibility) << "\n";
  } else {
    PrintEligibility(env, *progress);
  }
  return kExitOk;
}

int RunServe(const Args& args, Environment& env) {
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  if (auto s = core::SeedRegistry(*store); !s) return PrintError(env, s.error());
  ServeOptions options;
  options.listen = args.Option("listen").value_or("127.0.0.1:8080");
  options.web_root = args.Option("web").value_or(env.default_web_root);
  options.db_path = DbPath(args, env);
  auto keys = env.open_keys(KeyDir(args, env));
  if (!keys) return PrintError(env, keys.error());
  if ((*keys)->CurrentKeyId().empty()) {
    *env.err << "注意: 署名鍵がないため修了証を発行できません（kakari keys generate）\n"
                "Note: no signing key, so no certificate can be issued (kakari keys generate)\n";
  }
  options.signer = keys->get();
  if (auto s = env.serve(options, *store); !s) return PrintError(env, s.error(), true);
  return kExitOk;
}

}  // namespace kakari::cli

namespace kakari::cli {

int RunRoutes(const Args& /*args*/, Environment& env) {
  *env.out << env.route_table_json();
  return kExitOk;
}

}  // namespace kakari::cli
