#include "storage/sql/connection.hpp"

namespace kakari::storage::sql {

core::Error StorageError(std::string_view context, std::string_view detail) {
  return core::Error{core::ErrorCode::kInternal, "データベースの処理に失敗しました",
                     "a database operation failed",
                     std::string(context) + ": " + std::string(detail), ""};
}

void AppendCopyText(std::string& out, std::string_view text) {
  for (char ch : text) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += ch;
    }
  }
}

core::Status Connection::CopyIn(std::string_view copy_sql,
                                const std::function<bool(std::string&)>& /*next*/) {
  return tl::unexpected(StorageError(copy_sql, "this engine has no COPY"));
}

}  // namespace kakari::storage::sql
