// Turns the repositories' SQL dialect (storage/sql/connection.hpp) into
// PostgreSQL's: `?N` and `?` placeholders become `$N` (a bare `?` takes the
// number after the largest so far, as SQLite numbers it), and a plain
// INSERT ... VALUES gains ON CONFLICT DO NOTHING so that a duplicate key is
// reported as "no row inserted" instead of aborting the whole transaction.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kakari::storage::postgres {

struct TranslatedSql {
  std::string text;
  int parameters = 0;
  // True when a duplicate key shows as zero rows (the rewritten INSERT).
  bool duplicate_means_no_row = false;
};

TranslatedSql TranslateSql(std::string_view sql);

}  // namespace kakari::storage::postgres
