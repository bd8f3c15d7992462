// MakeTestStore for the service tests on PostgreSQL: a fresh schema of
// ctest's throw-away cluster per call (test_database.hpp).
// Test-only; not thread-safe (called from test set-up).
#include "core/testing/service_fixture.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/postgres/test_database.hpp"

namespace kakari::core::testing {

std::unique_ptr<Store> MakeTestStore() {
  auto url = storage::postgres::FreshTestDatabase();
  EXPECT_TRUE(url.has_value());
  if (!url) return nullptr;
  auto store = storage::postgres::PostgresStore::Open(*url);
  EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().detail);
  return store ? std::move(*store) : nullptr;
}

}  // namespace kakari::core::testing
