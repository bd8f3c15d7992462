// The one table from core::ErrorCode to the API's words: the HTTP status and
// the stable machine-readable name in error bodies.
// Thread-safe: a constant table.
#pragma once

#include "core/domain/result.hpp"

namespace kakari::http {

int HttpStatus(core::ErrorCode code);
const char* ApiErrorName(core::ErrorCode code);

}  // namespace kakari::http
