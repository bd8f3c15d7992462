#include "http/api_json.hpp"

#include <nlohmann/json.hpp>

#include "http/error_status.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {
// Units as a JSON number: exact, since halves are representable in binary.
json Units(core::HalfUnits u) { return static_cast<double>(u.halves()) / 2.0; }

json StepsJson(const std::vector<core::NextStep>& steps) {
  json out = json::array();
  for (const auto& s : steps) {
    json step = {{"kind", core::StepKindName(s.kind)}};
    if (s.item_kind) {
      step["item_kind"] = core::ReviewKindName(*s.item_kind);
      step["item_id"] = s.item_id;
    }
    if (s.kind == core::StepKind::kFixReturned) step["reason"] = s.reason;
    if (s.kind == core::StepKind::kTakeLectures || s.kind == core::StepKind::kAwaitLectureReview) {
      step["units"] = Units(s.units);
    }
    if (s.kind == core::StepKind::kReportActivity ||
        s.kind == core::StepKind::kAwaitActivityReview) {
      step["activities"] = s.activities;
    }
    out.push_back(std::move(step));
  }
  return out;
}
}  // namespace

std::string ErrorBody(const core::Error& e) {
  json err = {
      {"code", ApiErrorName(e.code)}, {"message_ja", e.message_ja}, {"message_en", e.message_en}};
  err["field"] = e.field.empty() ? json(nullptr) : json(e.field);
  return json{{"error", err}}.dump();
}

std::string ProgressBody(const core::DoctorProgress& p) {
  const auto& e = p.eligibility;
  json missing = json::array();
  for (const auto& m : e.missing) {
    missing.push_back(
        {{"kind",
          m.kind == core::MissingKind::kLectureUnits ? "lecture_units" : "practical_activities"},
         {"units", Units(m.units)},
         {"activities", m.activities},
         {"message_ja", m.message_ja},
         {"message_en", m.message_en}});
  }
  json body = {
      {"registry_number", p.doctor.registry_number},
      {"name", p.doctor.name},
      {"kana", p.doctor.kana},
      {"programme",
       {{"code", p.programme.code},
        {"name_ja", p.programme.name_ja},
        {"name_en", p.programme.name_en},
        {"required_total_units", Units(p.programme.required_total)},
        {"units_per_activity", Units(p.programme.units_per_activity)}}},
      {"lecture_units", Units(e.lecture_units)},
      {"practical_units", Units(e.practical_units)},
      {"approved_activities", e.approved_activities},
      {"total_units", Units(e.total_units)},
      {"complete", e.complete},
      {"missing", missing},
      {"towards_units", Units(core::UnitsTowardsCompletion(p.programme, e))},
      {"pending",
       {{"lecture_units", Units(p.pending.lecture_units)},
        {"declarations", p.pending.declarations},
        {"activities", p.pending.activities}}},
      {"next_steps", StepsJson(p.steps)},
  };
  return body.dump();
}

}  // namespace kakari::http
