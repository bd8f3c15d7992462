// Routing: which association receives and approves a submission. Configured
// per prefecture (地域によって異なります): the approving level for members, and
// where non-members' applications go. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/domain/entities.hpp"

namespace kakari::core {

enum class ApprovingLevel { kCounty, kPrefecture };

const char* ApprovingLevelName(ApprovingLevel l);
std::optional<ApprovingLevel> ParseApprovingLevel(std::string_view name);

struct RoutingRule {
  std::string prefecture_code;  // "01".."47"
  ApprovingLevel members = ApprovingLevel::kCounty;
  ApprovingLevel non_members = ApprovingLevel::kPrefecture;
};

struct RouteDecision {
  Id association_id = 0;
  std::string reason;  // "county", "prefecture", "non_member_county", "non_member_prefecture"
};

// REQUIRES: `home` is the doctor's home association (county or prefecture) and
// `prefecture` is the prefecture it belongs to (home itself when home is one).
RouteDecision Route(const RoutingRule& rule, const Organisation& home,
                    const Organisation& prefecture, bool is_member);

}  // namespace kakari::core
