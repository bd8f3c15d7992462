// The fixture of the storage contract suite: a fresh seeded store per test,
// typed over the implementations: SQLite on a temporary file, the in-memory
// fake of core/testing, and PostgreSQL in a fresh schema of ctest's cluster. Test-only.
// Not thread-safe: one fixture per test.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/services/registry_setup.hpp"
#include "core/testing/memory_store.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/postgres/test_database.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kakari::storage {

using core::Date;
using core::HalfUnits;

struct SqliteFactory {
  static constexpr const char* kName = "Sqlite";
  static std::unique_ptr<core::Store> Make(const std::string& path) {
    auto s = sqlite::SqliteStore::Open(path);
    EXPECT_TRUE(s.has_value());
    return std::move(*s);
  }
};

struct MemoryFactory {
  static constexpr const char* kName = "Memory";
  static std::unique_ptr<core::Store> Make(const std::string& /*path*/) {
    return core::testing::MakeMemoryStore();
  }
};

struct PostgresFactory {
  static constexpr const char* kName = "Postgres";
  static std::unique_ptr<core::Store> Make(const std::string& /*path*/) {
    auto url = postgres::FreshTestDatabase();
    if (!url) return nullptr;
    auto s = postgres::PostgresStore::Open(*url);
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().detail);
    return s ? std::move(*s) : nullptr;
  }
};

template <class Factory>
class StorageContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("kakari-contract-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(path_);
    store_ = Factory::Make(path_);
    ASSERT_NE(store_, nullptr);
    ASSERT_TRUE(core::SeedRegistry(*store_).has_value());
  }
  void TearDown() override {
    store_.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  core::Id AddDoctor(const std::string& reg) {
    auto uow = *store_->Begin(true);
    auto tokyo = *uow->Organisations().FindByCode("13");
    core::Doctor d{
        0,  reg, "髙橋　太郎", "タカハシ　タロウ", std::nullopt, Date{1970, 4, 1}, tokyo->id, "",
        "", ""};
    auto id = uow->Doctors().Insert(d);
    EXPECT_TRUE(id.has_value());
    EXPECT_TRUE(uow->Commit().has_value());
    return *id;
  }
  std::string path_;
  std::unique_ptr<core::Store> store_;
};

using Implementations = ::testing::Types<SqliteFactory, MemoryFactory, PostgresFactory>;
// Test names say which implementation failed: StorageContractTest/Memory.X.
struct ImplementationNames {
  template <class Factory>
  static std::string GetName(int /*index*/) {
    return Factory::kName;
  }
};

}  // namespace kakari::storage
