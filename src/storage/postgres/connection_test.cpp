// The PostgreSQL connection's round-trip savers, on the throw-away cluster:
// statements run together, deferred statements (BEGIN, SET LOCAL) sent with
// the next one, and a ROLLBACK sent without waiting.
#include "storage/postgres/connection.hpp"

#include <gtest/gtest.h>

#include <array>

#include "storage/postgres/test_database.hpp"

namespace kakari::storage::postgres {
namespace {

class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto url = FreshTestDatabase();
    if (!url) GTEST_SKIP() << "no PostgreSQL test cluster (KAKARI_TEST_PG)";
    auto opened = Connection::Open(*url);
    ASSERT_TRUE(opened.has_value()) << opened.error().detail;
    conn_ = std::move(*opened);
    ASSERT_TRUE(conn_->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)"));
  }
  int64_t Count() {
    auto st = conn_->Prepare("SELECT count(*) FROM t");
    EXPECT_TRUE(st.has_value());
    auto row = (*st)->Step();
    EXPECT_TRUE(row.has_value() && *row);
    return (*st)->Int(0);
  }
  std::unique_ptr<Connection> conn_;
};

TEST_F(PgConnectionTest, StatementsRunTogetherEachKeepTheirOwnRows) {
  auto some = *conn_->Prepare("SELECT x FROM t WHERE x >= ? ORDER BY x");
  some->Bind(1, 2);
  auto count = *conn_->Prepare("SELECT count(*) FROM t");
  conn_->Defer("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");  // goes with them
  std::array<sql::Statement*, 2> together{some, count};
  ASSERT_TRUE(conn_->ExecuteTogether(together).has_value());
  EXPECT_FALSE(conn_->HasDeferred());
  ASSERT_TRUE(*some->Step());
  EXPECT_EQ(some->Int(0), 2);
  ASSERT_TRUE(*some->Step());
  EXPECT_EQ(some->Int(0), 3);
  EXPECT_FALSE(*some->Step());
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->Int(0), 3);
  ASSERT_TRUE(conn_->Exec("ROLLBACK"));
}

TEST_F(PgConnectionTest, OneFailingStatementFailsThemAllAndTheConnectionGoesOn) {
  auto good = *conn_->Prepare("SELECT x FROM t ORDER BY x");
  auto bad = *conn_->Prepare("SELECT 10 / (x - 2) FROM t");  // division by zero at x = 2
  auto after = *conn_->Prepare("SELECT count(*) FROM t");
  conn_->Defer("BEGIN");
  std::array<sql::Statement*, 3> together{good, bad, after};
  auto run = conn_->ExecuteTogether(together);
  ASSERT_FALSE(run.has_value());
  EXPECT_NE(run.error().detail.find("division by zero"), std::string::npos) << run.error().detail;
  EXPECT_TRUE(conn_->healthy());
  ASSERT_TRUE(conn_->Exec("ROLLBACK"));
  auto again = *conn_->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*again->Step());
  EXPECT_EQ(again->Int(0), 3);
}

TEST_F(PgConnectionTest, ADeferredSetLocalHoldsForItsTransactionOnly) {
  conn_->Defer("BEGIN");
  conn_->Defer("SET LOCAL synchronous_commit = off");
  auto setting = *conn_->Prepare("SELECT current_setting('synchronous_commit')");
  ASSERT_TRUE(*setting->Step());
  EXPECT_EQ(setting->Text(0), "off");
  ASSERT_TRUE(conn_->Exec("COMMIT"));
  setting = *conn_->Prepare("SELECT current_setting('synchronous_commit')");
  ASSERT_TRUE(*setting->Step());
  EXPECT_EQ(setting->Text(0), "on");
}

TEST_F(PgConnectionTest, ARollbackSentWithoutWaitingEndsTheTransactionBeforeTheNextCommand) {
  ASSERT_TRUE(conn_->Exec("BEGIN"));
  ASSERT_TRUE(conn_->Exec("INSERT INTO t VALUES (4)"));
  EXPECT_EQ(Count(), 4);
  conn_->SendWithoutWaiting("ROLLBACK");
  // Its result is read before the next command, which then runs after it.
  EXPECT_EQ(Count(), 3);
  ASSERT_TRUE(conn_->Exec("INSERT INTO t VALUES (5)"));  // autocommit: it stays
  conn_->SendWithoutWaiting("ROLLBACK");  // outside a transaction: a warning, not an error
  EXPECT_EQ(Count(), 4);
  EXPECT_TRUE(conn_->healthy());
}

}  // namespace
}  // namespace kakari::storage::postgres
