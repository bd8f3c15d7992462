// Errors as values. Every fallible function in Kakari returns Result<T>.
// Thread-safe: plain value types.
#pragma once

#include <string>
#include <tl/expected.hpp>

namespace kakari::core {

enum class ErrorCode {
  kInvalidArgument,       // malformed request: 400
  kUnprocessable,         // well-formed but breaks a rule (future date, not yet complete): 422
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415
  kNotFound,
  kAlreadyExists,
  kConflict,
  kUnauthenticated,
  kPermissionDenied,
  kRateLimited,
  kUnavailable,
  kInternal,
};

struct Error {
  ErrorCode code;
  std::string message_ja;       // safe to show to users
  std::string message_en;       // safe to show to users
  std::string detail;           // for logs only; never sent to clients
  std::string field;            // the input field at fault, if any
  int retry_after_seconds = 0;  // for kRateLimited: when to try again
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string ja, std::string en,
                                  std::string field = {}, std::string detail = {}) {
  return tl::unexpected<Error>(
      Error{code, std::move(ja), std::move(en), std::move(detail), std::move(field)});
}

// Stable machine-readable name of a code, as used in API error bodies.
const char* ErrorCodeName(ErrorCode code);

}  // namespace kakari::core
