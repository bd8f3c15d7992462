#include "cli/args.hpp"

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
