// Institutions and affiliations in SQLite.
#include <string>

#include "core/domain/text.hpp"
#include "storage/sql/repos.hpp"
#include "storage/sql/sql_now.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;
using core::Status;

namespace {

constexpr const char* kInstitutionColumns =
    "SELECT id, code, name, kana, kind, advanced_treatment, postal_code, address, "
    "association_code FROM institutions ";

core::Institution ReadInstitution(const Statement& st) {
  core::Institution i;
  i.id = st.Int(0);
  i.code = st.Text(1);
  i.name = st.Text(2);
  i.kana = st.Text(3);
  i.kind = st.Text(4);
  i.advanced_treatment = st.Int(5) != 0;
  i.postal_code = st.Text(6);
  i.address = st.Text(7);
  i.association_code = st.Text(8);
  return i;
}

Result<std::optional<core::Institution>> ReadOneInstitution(Statement& st) {
  KAKARI_TRY(rows, CollectRows<core::Institution>(st, ReadInstitution));
  if (rows.empty()) return std::optional<core::Institution>();
  return std::optional<core::Institution>(std::move(rows.front()));
}

// Binds every column but the id, in the order of Insert and Update.
void BindInstitution(Statement& st, const core::Institution& i) {
  st.Bind(1, i.code)
      .Bind(2, i.name)
      .Bind(3, i.kana)
      .Bind(4, core::SearchKey(i.name))
      .Bind(5, core::SearchKey(i.kana))
      .Bind(6, i.kind)
      .Bind(7, static_cast<int64_t>(i.advanced_treatment))
      .Bind(8, i.postal_code)
      .Bind(9, i.address)
      .Bind(10, i.association_code)
      .Bind(11, static_cast<int64_t>(!core::IsReportable(i)));
}

std::optional<std::string> Iso(const std::optional<core::Date>& d) {
  return d ? std::optional(d->ToIso()) : std::nullopt;
}

std::optional<core::Date> OptionalDate(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return *core::ParseWesternDate(st.Text(col));
}

constexpr const char* kAffiliationColumns =
    "SELECT id, doctor_id, institution_id, started_on, ended_on, employment, state, source, "
    "version FROM affiliations ";

core::Affiliation ReadAffiliation(const Statement& st) {
  core::Affiliation a;
  a.id = st.Int(0);
  a.doctor_id = st.Int(1);
  a.institution_id = st.Int(2);
  a.started_on = OptionalDate(st, 3);
  a.ended_on = OptionalDate(st, 4);
  if (!st.IsNull(5)) a.employment = core::ParseEmployment(st.Text(5));
  a.state = *core::ParseAffiliationState(st.Text(6));
  a.source = *core::ParseAffiliationSource(st.Text(7));
  a.version = st.Int(8);
  return a;
}

Result<std::optional<core::Affiliation>> ReadOneAffiliation(Statement& st) {
  KAKARI_TRY(rows, CollectRows<core::Affiliation>(st, ReadAffiliation));
  if (rows.empty()) return std::optional<core::Affiliation>();
  return std::optional<core::Affiliation>(rows.front());
}

// The SQL condition selecting the institutions `i` of an area bound as ?1:
// all, a prefecture (two digits) or a county association.
constexpr const char* kInArea =
    "(?1 = '' OR (length(?1) = 2 AND substr(i.code, 1, 2) = ?1) OR "
    "(length(?1) > 2 AND i.association_code = ?1))";

}  // namespace

Result<Id> SqlInstitutions::Insert(const core::Institution& inst) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO institutions(code, name, kana, name_key, kana_key, kind, "
                            "advanced_treatment, postal_code, address, association_code, "
                            "exempt_from_report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  BindInstitution(*st, inst);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Status SqlInstitutions::Update(const core::Institution& inst) {
  KAKARI_TRY(st,
             c_.Prepare("UPDATE institutions SET code = ?1, name = ?2, kana = ?3, "
                        "name_key = ?4, kana_key = ?5, kind = ?6, advanced_treatment = ?7, "
                        "postal_code = ?8, address = ?9, association_code = ?10, "
                        "exempt_from_report = ?11, updated_at = " KAKARI_NOW " WHERE id = ?12"));
  BindInstitution(*st, inst);
  st->Bind(12, inst.id);
  return st->Run();
}

Result<std::optional<core::Institution>> SqlInstitutions::FindById(Id id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kInstitutionColumns) + "WHERE id = ?"));
  st->Bind(1, id);
  return ReadOneInstitution(*st);
}

Result<std::optional<core::Institution>> SqlInstitutions::FindByCode(std::string_view code) {
  KAKARI_TRY(st, c_.Prepare(std::string(kInstitutionColumns) + "WHERE code = ?"));
  st->Bind(1, code);
  return ReadOneInstitution(*st);
}

Result<std::unordered_map<std::string, Id>> SqlInstitutions::CodeIndex() {
  KAKARI_TRY(st, c_.Prepare("SELECT code, id FROM institutions"));
  KAKARI_TRY(rows, (CollectRows<std::pair<std::string, Id>>(
                       *st, [](const Statement& s) { return std::pair(s.Text(0), s.Int(1)); })));
  return std::unordered_map<std::string, Id>(rows.begin(), rows.end());
}

