// Errors as values. Every fallible function in Kakari returns Result<T>.
// Thread-safe: plain value types.
#pragma once

#include <string>
#include <tl/expected.hpp>

namespace kakari::core {

enum class ErrorCode {
  kInvalidArgument,    // malformed input
  kUnprocessable,      // well-formed but breaks a rule (future date, not yet complete)
  kTooLarge,           // a file or batch over its limit
  kUnsupportedFormat,  // a file of a kind that is not accepted
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

// The one way to build an error: what people see in Japanese and English,
// the field at fault, and a detail for the logs only.
inline Error MakeError(ErrorCode code, std::string ja, std::string en, std::string field = {},
                       std::string detail = {}) {
  return Error{code, std::move(ja), std::move(en), std::move(detail), std::move(field)};
}

// The same, as the failed value a function returns.
inline tl::unexpected<Error> Fail(ErrorCode code, std::string ja, std::string en,
                                  std::string field = {}, std::string detail = {}) {
  return tl::unexpected<Error>(
      MakeError(code, std::move(ja), std::move(en), std::move(field), std::move(detail)));
}

}  // namespace kakari::core

// The one propagation idiom. KAKARI_RETURN_IF_ERROR(x): when the Result or
// Status `x` (an expression or a variable) failed, return its error from the
// enclosing function. KAKARI_TRY(var, expr): the same for an expression
// whose value is wanted, bound to `var` (a reference into the Result).
#define KAKARI_RETURN_IF_ERROR(x)                               \
  do {                                                          \
    if (auto&& kakari_status_ = (x); !kakari_status_)           \
      return tl::unexpected(std::move(kakari_status_).error()); \
  } while (0)

#define KAKARI_TRY(var, expr)                                     \
  auto var##_result = (expr);                                     \
  if (!var##_result) return tl::unexpected(var##_result.error()); \
  auto& var = *var##_result
