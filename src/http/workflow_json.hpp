// JSON of the workflow's values (items, history, files, queue rows).
// Internal to src/http. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"

namespace kakari::http {

nlohmann::json UnitsJson(core::HalfUnits u);
nlohmann::json ItemJson(const core::ReviewItem& item);
nlohmann::json ItemViewJson(const core::ItemView& v);
// The queue page as JSON text, written directly (a hot path).
std::string QueuePageJson(const core::QueuePage& page, int page_number, int per_page);
nlohmann::json DoctorJson(const core::Doctor& d);
nlohmann::json FileJson(const core::StoredFileMeta& f);

}  // namespace kakari::http
