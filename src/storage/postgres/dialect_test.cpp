#include "storage/postgres/dialect.hpp"

#include <gtest/gtest.h>

#include "storage/postgres/postgres_store.hpp"

namespace kakari::storage::postgres {
namespace {

struct Case {
  const char* in;
  const char* out;
  int parameters;
  bool duplicate_means_no_row;
};

TEST(TranslateSql, PlaceholdersAndInserts) {
  const Case cases[] = {
      {"SELECT a FROM t WHERE id = ?", "SELECT a FROM t WHERE id = $1", 1, false},
      {"SELECT ? , ?", "SELECT $1 , $2", 2, false},
      {"UPDATE t SET a = ?2 WHERE id = ?1", "UPDATE t SET a = $2 WHERE id = $1", 2, false},
      // A bare ? takes the number after the largest so far, as in SQLite.
      {"SELECT ?3, ?", "SELECT $3, $4", 4, false},
      {"SELECT '?' || ?", "SELECT '?' || $1", 1, false},
      {"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1, false},
      {"INSERT INTO t(a) VALUES (?)", "INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING", 1,
       true},
      {"INSERT INTO t(a) VALUES (?) RETURNING id",
       "INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id", 1, true},
      {"INSERT INTO t(a) VALUES (?) ON CONFLICT(a) DO UPDATE SET a = 1",
       "INSERT INTO t(a) VALUES ($1) ON CONFLICT(a) DO UPDATE SET a = 1", 1, false},
      {"INSERT INTO t SELECT a FROM u", "INSERT INTO t SELECT a FROM u", 0, false},
  };
  for (const Case& c : cases) {
    TranslatedSql t = TranslateSql(c.in);
    EXPECT_EQ(t.text, c.out) << c.in;
    EXPECT_EQ(t.parameters, c.parameters) << c.in;
    EXPECT_EQ(t.duplicate_means_no_row, c.duplicate_means_no_row) << c.in;
  }
}

}  // namespace
}  // namespace kakari::storage::postgres

namespace kakari::storage::postgres {
namespace {

TEST(IsPostgresUrl, UrlsAndKeywordStringsButNotFiles) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://kakari@db/kakari"));
  EXPECT_TRUE(IsPostgresUrl("postgres:///kakari?host=/run/postgresql"));
  EXPECT_TRUE(IsPostgresUrl("host=/tmp port=5432 dbname=postgres"));
  EXPECT_TRUE(IsPostgresUrl("dbname=kakari"));
  EXPECT_FALSE(IsPostgresUrl("kakari.db"));
  EXPECT_FALSE(IsPostgresUrl("/var/lib/kakari/host=1.db"));
  EXPECT_FALSE(IsPostgresUrl("postgresql.db"));
}

}  // namespace
}  // namespace kakari::storage::postgres
