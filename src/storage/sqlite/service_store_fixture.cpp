// MakeTestStore for test binaries that link SQLite: a fresh database file
// per call in one temporary folder, removed when the program ends.
// Test-only; not thread-safe (called from test set-up).
#include <unistd.h>

#include <filesystem>

#include "core/testing/service_fixture.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kakari::core::testing {

namespace {

struct TempFolder {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("kakari-service-test-" + std::to_string(::getpid()));
  TempFolder() { std::filesystem::create_directories(path); }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

std::unique_ptr<Store> MakeTestStore() {
  static TempFolder folder;
  static int n = 0;
  auto store =
      storage::sqlite::SqliteStore::Open((folder.path / (std::to_string(++n) + ".db")).string());
  EXPECT_TRUE(store.has_value());
  return store ? std::move(*store) : nullptr;
}

}  // namespace kakari::core::testing