Result<std::vector<core::Institution>> SqlInstitutions::Search(std::string_view area,
                                                               std::string_view query,
                                                               std::string_view name_key,
                                                               int limit) {
  KAKARI_TRY(st, c_.Prepare(std::string(kInstitutionColumns) + "i WHERE " + kInArea +
                            " AND (i.code = ?2 OR (?3 <> '' AND (instr(i.name_key, ?3) > 0 OR "
                            "instr(i.kana_key, ?3) > 0))) ORDER BY i.kana_key, i.code LIMIT ?4"));
  st->Bind(1, area).Bind(2, query).Bind(3, name_key).Bind(4, limit);
  return CollectRows<core::Institution>(*st, ReadInstitution);
}

Result<std::vector<core::CoverageSite>> SqlInstitutions::ReportableSites(std::string_view area) {
  KAKARI_TRY(
      st, c_.Prepare(std::string("SELECT i.id, i.code, i.name, CASE WHEN i.association_code <> '' "
                                 "THEN i.association_code ELSE substr(i.code, 1, 2) END "
                                 "FROM institutions i WHERE "
                                 "i.exempt_from_report = 0 AND ") +
                     kInArea + " ORDER BY i.code"));
  st->Bind(1, area);
  return CollectRows<core::CoverageSite>(*st, [](const Statement& s) {
    return core::CoverageSite{s.Int(0), s.Text(1), s.Text(2), s.Text(3)};
  });
}

Result<Id> SqlInstitutions::AddAffiliation(const core::Affiliation& a) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO affiliations(doctor_id, institution_id, started_on, "
                            "ended_on, employment, state, source) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, a.doctor_id)
      .Bind(2, a.institution_id)
      .BindOptional(3, Iso(a.started_on))
      .BindOptional(4, Iso(a.ended_on))
      .BindOptional(5, a.employment
                           ? std::optional<std::string>(core::EmploymentName(*a.employment))
                           : std::nullopt)
      .Bind(6, core::AffiliationStateName(a.state))
      .Bind(7, core::AffiliationSourceName(a.source));
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Result<std::optional<core::Affiliation>> SqlInstitutions::FindAffiliation(Id id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kAffiliationColumns) + "WHERE id = ?"));
  st->Bind(1, id);
  return ReadOneAffiliation(*st);
}

Result<std::optional<core::Affiliation>> SqlInstitutions::FindAffiliationByKey(
    Id doctor_id, Id institution_id, const std::optional<core::Date>& started_on) {
  KAKARI_TRY(st, c_.Prepare(std::string(kAffiliationColumns) +
                            "WHERE doctor_id = ? AND institution_id = ? AND "
                            "COALESCE(started_on, '') = ?"));
  st->Bind(1, doctor_id).Bind(2, institution_id).Bind(3, Iso(started_on).value_or(""));
  return ReadOneAffiliation(*st);
}

Result<bool> SqlInstitutions::UpdateAffiliation(const core::Affiliation& a,
                                                int64_t expected_version) {
  KAKARI_TRY(st, c_.Prepare("UPDATE affiliations SET started_on = ?, ended_on = ?, "
                            "employment = ?, state = ?, version = version + 1, "
                            "updated_at = " KAKARI_NOW " WHERE id = ? AND version = ?"));
  st->BindOptional(1, Iso(a.started_on))
      .BindOptional(2, Iso(a.ended_on))
      .BindOptional(3, a.employment
                           ? std::optional<std::string>(core::EmploymentName(*a.employment))
                           : std::nullopt)
      .Bind(4, core::AffiliationStateName(a.state))
      .Bind(5, a.id)
      .Bind(6, expected_version);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.Changes() == 1;
}

Result<std::vector<core::Affiliation>> SqlInstitutions::AffiliationsOfDoctor(Id doctor_id) {
  KAKARI_TRY(st,
             c_.Prepare(std::string(kAffiliationColumns) + "WHERE doctor_id = ? ORDER BY id DESC"));
  st->Bind(1, doctor_id);
  return CollectRows<core::Affiliation>(*st, ReadAffiliation);
}

Result<std::vector<core::Affiliation>> SqlInstitutions::AffiliationsOfInstitution(
    Id institution_id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kAffiliationColumns) +
                            "WHERE institution_id = ? ORDER BY id DESC"));
  st->Bind(1, institution_id);
  return CollectRows<core::Affiliation>(*st, ReadAffiliation);
}

Result<std::vector<core::CoverageLink>> SqlInstitutions::ActiveLinks(std::string_view area,
                                                                     const core::Date& day) {
  // Read from the covering index affiliations_active; the whole country
  // needs no join.
  constexpr const char* kActive =
      "a.state = 'confirmed' AND (a.started_on IS NULL OR a.started_on <= ?2) AND "
      "(a.ended_on IS NULL OR a.ended_on >= ?2)";
  std::string sql =
      area.empty()
          ? std::string(
                "SELECT a.institution_id, a.doctor_id FROM affiliations a WHERE ?1 = '' AND ") +
                kActive
          : std::string(
                "SELECT a.institution_id, a.doctor_id FROM affiliations a JOIN institutions "
                "i ON i.id = a.institution_id WHERE ") +
                kActive + " AND " + kInArea;
  KAKARI_TRY(st, c_.Prepare(sql));
  st->Bind(1, area).Bind(2, day.ToIso());
  return CollectRows<core::CoverageLink>(*st, [](const Statement& s) {
    return core::CoverageLink{s.Int(0), s.Int(1)};
  });
}

}  // namespace kakari::storage::sql
