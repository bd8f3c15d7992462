// The content every new registry starts with: the JMA, the 47 prefectural
// associations and the default programme. Idempotent.
// Thread-safe: every call opens its own unit of work (run once at start).
#pragma once

#include "core/ports/store.hpp"

namespace kakari::core {

[[nodiscard]] Status SeedRegistry(Store& store);

}  // namespace kakari::core
