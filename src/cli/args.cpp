#include "cli/args.hpp"

#include <charconv>

namespace kakari::cli {

core::Result<Args> Args::Parse(const std::vector<std::string>& argv,
                               const std::set<std::string>& flags) {
  Args a;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.size() < 3 || arg.rfind("--", 0) != 0) {
      a.positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    size_t eq = name.find('=');
    if (eq != std::string::npos) {
      a.options_[name.substr(0, eq)] = name.substr(eq + 1);
    } else if (flags.count(name)) {
      a.flags_.insert(name);
    } else if (i + 1 < argv.size()) {
      a.options_[name] = argv[++i];
    } else {
      return core::Fail(core::ErrorCode::kInvalidArgument,
                        "オプション --" + name + " に値がありません",
                        "option --" + name + " needs a value", name);
    }
  }
  return a;
}

core::Result<std::optional<int64_t>> Args::Number(const std::string& name, int64_t min,
                                                  int64_t max) const {
  auto text = Option(name);
  if (!text) return std::optional<int64_t>{};
  int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "--" + name + " は " + std::to_string(min) + " から " + std::to_string(max) +
                          " までの整数です",
                      "--" + name + " takes a whole number from " + std::to_string(min) + " to " +
                          std::to_string(max),
                      name);
  }
  return std::optional<int64_t>{value};
}

std::optional<std::string> Args::Option(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::Unknown(const std::set<std::string>& known) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : options_) {
    if (!known.count(k)) out.push_back(k);
  }
  for (const auto& f : flags_) {
    if (!known.count(f)) out.push_back(f);
  }
  return out;
}

}  // namespace kakari::cli
