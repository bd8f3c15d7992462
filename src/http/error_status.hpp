// The one table from core::ErrorCode to HTTP status.
// Thread-safe: a constant table.
#pragma once

#include "core/domain/result.hpp"

namespace kakari::http {

int HttpStatus(core::ErrorCode code);

}  // namespace kakari::http
