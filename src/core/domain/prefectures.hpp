// The 47 prefectures (JIS X 0401) and their medical associations.
// Thread-safe: a constant table.
#pragma once

#include <array>
#include <string_view>

namespace kakari::core {

struct Prefecture {
  std::string_view code;     // "01".."47"
  std::string_view name_ja;  // 北海道
  std::string_view name_en;  // Hokkaido
};

const std::array<Prefecture, 47>& Prefectures();

// "北海道医師会", "東京都医師会".
std::string AssociationNameJa(const Prefecture& p);

}  // namespace kakari::core
