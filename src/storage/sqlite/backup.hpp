// Consistent copies of a live SQLite database (the online backup API) and the
// integrity check that proves a copy is whole.
// Thread-safe: each call opens its own connections.
#pragma once

#include <string>

#include "core/domain/result.hpp"

namespace kakari::storage::sqlite {

// Copies `from` into a new file `to` while other connections keep reading and
// writing: the copy is one consistent snapshot (SQLite restarts the copy when
// a writer changes pages mid-way, so it is taken in one step under a read
// transaction). `to` must not exist yet.
[[nodiscard]] core::Status CopyDatabase(const std::string& from, const std::string& to);

// Turns a checked copy into one self-contained file (rollback journal, no
// -wal/-shm beside it) that can be moved or uploaded as it is; a store that
// opens it later switches it back to WAL.
[[nodiscard]] core::Status MakeSingleFile(const std::string& path);

// "ok", or SQLite's first complaint from PRAGMA integrity_check.
[[nodiscard]] core::Result<std::string> IntegrityCheck(const std::string& path);

}  // namespace kakari::storage::sqlite
