// What only the SQLite store has: its queue cache seen from another
// connection, and its migrations. The behaviour every store shares is in
// src/storage/contract.
#include "storage/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/contract/storage_contract_fixture.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"

namespace kakari::storage {
namespace {

using SqliteStoreTest = StorageContractTest<SqliteFactory>;

TEST_F(SqliteStoreTest, CachedQueuePagesNeverOutliveAChange) {
  core::Id doctor = this->AddDoctor("300002");
  {
    auto uow = *this->store_->Begin(true);
    core::Id tokyo = (*uow->Organisations().FindByCode("13"))->id;
    core::ActivityInput a{"school_doctor", "学校医", Date{2020, 4, 1}, std::nullopt, "区", {}};
    ASSERT_TRUE(uow->Activities().Submit(doctor, a, tokyo).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto first_name = [&] {
    auto r = *this->store_->Begin(false);
    core::QueueFilter f;
    f.association_prefix = "13";
    auto page = r->Reviews().Queue(f);
    EXPECT_TRUE(page.has_value());
    return page->rows.empty() ? std::string() : page->rows[0].doctor_name;
  };
  EXPECT_EQ(first_name(), "髙橋　太郎");
  EXPECT_EQ(first_name(), "髙橋　太郎");  // from the cache
  // Another connection (as another process would) renames the doctor.
  auto other = *sqlite::Connection::Open(this->path_);
  ASSERT_TRUE(other->Exec("UPDATE doctors SET name = '髙橋　次郎' WHERE registry_number = '300002'")
                  .has_value());
  EXPECT_EQ(first_name(), "髙橋　次郎");
}

TEST(SqliteMigrationsTest, FromEmptyAndFromPreviousSchema) {
  std::string path = (std::filesystem::temp_directory_path() / "kakari-migrate-test.db").string();
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto conn = *sqlite::Connection::Open(path);
    ASSERT_TRUE(sqlite::Migrate(*conn, 1).has_value());
    EXPECT_EQ(*sqlite::SchemaVersion(*conn), 1);
    ASSERT_TRUE(conn->Exec("INSERT INTO organisations(level, code, name_ja, name_en) "
                           "VALUES (0, '00', '日本医師会', 'JMA')")
                    .has_value());
  }
  {
    auto store = *sqlite::SqliteStore::Open(path);  // upgrades to the latest
    auto uow = *store->Begin(false);
    EXPECT_TRUE((*uow->Organisations().FindByCode("00")).has_value());
  }
  auto conn = *sqlite::Connection::Open(path);
  EXPECT_EQ(*sqlite::SchemaVersion(*conn), sqlite::LatestSchemaVersion());
  ASSERT_TRUE(sqlite::Migrate(*conn).has_value());  // again: a no-op
  auto audit = conn->Exec(
      "INSERT INTO audit_log(at, action, subject_type, subject_id, "
      "prev_hash, hash) VALUES ('t', 'a', 's', '1', '', 'h')");
  ASSERT_TRUE(audit.has_value());
  EXPECT_FALSE(conn->Exec("UPDATE audit_log SET action = 'x'").has_value());
  EXPECT_FALSE(conn->Exec("DELETE FROM audit_log").has_value());
  conn.reset();
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace kakari::storage
