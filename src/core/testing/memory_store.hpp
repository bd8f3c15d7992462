// An in-memory Store: every port kept in plain containers, for service tests
// that need no database file, and a second implementation the storage
// contract suite proves (src/storage/contract). Seeded as a freshly migrated
// database is: the activity catalogue, the certificate number pattern and
// the first signatory; SeedRegistry adds the organisations and programme.
// Thread-safe like the SQLite store: writers take turns (a write unit of
// work holds the writer's lock until it commits or ends); a reader works
// on the state committed when it began.
#pragma once

#include <memory>

#include "core/ports/store.hpp"

namespace kakari::core::testing {

std::unique_ptr<Store> MakeMemoryStore();

}  // namespace kakari::core::testing
