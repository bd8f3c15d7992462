// MakeTestStore for test binaries that run the services on the in-memory
// store: no file, nothing to clean up. Test-only; thread-safe.
#include "core/testing/memory_store.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core::testing {

std::unique_ptr<Store> MakeTestStore() { return MakeMemoryStore(); }

}  // namespace kakari::core::testing
