// Command-line arguments: positionals and --name value / --name=value
// options, with known boolean flags. Thread-safe value type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/domain/result.hpp"

namespace kakari::cli {

class Args {
 public:
  // `flags` are options that take no value (e.g. "json").
  [[nodiscard]] static core::Result<Args> Parse(const std::vector<std::string>& argv,
                                                const std::set<std::string>& flags);
  const std::vector<std::string>& positional() const { return positional_; }
  std::optional<std::string> Option(const std::string& name) const;
  bool Flag(const std::string& name) const { return flags_.count(name) > 0; }
  // The option as a whole number in [min, max] (parsed with std::from_chars),
  // nullopt when absent; anything else is an invalid-argument error naming it.
  [[nodiscard]] core::Result<std::optional<int64_t>> Number(const std::string& name, int64_t min,
                                                            int64_t max) const;
  // Names of options given but not in `known`, for a clear usage error.
  std::vector<std::string> Unknown(const std::set<std::string>& known) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> options_;
  std::set<std::string> flags_;
};

}  // namespace kakari::cli
