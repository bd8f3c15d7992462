// The connection pool on the throw-away cluster: connections that the server
// closed while they waited in the pool (a restart, a failover, an
// administrator's terminate) are replaced before use, so the first requests
// after a restart are answered instead of failing.
#include "storage/postgres/postgres_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/test_database.hpp"

namespace kakari::storage::postgres {
namespace {

int64_t CountOf(Connection& conn, const std::string& sql) {
  auto st = conn.Prepare(sql);
  EXPECT_TRUE(st.has_value());
  auto row = (*st)->Step();
  EXPECT_TRUE(row.has_value() && *row);
  return (*st)->Int(0);
}

TEST(PostgresStorePoolTest, ConnectionsTheServerClosedAreReplacedBeforeUse) {
  auto url = FreshTestDatabase();
  if (!url) GTEST_SKIP() << "no PostgreSQL test cluster (KAKARI_TEST_PG)";
  std::string app = "kakari_pool_test_" + std::to_string(::getpid());
  auto store = PostgresStore::Open(*url + " application_name=" + app);
  ASSERT_TRUE(store.has_value()) << store.error().detail;
  {  // two units of work at once: two connections wait in the pool afterwards
    auto a = (*store)->Begin(false);
    auto b = (*store)->Begin(false);
    ASSERT_TRUE(a.has_value() && b.has_value());
    ASSERT_TRUE((*a)->Doctors().RegistryIndex().has_value());
    ASSERT_TRUE((*b)->Doctors().RegistryIndex().has_value());
  }
  auto admin = Connection::Open(*url);
  ASSERT_TRUE(admin.has_value());
  std::string ours = "FROM pg_stat_activity WHERE application_name = '" + app + "'";
  ASSERT_EQ(CountOf(**admin, "SELECT count(*) " + ours), 2);
  // Waits (up to 5 s each) until the backends are gone.
  ASSERT_EQ(
      CountOf(**admin, "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) " + ours),
      2);
  for (int i = 0; i < 3; ++i) {
    auto uow = (*store)->Begin(false);
    ASSERT_TRUE(uow.has_value());
    auto read = (*uow)->Doctors().RegistryIndex();
    EXPECT_TRUE(read.has_value()) << "unit of work " << i << ": " << read.error().detail;
  }
}

// A queue page's keys are read from the queue indexes alone (migration 6):
// with the id in the index, PostgreSQL need not visit each matching row
// (index-only scan), which made Tokyo's first page at national scale 4x faster.
TEST(PostgresStoreSchemaTest, QueueKeysComeFromTheQueueIndexAlone) {
  auto url = FreshTestDatabase();
  if (!url) GTEST_SKIP() << "no PostgreSQL test cluster (KAKARI_TEST_PG)";
  auto store = PostgresStore::Open(*url);
  ASSERT_TRUE(store.has_value()) << store.error().detail;
  auto conn = Connection::Open(*url);
  ASSERT_TRUE(conn.has_value());
  // An empty table would be read whole: make the index the only way.
  ASSERT_TRUE((*conn)->Exec("SET enable_seqscan = off; SET enable_bitmapscan = off").has_value());
  for (std::string table :
       {"practical_activities", "credit_declarations", "completion_applications"}) {
    auto st = (*conn)->Prepare("EXPLAIN SELECT id, status, submitted_at FROM " + table +
                               " WHERE routed_to_association_id = 13 AND status = 'submitted' "
                               "ORDER BY submitted_at, id LIMIT 50");
    ASSERT_TRUE(st.has_value());
    std::string plan;
    for (;;) {
      auto row = (*st)->Step();
      ASSERT_TRUE(row.has_value());
      if (!*row) break;
      plan += (*st)->Text(0) + "\n";
    }
    EXPECT_NE(plan.find("Index Only Scan using " + table + "_queue"), std::string::npos) << plan;
  }
}

}  // namespace
}  // namespace kakari::storage::postgres
