// JSON bodies of the API, built from core values. Units appear as numbers in
// 0.5 steps (6.5), dates as ISO strings. Thread-safe.
#pragma once

#include <string>

#include "core/domain/result.hpp"
#include "core/services/progress_service.hpp"

namespace kakari::http {

// {"error": {"code", "message_ja", "message_en", "field"}} — never the detail.
std::string ErrorBody(const core::Error& e);

std::string ProgressBody(const core::DoctorProgress& p);

}  // namespace kakari::http
