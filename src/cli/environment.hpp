// What the CLI needs from the outside world, wired by src/app: opening a
// store, reading a table file, serving HTTP, the date, and the streams.
// Keeps the CLI free of concrete storage, file and network types.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/date.hpp"
#include "core/ports.hpp"
#include "core/row_source.hpp"
#include "core/system_ports.hpp"

namespace kakari::cli {

struct TableFile {
  std::unique_ptr<core::RowSource> rows;
  std::string encoding;  // as detected: "UTF-8", "UTF-8 (BOM)", "CP932"
};

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // folder of the built web app; empty serves the API only
  std::string db_path;
};

struct Environment {
  std::function<core::Result<std::unique_ptr<core::Store>>(const std::string& path)> open_store;
  // Folds the write-ahead log into the database file after bulk work.
  std::function<void(core::Store&)> checkpoint;
  std::function<core::Result<TableFile>(const std::string& path)> open_table;
  std::function<core::Status(const ServeOptions&, core::Store&)> serve;
  std::function<core::Date()> today;
  const core::Crypto* crypto = nullptr;
  const core::Clock* clock = nullptr;
  std::string default_db;      // from KAKARI_DB, else "kakari.db"
  std::string default_web_root;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool err_is_terminal = false;
};

}  // namespace kakari::cli
