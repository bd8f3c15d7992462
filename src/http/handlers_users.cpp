// Administration of staff accounts: list, create (with a one-time code),
// change role or disable.
#include "core/services/staff_accounts.hpp"
#include "http/api_context.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

nlohmann::json AccountJson(const core::StaffAccount& a) {
  return {{"id", a.id},
          {"login", a.login},
          {"role", core::RoleName(a.role)},
          {"association_code", a.association_code},
          {"association_name", a.association_name},
          {"disabled", a.disabled},
          {"has_password", a.has_password}};
}

}  // namespace

ApiResponse GetStaffAccounts(ApiContext& c) {
  auto list = core::ListStaffAccounts(c.deps, c.caller);
  if (!list) return Fails(list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *list) items.push_back(AccountJson(a));
  return JsonResponse(200, {{"items", items}});
}

ApiResponse PostStaffAccount(ApiContext& c) {
  BodyReader in(c.body);
  core::NewStaffAccount a{in.String("login"), in.String("role"), in.String("association_code")};
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto code = core::CreateStaffAccount(c.deps, c.caller, a);
  if (!code) return Fails(code.error());
  return JsonResponse(201, {{"login", code->login},
                            {"code", code->code},
                            {"expires_at", core::FormatUtcIso(code->expires_at)}});
}

ApiResponse PutStaffAccount(ApiContext& c) {
  const std::string& raw = c.Param("id");
  int64_t id = util::IsAsciiDigits(raw) && raw.size() < 12 ? std::stoll(raw) : 0;
  BodyReader in(c.body);
  std::string role = in.String("role");
  bool disabled = in.Bool("disabled");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto updated = core::UpdateStaffAccount(c.deps, c.caller, id, role, disabled);
  if (!updated) return Fails(updated.error());
  return JsonResponse(200, AccountJson(*updated));
}

}  // namespace kakari::http
