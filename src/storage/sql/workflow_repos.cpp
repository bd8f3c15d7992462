// Practical activities, completion applications and programmes in SQLite.
#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;

Result<Id> SqlActivities::Insert(const core::NewActivity& a) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO practical_activities(doctor_id, category, description, "
                            "started_on, ended_on, "
                            "organisation, status, routed_to_association_id, submitted_at) VALUES "
                            "(?1, ?2, ?3, ?4, ?5, "
                            "?6, ?7, (SELECT home_association_id FROM doctors WHERE id = ?1), "
                            "strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
  st->Bind(1, a.doctor_id)
      .Bind(2, a.category)
      .Bind(3, a.description)
      .Bind(4, a.started_on.ToIso())
      .BindOptional(5, a.ended_on ? std::optional(a.ended_on->ToIso()) : std::nullopt)
      .Bind(6, a.organisation)
      .Bind(7, core::ActivityStatusName(a.status));
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Result<int> SqlActivities::CountApproved(Id doctor_id) {
  KAKARI_TRY(st, c_.Prepare("SELECT COUNT(*) FROM practical_activities "
                            "WHERE doctor_id = ? AND status = 'approved'"));
  st->Bind(1, doctor_id);
  KAKARI_TRY(row, st->Step());
  (void)row;
  int n = static_cast<int>(st->Int(0));
  st->Reset();
  return n;
}

Result<std::vector<std::pair<Id, int>>> SqlActivities::CountApprovedByDoctor() {
  KAKARI_TRY(st, c_.Prepare("SELECT doctor_id, COUNT(*) FROM practical_activities "
                            "WHERE status = 'approved' GROUP BY doctor_id ORDER BY doctor_id"));
  return CollectRows<std::pair<Id, int>>(*st, [&](Statement& row) {
    return std::pair<Id, int>{row.Int(0), static_cast<int>(row.Int(1))};
  });
}

Result<Id> SqlApplications::Insert(const core::NewApplication& a) {
  KAKARI_TRY(
      st, c_.Prepare(
              "INSERT INTO completion_applications(doctor_id, programme_code, channel, delivery, "
              "routed_to_association_id, status, submitted_on, submitted_at) VALUES (?1, ?2, ?3, "
              "?4, ?5, "
              "?6, ?7, ?7 || 'T00:00:00Z')"));
  st->Bind(1, a.doctor_id)
      .Bind(2, a.programme_code)
      .Bind(3, a.channel)
      .Bind(4, a.channel == "paper" ? "mail" : "download")
      .Bind(5, a.routed_to_association_id)
      .Bind(6, core::ApplicationStatusName(a.status))
      .Bind(7, a.submitted_on.ToIso());
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

core::Status SqlProgrammes::Upsert(const core::Programme& p) {
  KAKARI_RETURN_IF_ERROR(c_.Exec("UPDATE programmes SET is_current = 0"));
  KAKARI_TRY(
      st,
      c_.Prepare(
          "INSERT INTO programmes(code, name_ja, name_en, units_per_activity_halves, "
          "min_lecture_halves, min_practical_activities, required_total_halves, window_from, "
          "window_to, certificate_validity_years, is_current) VALUES (?,?,?,?,?,?,?,?,?,?,1) "
          "ON CONFLICT(code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en, "
          "units_per_activity_halves = excluded.units_per_activity_halves, "
          "min_lecture_halves = excluded.min_lecture_halves, "
          "min_practical_activities = excluded.min_practical_activities, "
          "required_total_halves = excluded.required_total_halves, window_from = "
          "excluded.window_from, window_to = excluded.window_to, certificate_validity_years = "
          "excluded.certificate_validity_years, is_current = 1, "
          "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')"));
  auto iso = [](const std::optional<core::Date>& d) {
    return d ? std::optional(d->ToIso()) : std::nullopt;
  };
  core::DateRange w = p.credit_window.value_or(core::DateRange{});
  st->Bind(1, p.code)
      .Bind(2, p.name_ja)
      .Bind(3, p.name_en)
      .Bind(4, p.units_per_activity.halves())
      .Bind(5, p.min_lecture_units.halves())
      .Bind(6, static_cast<int64_t>(p.min_practical_activities))
      .Bind(7, p.required_total.halves())
      .BindOptional(8, iso(w.from))
      .BindOptional(9, iso(w.to));
  if (p.certificate_validity_years) st->Bind(10, *p.certificate_validity_years);
  return st->Run();
}

Result<Statement*> BindCurrentProgramme(Connection& c) {
  return c.Prepare(
      "SELECT code, name_ja, name_en, units_per_activity_halves, min_lecture_halves, "
      "min_practical_activities, required_total_halves, window_from, window_to, "
      "certificate_validity_years FROM programmes WHERE is_current = 1");
}

Result<core::Programme> SqlProgrammes::Current() {
  KAKARI_TRY(st, BindCurrentProgramme(c_));
  return ReadCurrentProgramme(*st);
}

Result<core::Programme> ReadCurrentProgramme(Statement& row) {
  Statement* st = &row;
  KAKARI_TRY(found, st->Step());
  if (!found) {
    return core::Fail(core::ErrorCode::kUnavailable, "研修制度が設定されていません（kakari init）",
                      "no programme is configured (run kakari init)");
  }
  core::Programme p;
  p.code = st->Text(0);
  p.name_ja = st->Text(1);
  p.name_en = st->Text(2);
  p.units_per_activity = core::HalfUnits::FromHalves(st->Int(3));
  p.min_lecture_units = core::HalfUnits::FromHalves(st->Int(4));
  p.min_practical_activities = static_cast<int>(st->Int(5));
  p.required_total = core::HalfUnits::FromHalves(st->Int(6));
  if (!st->IsNull(7) || !st->IsNull(8)) {
    core::DateRange w;
    if (!st->IsNull(7)) w.from = *core::ParseWesternDate(st->Text(7));
    if (!st->IsNull(8)) w.to = *core::ParseWesternDate(st->Text(8));
    p.credit_window = w;
  }
  if (!st->IsNull(9)) p.certificate_validity_years = static_cast<int>(st->Int(9));
  st->Reset();
  return p;
}

}  // namespace kakari::storage::sql

namespace kakari::storage::sql {

using core::Id;
using core::Result;

Result<Id> SqlActivities::Submit(Id doctor_id, const core::ActivityInput& in, Id routed_to) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "INSERT INTO practical_activities(doctor_id, category, description, started_on, "
          "ended_on, "
          "organisation, status, routed_to_association_id, submitted_at) VALUES (?, ?, ?, ?, ?, ?, "
          "'submitted', ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
  st->Bind(1, doctor_id)
      .Bind(2, in.category)
      .Bind(3, in.description)
      .Bind(4, in.started_on.ToIso())
      .BindOptional(5, in.ended_on ? std::optional(in.ended_on->ToIso()) : std::nullopt)
      .Bind(6, in.organisation)
      .Bind(7, routed_to);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

core::Status SqlActivities::Edit(Id id, const core::ActivityInput& in) {
  KAKARI_TRY(st, c_.Prepare("UPDATE practical_activities SET category = ?, description = ?, "
                            "started_on = ?, ended_on = ?, organisation = ? WHERE id = ?"));
  st->Bind(1, in.category)
      .Bind(2, in.description)
      .Bind(3, in.started_on.ToIso())
      .BindOptional(4, in.ended_on ? std::optional(in.ended_on->ToIso()) : std::nullopt)
      .Bind(5, in.organisation)
      .Bind(6, id);
  return st->Run();
}

Result<std::optional<core::ActivityInput>> SqlActivities::Find(Id id) {
  KAKARI_TRY(st, c_.Prepare("SELECT category, description, started_on, ended_on, organisation "
                            "FROM practical_activities WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::ActivityInput>();
  core::ActivityInput in;
  in.category = st->Text(0);
  in.description = st->Text(1);
  in.started_on = *core::ParseWesternDate(st->Text(2));
  if (!st->IsNull(3)) in.ended_on = *core::ParseWesternDate(st->Text(3));
  in.organisation = st->Text(4);
  st->Reset();
  return std::optional<core::ActivityInput>(std::move(in));
}

Result<std::vector<Id>> SqlActivities::ApprovedIds(Id doctor_id) {
  KAKARI_TRY(st, c_.Prepare("SELECT id FROM practical_activities WHERE doctor_id = ? AND "
                            "status = 'approved' ORDER BY id"));
  st->Bind(1, doctor_id);
  return CollectRows<Id>(*st, [](Statement& row) { return row.Int(0); });
}

Result<std::vector<core::ActivityCategory>> SqlActivities::Categories() {
  KAKARI_TRY(st, c_.Prepare("SELECT code, name_ja, name_en FROM activity_categories "
                            "WHERE active = 1 ORDER BY sort_order, code"));
  return CollectRows<core::ActivityCategory>(*st, [](Statement& row) {
    return core::ActivityCategory{row.Text(0), row.Text(1), row.Text(2)};
  });
}

Result<Id> SqlApplications::Submit(const core::NewApplication& a,
                                   const core::ApplicationSnapshot& snap,
                                   std::optional<Id> scan_file_id) {
  KAKARI_TRY(
      st, c_.Prepare(
              "INSERT INTO completion_applications(doctor_id, programme_code, channel, delivery, "
              "routed_to_association_id, status, submitted_on, submitted_at, routing_reason, "
              "lecture_halves, total_halves, scan_file_id) VALUES (?, ?, ?, ?, ?, 'submitted', ?, "
              "strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?, ?, ?)"));
  st->Bind(1, a.doctor_id)
      .Bind(2, a.programme_code)
      .Bind(3, a.channel)
      .Bind(4, a.channel == "paper" ? "mail" : "download")
      .Bind(5, a.routed_to_association_id)
      .Bind(6, a.submitted_on.ToIso())
      .Bind(7, snap.routing_reason)
      .Bind(8, snap.lecture_units.halves())
      .Bind(9, snap.total_units.halves())
      .BindOptionalId(10, scan_file_id);
  KAKARI_RETURN_IF_ERROR(st->Run());
  KAKARI_TRY(id, c_.LastInsertId());
  KAKARI_RETURN_IF_ERROR(ReplaceSnapshot(id, snap));
  return id;
}

Result<std::optional<core::ApplicationSnapshot>> SqlApplications::Snapshot(Id id) {
  KAKARI_TRY(st, c_.Prepare("SELECT COALESCE(lecture_halves, 0), COALESCE(total_halves, 0), "
                            "routing_reason FROM completion_applications WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::ApplicationSnapshot>();
  core::ApplicationSnapshot snap;
  snap.lecture_units = core::HalfUnits::FromHalves(st->Int(0));
  snap.total_units = core::HalfUnits::FromHalves(st->Int(1));
  snap.routing_reason = st->Text(2);
  st->Reset();
  KAKARI_TRY(acts, c_.Prepare("SELECT activity_id FROM application_activities "
                              "WHERE application_id = ? ORDER BY activity_id"));
  acts->Bind(1, id);
  for (;;) {
    KAKARI_TRY(more, acts->Step());
    if (!more) break;
    snap.activity_ids.push_back(acts->Int(0));
  }
  return std::optional<core::ApplicationSnapshot>(std::move(snap));
}

core::Status SqlApplications::ReplaceSnapshot(Id id, const core::ApplicationSnapshot& snap) {
  KAKARI_TRY(upd, c_.Prepare("UPDATE completion_applications SET lecture_halves = ?, "
                             "total_halves = ? WHERE id = ?"));
  upd->Bind(1, snap.lecture_units.halves()).Bind(2, snap.total_units.halves()).Bind(3, id);
  KAKARI_RETURN_IF_ERROR(upd->Run());
  KAKARI_TRY(del, c_.Prepare("DELETE FROM application_activities WHERE application_id = ?"));
  del->Bind(1, id);
  KAKARI_RETURN_IF_ERROR(del->Run());
  KAKARI_TRY(ins, c_.Prepare("INSERT INTO application_activities(application_id, activity_id) "
                             "VALUES (?, ?)"));
  for (Id a : snap.activity_ids) {
    ins->Bind(1, id).Bind(2, a);
    KAKARI_RETURN_IF_ERROR(ins->Run());
  }
  return {};
}

}  // namespace kakari::storage::sql
