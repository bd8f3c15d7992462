// JSON of the workflow's values (items, history, files, queue rows).
// Internal to src/http. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "core/workflow_service.hpp"

namespace kakari::http {

nlohmann::json UnitsJson(core::HalfUnits u);
nlohmann::json ItemJson(const core::ReviewItem& item);
nlohmann::json ItemViewJson(const core::ItemView& v);
nlohmann::json QueueRowJson(const core::QueueRow& row);
nlohmann::json DoctorJson(const core::Doctor& d);
nlohmann::json FileJson(const core::StoredFileMeta& f);

}  // namespace kakari::http
