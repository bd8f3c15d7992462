#include "http/error_status.hpp"

namespace kakari::http {

int HttpStatus(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument:
      return 400;
    case core::ErrorCode::kUnprocessable:
      return 422;
    case core::ErrorCode::kTooLarge:
      return 413;
    case core::ErrorCode::kUnsupportedFormat:
      return 415;
    case core::ErrorCode::kUnauthenticated:
      return 401;
    case core::ErrorCode::kPermissionDenied:
      return 403;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kAlreadyExists:
      return 409;
    case core::ErrorCode::kConflict:
      return 409;
    case core::ErrorCode::kRateLimited:
      return 429;
    case core::ErrorCode::kUnavailable:
      return 503;
    case core::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

const char* ApiErrorName(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case core::ErrorCode::kUnprocessable:
      return "unprocessable";
    case core::ErrorCode::kTooLarge:
      return "payload_too_large";
    case core::ErrorCode::kUnsupportedFormat:
      return "unsupported_media_type";
    case core::ErrorCode::kNotFound:
      return "not_found";
    case core::ErrorCode::kAlreadyExists:
      return "already_exists";
    case core::ErrorCode::kConflict:
      return "conflict";
    case core::ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case core::ErrorCode::kPermissionDenied:
      return "permission_denied";
    case core::ErrorCode::kRateLimited:
      return "rate_limited";
    case core::ErrorCode::kUnavailable:
      return "unavailable";
    case core::ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace kakari::http
