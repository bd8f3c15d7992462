#include "storage/sql/connection.hpp"

namespace kakari::storage::sql {

core::Error StorageError(std::string_view context, std::string_view detail) {
  return core::Error{core::ErrorCode::kInternal, "データベースの処理に失敗しました",
                     "a database operation failed",
                     std::string(context) + ": " + std::string(detail), ""};
}

}  // namespace kakari::storage::sql
