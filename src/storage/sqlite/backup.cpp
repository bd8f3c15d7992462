#include "storage/sqlite/backup.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

namespace kakari::storage::sqlite {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Db = std::unique_ptr<sqlite3, Closer>;

core::Error Unavailable(const std::string& ja, const std::string& en, sqlite3* db) {
  core::Error e{core::ErrorCode::kUnavailable, ja, en, db ? sqlite3_errmsg(db) : "", "file"};
  return e;
}

core::Result<Db> OpenDb(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return tl::unexpected(Unavailable("データベース " + path + " を開けません",
                                      "cannot open database " + path, db.get()));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

}  // namespace

core::Status CopyDatabase(const std::string& from, const std::string& to) {
  if (std::filesystem::exists(to)) {
    return core::Fail(core::ErrorCode::kAlreadyExists,
                      to + " は既にあります。別の名前を指定してください",
                      to + " already exists; name a new file", "to");
  }
  auto src = OpenDb(from, SQLITE_OPEN_READONLY);
  KAKARI_RETURN_IF_ERROR(src);
  auto dst = OpenDb(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  KAKARI_RETURN_IF_ERROR(dst);
  sqlite3_backup* b = sqlite3_backup_init(dst->get(), "main", src->get(), "main");
  if (!b) {
    return tl::unexpected(
        Unavailable("バックアップを始められません", "cannot start the backup", dst->get()));
  }
  int rc = sqlite3_backup_step(b, -1);  // all pages in one step: one snapshot
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    std::string why = sqlite3_errstr(rc);
    dst->reset();
    std::error_code ec;
    std::filesystem::remove(to, ec);
    return tl::unexpected(core::MakeError(
        core::ErrorCode::kUnavailable,
        from + " をコピーできません（" + why + "。データベースでないか、空き容量が足りません）",
        "cannot copy " + from + " (" + why + ": not a database, or not enough free space)", "file",
        why));
  }
  return {};
}

core::Status MakeSingleFile(const std::string& path) {
  auto db = OpenDb(path, SQLITE_OPEN_READWRITE);
  KAKARI_RETURN_IF_ERROR(db);
  if (sqlite3_exec(db->get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    return tl::unexpected(
        Unavailable("バックアップを仕上げられません", "cannot finish the backup file", db->get()));
  }
  return {};
}

core::Result<std::string> IntegrityCheck(const std::string& path) {
  auto db = OpenDb(path, SQLITE_OPEN_READONLY);
  KAKARI_RETURN_IF_ERROR(db);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db->get(), "PRAGMA integrity_check", -1, &st, nullptr) != SQLITE_OK) {
    return std::string(sqlite3_errmsg(db->get()));
  }
  std::string verdict = "no answer";
  if (sqlite3_step(st) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(st, 0);
    verdict = text ? reinterpret_cast<const char*>(text) : "";
  } else {
    verdict = sqlite3_errmsg(db->get());
  }
  sqlite3_finalize(st);
  return verdict;
}

}  // namespace kakari::storage::sqlite
