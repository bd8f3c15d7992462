// Test databases on the throw-away cluster that ctest starts (the
// `postgres.start` fixture passes its address in KAKARI_TEST_PG): each call
// makes a fresh schema and returns a connection string whose search_path is
// that schema, so every test starts from an empty registry. Test-only.
// Not thread-safe: called from test set-up.
#pragma once

#include <optional>
#include <string>

namespace kakari::storage::postgres {

// Empty when KAKARI_TEST_PG is not set or the cluster does not answer (the
// reason goes to stderr).
std::optional<std::string> FreshTestDatabase();

}  // namespace kakari::storage::postgres
