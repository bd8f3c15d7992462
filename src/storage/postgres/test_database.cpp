#include "storage/postgres/test_database.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "storage/postgres/connection.hpp"

namespace kakari::storage::postgres {

std::optional<std::string> FreshTestDatabase() {
  const char* base = std::getenv("KAKARI_TEST_PG");
  if (!base || !*base) {
    std::cerr << "KAKARI_TEST_PG is not set: run PostgreSQL tests through ctest, whose "
                 "postgres.start fixture starts a throw-away cluster\n";
    return std::nullopt;
  }
  static int n = 0;
  std::string schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(++n);
  auto admin = Connection::Open(base);
  if (!admin) {
    std::cerr << admin.error().detail << "\n";
    return std::nullopt;
  }
  if (auto s =
          (*admin)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
      !s) {
    std::cerr << s.error().detail << "\n";
    return std::nullopt;
  }
  return std::string(base) + " options='-c search_path=" + schema + "'";
}

}  // namespace kakari::storage::postgres
