// kakari audit verify and user add: administration from the command line.
#include <iostream>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/domain/validation.hpp"
#include "core/services/auth_service.hpp"
#include "util/strings.hpp"

namespace kakari::cli {

int RunAudit(const Args& args, Environment& env) {
  const auto& pos = args.positional();
  if (pos.size() != 1 || pos[0] != "verify") {
    *env.err << "使い方 / usage: kakari audit verify [--json]\n";
    return kExitUsage;
  }
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto check = core::VerifyAudit(core::Deps{*store, *env.crypto, *env.clock});
  if (!check) return PrintError(env, check.error());
  if (args.Flag("json")) {
    *env.out << "{\"checked\": " << check->checked
             << ", \"ok\": " << (check->first_broken ? "false" : "true") << ", \"first_broken\": "
             << (check->first_broken ? std::to_string(*check->first_broken) : "null")
             << ", \"reason\": \"" << util::JsonEscape(check->reason) << "\"}\n";
  } else if (check->first_broken) {
    *env.out << "監査ログが改ざんされています: 記録 " << *check->first_broken << "（"
             << check->reason << "）\nAudit log broken at record " << *check->first_broken << ": "
             << check->reason << "\n";
  } else {
    *env.out << "監査ログは正常です（" << check->checked << " 件）\nAudit chain intact ("
             << check->checked << " records)\n";
  }
  return check->first_broken ? kExitFailure : kExitOk;
}

namespace {

int UsageError(Environment& env, const std::string& ja, const std::string& en) {
  *env.err << "エラー: " << ja << "\nError: " << en << "\n";
  return kExitUsage;
}

// Fills the role's binding (association, institution or doctor).
core::Status Bind(const Args& args, core::UnitOfWork& uow, core::UserRecord& u) {
  if (auto code = args.Option("association")) {
    auto org = uow.Organisations().FindByCode(*code);
    KAKARI_RETURN_IF_ERROR(org);
    if (!*org)
      return core::Fail(core::ErrorCode::kNotFound, "医師会 " + *code + " がありません",
                        "no association " + *code, "association");
    u.organisation_id = (*org)->id;
  }
  auto inst = args.Number("institution", 1, INT64_MAX);
  KAKARI_RETURN_IF_ERROR(inst);
  if (*inst) u.institution_id = **inst;
  if (auto reg = args.Option("registry")) {
    auto d = uow.Doctors().FindByRegistryNumber(*reg);
    KAKARI_RETURN_IF_ERROR(d);
    if (!*d)
      return core::Fail(core::ErrorCode::kNotFound, "医籍登録番号 " + *reg + " の医師がいません",
                        "no doctor with registry number " + *reg, "registry");
    u.doctor_id = (*d)->id;
  }
  return {};
}

}  // namespace

int RunUserAdd(const Args& args, Environment& env) {
  const auto& pos = args.positional();
  if (pos.size() != 1 || pos[0] != "add")
    return UsageError(env, "user add を指定してください", "use: user add");
  auto login = args.Option("login");
  auto role = core::ParseRole(args.Option("role").value_or(""));
  if (!login || login->empty() || !role) {
    return UsageError(
        env, "--login と --role（reviewer・admin・jma_admin・institution・doctor）が必要です",
        "--login and --role (reviewer, admin, jma_admin, institution, doctor) are required");
  }
  bool staff = core::IsStaff(*role);
  if (staff != args.Option("association").has_value() ||
      (*role == core::Role::kInstitution) != args.Option("institution").has_value() ||
      (*role == core::Role::kDoctor) != args.Option("registry").has_value()) {
    return UsageError(
        env, "職員は --association、医療機関は --institution、医師は --registry を指定します",
        "staff take --association, institution users --institution, doctors --registry");
  }
  std::string password;
  std::getline(std::cin, password);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  core::UserRecord u;
  u.login = *login;
  u.role = *role;
  {
    auto uow = store->Begin(false);
    if (!uow) return PrintError(env, uow.error());
    if (auto b = Bind(args, **uow, u); !b) return PrintError(env, b.error(), true);
  }
  core::Deps deps{*store, *env.crypto, *env.clock};
  if (auto v = core::AssessNewPassword(deps, password, *login, u.doctor_id); !v) {
    return PrintError(env, v.error());
  }
  auto id = core::CreateUser(deps, u, password);
  if (!id) return PrintError(env, id.error());
  *env.out << "利用者を作成しました / user created: " << *login << " (" << core::RoleName(*role)
           << ", id " << *id << ")\n";
  return kExitOk;
}

}  // namespace kakari::cli
