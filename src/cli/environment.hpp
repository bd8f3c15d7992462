// What the CLI needs from the outside world, wired by src/app: opening a
// store, reading a table file, serving HTTP, the date, and the streams.
// Keeps the CLI free of concrete storage, file and network types.
// Not thread-safe: one Environment per CLI run, used by one thread.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/date.hpp"
#include "core/ports/renderer.hpp"
#include "core/ports/row_source.hpp"
#include "core/ports/store.hpp"
#include "core/ports/system.hpp"
#include "core/ports/table_sink.hpp"
#include "core/services/service_support.hpp"

namespace kakari::cli {

struct TableFile {
  std::unique_ptr<core::RowSource> rows;
  std::string encoding;  // as detected: "UTF-8", "UTF-8 (BOM)", "CP932"
};

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // folder of the built web app; empty serves the API only
  std::string db_path;
  const core::Signer* signer = nullptr;
};

struct NewKey {
  std::string id;
  std::string public_key;
};

struct Environment {
  std::function<core::Result<std::unique_ptr<core::Store>>(const std::string& path)> open_store;
  // Folds the write-ahead log into the database file after bulk work.
  std::function<void(core::Store&)> checkpoint;
  // A consistent copy of a live database into a new file, and its integrity verdict ("ok").
  std::function<core::Status(const std::string& from, const std::string& to)> copy_database;
  std::function<core::Result<std::string>(const std::string& path)> integrity_check;
  std::function<core::Status(const std::string& path)> make_single_file;
  // True when --db names a database server (PostgreSQL), not an SQLite file.
  std::function<bool(const std::string& db)> is_server_database;
  // A whole registry into an empty database of either engine; rows per table.
  std::function<core::Result<std::vector<std::pair<std::string, int64_t>>>(const std::string& from,
                                                                           const std::string& to)>
      copy_registry;
  std::function<core::Result<TableFile>(const std::string& path)> open_table;
  std::function<core::Status(const ServeOptions&, core::Store&)> serve;
  // The HTTP route table with each route's guard, as JSON (`kakari routes`).
  std::function<std::string()> route_table_json;
  // Statistics as the HTTP API gives them (`kakari stats --json`).
  std::function<std::string(const core::Statistics&)> statistics_json;
  // An export file ("xlsx", "csv", "csv-cp932") at a path.
  std::function<core::Result<std::unique_ptr<core::TableSink>>(std::string_view format,
                                                               const std::string& path)>
      open_export;
  std::function<core::Date()> today;
  // Signing keys in a directory (see src/crypto/key_files.hpp).
  std::function<core::Result<std::unique_ptr<core::Signer>>(const std::string& dir)> open_keys;
  // A new key in `dir`, not yet the one that signs (see make_key_current).
  std::function<core::Result<NewKey>(const std::string& dir)> generate_key;
  std::function<core::Status(const std::string& dir, const std::string& id)> make_key_current;
  const core::DocumentRenderer* renderer = nullptr;
  // The signed payload a certificate PDF carries, or empty.
  std::function<std::string(std::string_view pdf)> embedded_payload;
  std::function<core::Result<std::string>(const std::string& path)> read_file;
  std::function<core::Status(const std::string& path, const std::string& data)> write_file;
  std::string public_url;  // base of verification URLs, from KAKARI_PUBLIC_URL
  const core::Crypto* crypto = nullptr;
  const core::Clock* clock = nullptr;
  std::string default_db;  // from KAKARI_DB, else "kakari.db"
  std::string default_web_root;
  std::string default_key_dir;  // from KAKARI_KEYS; empty: <db>.keys
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool err_is_terminal = false;

  // What a service needs, from these parts, for `store`.
  core::Deps DepsFor(core::Store& store, const core::Signer* signer = nullptr) const {
    return core::Deps{store, *crypto, *clock, signer, renderer};
  }
};

}  // namespace kakari::cli
