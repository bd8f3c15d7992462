#include "http/workflow_json.hpp"

#include "core/domain/auth_policy.hpp"
#include "http/json_writer.hpp"

namespace kakari::http {

using nlohmann::json;

// As in the progress body: a number, exact in 0.5 steps.
json UnitsJson(core::HalfUnits u) { return static_cast<double>(u.halves()) / 2.0; }

json SubjectJson(const core::ItemSubject& s) {
  return {{"category", s.category}, {"text", s.text}, {"has_proof", s.has_proof}};
}

json ItemJson(const core::ReviewItem& it) {
  return {{"kind", core::ReviewKindName(it.kind)},
          {"id", it.id},
          {"status", core::ReviewStatusName(it.status)},
          {"version", it.version},
          {"channel", it.channel},
          {"submitted_at", it.submitted_at},
          {"routed_to", it.routed_to_code},
          {"last_reason", it.last_reason},
          {"subject", SubjectJson(it.subject)}};
}

json FileJson(const core::StoredFileMeta& f) {
  return {{"id", f.id},     {"name", f.name},     {"content_type", f.content_type},
          {"size", f.size}, {"sha256", f.sha256}, {"url", "/api/v1/files/" + std::to_string(f.id)}};
}

json DoctorJson(const core::Doctor& d) {
  json out = {{"registry_number", d.registry_number},
              {"name", d.name},
              {"kana", d.kana},
              {"birth_date", d.birth_date.ToIso()},
              {"member", d.member_id.has_value()}};
  return out;
}

namespace {

json HistoryJson(const std::vector<core::HistoryEntry>& history) {
  json out = json::array();
  for (const auto& h : history) {
    out.push_back({{"at", h.at},
                   {"from", h.from ? json(core::ReviewStatusName(*h.from)) : json(nullptr)},
                   {"to", core::ReviewStatusName(h.to)},
                   {"action", h.action},
                   {"actor_role", h.actor_role},
                   {"actor_association", h.actor_association},
                   {"reason", h.reason}});
  }
  return out;
}

}  // namespace

json ItemViewJson(const core::ItemView& v) {
  json out = ItemJson(v.item);
  out["doctor"] = DoctorJson(v.doctor);
  if (v.activity) {
    const auto& a = *v.activity;
    out["activity"] = {{"category", a.category},
                       {"description", a.description},
                       {"started_on", a.started_on.ToIso()},
                       {"ended_on", a.ended_on ? json(a.ended_on->ToIso()) : json(nullptr)},
                       {"organisation", a.organisation}};
  }
  if (v.declaration) {
    const auto& d = *v.declaration;
    out["declaration"] = {{"taken_on", d.taken_on.ToIso()},
                          {"units", UnitsJson(d.units)},
                          {"title", d.title},
                          {"organizer", d.organizer}};
  }
  if (v.snapshot) {
    const auto& s = *v.snapshot;
    out["snapshot"] = {{"lecture_units", UnitsJson(s.lecture_units)},
                       {"activity_ids", s.activity_ids},
                       {"total_units", UnitsJson(s.total_units)},
                       {"routing_reason", s.routing_reason}};
  }
  json files = json::array();
  for (const auto& f : v.files) files.push_back(FileJson(f));
  out["files"] = files;
  out["history"] = HistoryJson(v.history);
  return out;
}

std::string QueuePageJson(const core::QueuePage& page, int page_number, int per_page) {
  JsonWriter w;
  w.Open('{').Field("total", page.total).Field("page", page_number).Field("per_page", per_page);
  w.Key("items").Open('[');
  for (const auto& row : page.rows) {
    const auto& it = row.item;
    w.Open('{')
        .Field("kind", core::ReviewKindName(it.kind))
        .Field("id", it.id)
        .Field("status", core::ReviewStatusName(it.status))
        .Field("version", it.version)
        .Field("channel", it.channel)
        .Field("submitted_at", it.submitted_at)
        .Field("routed_to", it.routed_to_code)
        .Field("last_reason", it.last_reason)
        .Field("association_name", row.association_name);
    w.Key("subject")
        .Open('{')
        .Field("category", it.subject.category)
        .Field("text", it.subject.text)
        .BoolField("has_proof", it.subject.has_proof)
        .Close('}');
    w.Key("doctor")
        .Open('{')
        .Field("name", row.doctor_name)
        .Field("kana", row.doctor_kana)
        .Field("registry_number", row.registry_number)
        .Close('}');
    w.Close('}');
  }
  w.Close(']').Close('}');
  return w.Take();
}

}  // namespace kakari::http
