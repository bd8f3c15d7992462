// The route guard (deny by default) and the route table as data.
#include <nlohmann/json.hpp>

#include "http/api.hpp"

namespace kakari::http {

namespace {

core::Status Refuse(std::string ja, std::string en) {
  return tl::unexpected(core::MakeError(core::ErrorCode::kPermissionDenied, std::move(ja),
                                        std::move(en), "Authorization"));
}

bool AnyScopeAllows(uint32_t scopes, const core::Principal& who) {
  for (size_t i = 0; i < core::kPermissionCount; ++i) {
    auto p = static_cast<core::Permission>(i);
    if ((scopes & ScopeBit(p)) && core::Allows(who, p)) return true;
  }
  return false;
}

}  // namespace

core::Status CheckGuard(const Guard& guard, const core::Principal& who) {
  if (!guard.authenticated) return {};
  if (who.via_token) {
    if (guard.interactive_only) {
      return Refuse("この操作はログインした本人の画面からのみ行えます（APIトークンでは行えません）",
                    "only a signed-in person can do this, never an API token");
    }
    if (!AnyScopeAllows(guard.scopes, who)) {
      return Refuse("このAPIトークンのスコープでは行えない操作です",
                    "the API token's scopes do not cover this request");
    }
    return {};
  }
  if (guard.scopes != 0 && !AnyScopeAllows(guard.scopes, who)) {
    return Refuse("あなたの役割では使えない機能です", "your role cannot use this");
  }
  return {};
}

std::string RouteTableJson() {
  nlohmann::json routes = nlohmann::json::array();
  for (const Route& r : Routes()) {
    nlohmann::json scopes = nlohmann::json::array();
    for (size_t i = 0; i < core::kPermissionCount; ++i) {
      auto p = static_cast<core::Permission>(i);
      if (r.guard.scopes & ScopeBit(p)) scopes.push_back(core::ScopeName(p));
    }
    routes.push_back({{"method", r.method},
                      {"pattern", r.pattern},
                      {"public", !r.guard.authenticated},
                      {"interactive_only", r.guard.interactive_only},
                      {"scopes", scopes}});
  }
  nlohmann::json roles = nlohmann::json::object();
  for (size_t r = 0; r < core::kRoleCount; ++r) {
    auto role = static_cast<core::Role>(r);
    nlohmann::json scopes = nlohmann::json::array();
    for (size_t i = 0; i < core::kPermissionCount; ++i) {
      auto p = static_cast<core::Permission>(i);
      if (core::RoleGrants(role, p)) scopes.push_back(core::ScopeName(p));
    }
    roles[core::RoleName(role)] = scopes;
  }
  return nlohmann::json{{"routes", routes}, {"roles", roles}}.dump(2) + "\n";
}

}  // namespace kakari::http
