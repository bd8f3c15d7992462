#include "core/domain/column_map.hpp"

#include <algorithm>
#include <cctype>

#include "core/domain/text.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {
std::string Canonical(const std::string& name) {
  std::string s = NormalizeNfkc(util::Trim(name));
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}
}  // namespace

Result<ColumnMap> ColumnMap::Build(const std::vector<std::string>& header,
                                   std::span<const ColumnSpec> specs) {
  ColumnMap map;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = Canonical(header[i]);
    for (const auto& spec : specs) {
      if (h != spec.key && h != Canonical(spec.name_ja)) continue;
      if (map.index_.count(spec.key)) {
        return Fail(ErrorCode::kInvalidArgument,
                    std::string("列「") + spec.name_ja + "」が2回あります",
                    std::string("column \"") + spec.key + "\" appears twice", spec.key);
      }
      map.index_[spec.key] = static_cast<int>(i);
    }
  }
  std::string missing_ja, missing_en;
  for (const auto& spec : specs) {
    if (!spec.required || map.index_.count(spec.key)) continue;
    missing_ja += std::string(missing_ja.empty() ? "" : "、") + spec.name_ja;
    missing_en += std::string(missing_en.empty() ? "" : ", ") + spec.key;
  }
  if (!missing_ja.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "見出し行に必要な列がありません: " + missing_ja,
                "the header row lacks required columns: " + missing_en, "header");
  }
  return map;
}

int ColumnMap::Index(const std::string& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? -1 : it->second;
}

}  // namespace kakari::core
