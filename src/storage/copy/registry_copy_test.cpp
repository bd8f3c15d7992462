// kakari copy carries every table of the schema: a table added by a later
// migration and not added to the copy (or to the rebuilt-by-trigger list)
// fails here rather than going missing from a move to PostgreSQL.
#include "storage/copy/registry_copy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kakari::storage {
namespace {

TEST(RegistryCopy, CarriesEveryTableOfTheSchema) {
  std::string path = (std::filesystem::temp_directory_path() / "kakari-copy-tables.db").string();
  std::filesystem::remove(path);
  ASSERT_TRUE(sqlite::SqliteStore::Open(path).has_value());
  auto conn = sqlite::Connection::Open(path);
  ASSERT_TRUE(conn.has_value());
  auto st = (*conn)->Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  ASSERT_TRUE(st.has_value());
  auto names = sql::CollectRows<std::string>(**st, [](sql::Statement& r) { return r.Text(0); });
  ASSERT_TRUE(names.has_value());
  // Bookkeeping, and what the target's triggers rebuild as rows arrive.
  const std::set<std::string> not_copied = {"schema_migrations", "review_counts",
                                            "review_generation"};
  std::set<std::string> schema;
  for (const auto& n : *names) {
    if (!not_copied.count(n)) schema.insert(n);
  }
  const auto& copied = CopiedTables();
  EXPECT_EQ(schema, std::set<std::string>(copied.begin(), copied.end()));
  EXPECT_EQ(copied.size(), std::set<std::string>(copied.begin(), copied.end()).size());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kakari::storage
