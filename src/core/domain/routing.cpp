#include "core/domain/routing.hpp"

namespace kakari::core {

const char* ApprovingLevelName(ApprovingLevel l) {
  return l == ApprovingLevel::kCounty ? "county" : "prefecture";
}

std::optional<ApprovingLevel> ParseApprovingLevel(std::string_view name) {
  if (name == "county") return ApprovingLevel::kCounty;
  if (name == "prefecture") return ApprovingLevel::kPrefecture;
  return std::nullopt;
}

RouteDecision Route(const RoutingRule& rule, const Organisation& home,
                    const Organisation& prefecture, bool is_member) {
  ApprovingLevel level = is_member ? rule.members : rule.non_members;
  std::string prefix = is_member ? "" : "non_member_";
  // A doctor whose home is the prefecture itself has no county to go to.
  if (level == ApprovingLevel::kCounty && home.level == OrgLevel::kCounty) {
    return {home.id, prefix + "county"};
  }
  return {prefecture.id, prefix + "prefecture"};
}

}  // namespace kakari::core
