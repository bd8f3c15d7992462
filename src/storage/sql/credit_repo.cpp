// The lecture-credit ledger (both engines; bulk paths in credit_bulk.cpp), with per-doctor
// fiscal-year totals kept in step on every insert.
#include <climits>

#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::HalfUnits;
using core::Id;
using core::Result;

namespace {

// True when the window's ends fall on fiscal-year boundaries, so that the
// maintained fiscal-year totals answer it exactly.
bool AlignsWithFiscalYears(const core::DateRange& w) {
  return (!w.from || (w.from->month == 4 && w.from->day == 1)) &&
         (!w.to || (w.to->month == 3 && w.to->day == 31));
}

std::pair<int64_t, int64_t> FiscalYearSpan(const core::DateRange& w) {
  return {w.from ? core::FiscalYear(*w.from) : 0, w.to ? core::FiscalYear(*w.to) : 9999};
}

// The window as the stored form of dates: days since 1970-01-01.
std::pair<int64_t, int64_t> DaySpan(const core::DateRange& w) {
  return {w.from ? w.from->ToDays() : INT32_MIN, w.to ? w.to->ToDays() : INT32_MAX};
}

}  // namespace

Result<Id> SqlCredits::LectureId(std::string_view title, std::string_view organizer) {
  KAKARI_TRY(find, c_.Prepare("SELECT id FROM lectures WHERE title = ? AND organizer = ?"));
  find->Bind(1, title).Bind(2, organizer);
  KAKARI_TRY(found, find->Step());
  if (found) {
    Id id = find->Int(0);
    find->Reset();
    return id;
  }
  KAKARI_TRY(insert, c_.Prepare("INSERT INTO lectures(title, organizer) VALUES (?, ?)"));
  insert->Bind(1, title).Bind(2, organizer);
  KAKARI_RETURN_IF_ERROR(insert->Run());
  return c_.LastInsertId();
}

Result<Id> SqlCredits::StartImport(std::string_view source) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO credit_imports(source) VALUES (?)"));
  st->Bind(1, source);
  KAKARI_RETURN_IF_ERROR(st->Run());
  KAKARI_TRY(import_id, c_.LastInsertId());
  import_id_ = import_id;
  return import_id_;
}

Result<int64_t> SqlCredits::InsertMany(std::span<const Row> rows) {
  if (UsesCopy(rows.size())) return InsertManyByCopy(rows);
  KAKARI_TRY(st, c_.Prepare("INSERT INTO lecture_credits(doctor_id, lecture_id, taken_on, "
                            "half_units, curriculum_code, "
                            "import_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  // Totals per (doctor, fiscal year), accumulated over runs of equal keys;
  // callers pass rows sorted by doctor and date, so runs are long.
  std::vector<std::tuple<Id, int, int64_t>> deltas;
  int64_t inserted = 0;
  int32_t last_days = INT32_MIN;
  int fiscal_year = 0;
  for (const Row& r : rows) {
    if (r.taken_on_days != last_days) {
      fiscal_year = core::FiscalYear(core::Date::FromDays(r.taken_on_days));
      last_days = r.taken_on_days;
    }
    st->Reset();
    st->Bind(1, r.doctor_id).Bind(2, r.lecture_id).Bind(3, r.taken_on_days).Bind(4, r.half_units);
    if (r.curriculum_code >= 0)
      st->Bind(5, r.curriculum_code);
    else
      st->BindNull(5);
    if (import_id_ > 0)
      st->Bind(6, import_id_);
    else
      st->BindNull(6);
    KAKARI_RETURN_IF_ERROR(st->Run());
    if (c_.Changes() != 1) continue;
    ++inserted;
    if (deltas.empty() || std::get<0>(deltas.back()) != r.doctor_id ||
        std::get<1>(deltas.back()) != fiscal_year) {
      deltas.emplace_back(r.doctor_id, fiscal_year, 0);
    }
    std::get<2>(deltas.back()) += r.half_units;
  }
  KAKARI_RETURN_IF_ERROR(AddToTotals(deltas));
  return inserted;
}

core::Status SqlCredits::AddToTotals(const std::vector<std::tuple<Id, int, int64_t>>& deltas) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "INSERT INTO doctor_lecture_totals(doctor_id, fiscal_year, half_units) VALUES (?, ?, ?) "
          "ON CONFLICT(doctor_id, fiscal_year) DO UPDATE SET half_units = "
          "doctor_lecture_totals.half_units + "
          "excluded.half_units"));
  KAKARI_TRY(sum, c_.Prepare("INSERT INTO doctor_lecture_sums(doctor_id, half_units) VALUES (?, ?) "
                             "ON CONFLICT(doctor_id) DO UPDATE SET half_units = "
                             "doctor_lecture_sums.half_units + excluded.half_units"));
  for (size_t i = 0; i < deltas.size(); ++i) {
    const auto& [doctor, year, halves] = deltas[i];
    st->Reset();
    st->Bind(1, doctor).Bind(2, static_cast<int64_t>(year)).Bind(3, halves);
    KAKARI_RETURN_IF_ERROR(st->Run());
    // One all-time update per run of the same doctor.
    int64_t doctor_total = halves;
    while (i + 1 < deltas.size() && std::get<0>(deltas[i + 1]) == doctor) {
      ++i;
      const auto& [d2, y2, h2] = deltas[i];
      st->Reset();
      st->Bind(1, d2).Bind(2, static_cast<int64_t>(y2)).Bind(3, h2);
      KAKARI_RETURN_IF_ERROR(st->Run());
      doctor_total += h2;
    }
    sum->Reset();
    sum->Bind(1, doctor).Bind(2, doctor_total);
    KAKARI_RETURN_IF_ERROR(sum->Run());
  }
  return {};
}

Result<HalfUnits> SqlCredits::LectureUnits(Id doctor_id,
                                           const std::optional<core::DateRange>& window) {
  Statement* st = nullptr;
  if (!window) {
    KAKARI_TRY(s, c_.Prepare("SELECT COALESCE(SUM(half_units), 0) FROM doctor_lecture_sums "
                             "WHERE doctor_id = ?"));
    s->Bind(1, doctor_id);
    st = s;
  } else if (AlignsWithFiscalYears(*window)) {
    auto [fy_from, fy_to] = FiscalYearSpan(*window);
    KAKARI_TRY(s, c_.Prepare("SELECT COALESCE(SUM(half_units), 0) FROM doctor_lecture_totals "
                             "WHERE doctor_id = ? AND fiscal_year BETWEEN ? AND ?"));
    s->Bind(1, doctor_id).Bind(2, fy_from).Bind(3, fy_to);
    st = s;
  } else {
    auto [from, to] = DaySpan(*window);
    KAKARI_TRY(s, c_.Prepare("SELECT COALESCE(SUM(half_units), 0) FROM lecture_credits "
                             "WHERE doctor_id = ? AND taken_on BETWEEN ? AND ?"));
    s->Bind(1, doctor_id).Bind(2, from).Bind(3, to);
    st = s;
  }
  KAKARI_TRY(row, st->Step());
  (void)row;
  HalfUnits total = HalfUnits::FromHalves(st->Int(0));
  st->Reset();
  return total;
}

Result<std::vector<std::pair<Id, HalfUnits>>> SqlCredits::LectureUnitsByDoctor(
    const std::optional<core::DateRange>& window) {
  Statement* st = nullptr;
  if (!window) {
    KAKARI_TRY(s, c_.Prepare("SELECT doctor_id, half_units FROM doctor_lecture_sums "
                             "ORDER BY doctor_id"));
    st = s;
  } else if (AlignsWithFiscalYears(*window)) {
    auto [fy_from, fy_to] = FiscalYearSpan(*window);
    KAKARI_TRY(s, c_.Prepare("SELECT doctor_id, SUM(half_units) FROM doctor_lecture_totals "
                             "WHERE fiscal_year BETWEEN ? AND ? GROUP BY doctor_id "
                             "ORDER BY doctor_id"));
    s->Bind(1, fy_from).Bind(2, fy_to);
    st = s;
  } else {
    // A window that cuts a fiscal year must read the credits themselves.
    auto [from, to] = DaySpan(*window);
    KAKARI_TRY(s,
               c_.Prepare("SELECT doctor_id, SUM(half_units) FROM lecture_credits "
                          "WHERE taken_on BETWEEN ? AND ? GROUP BY doctor_id ORDER BY doctor_id"));
    s->Bind(1, from).Bind(2, to);
    st = s;
  }
  return CollectRows<std::pair<Id, HalfUnits>>(*st, [&](Statement& row) {
    return std::pair<Id, HalfUnits>{row.Int(0), HalfUnits::FromHalves(row.Int(1))};
  });
}

namespace {
core::LectureCredit ReadCredit(const Statement& st) {
  core::LectureCredit c;
  c.id = st.Int(0);
  c.taken_on = core::Date::FromDays(st.Int(1));
  c.units = HalfUnits::FromHalves(st.Int(2));
  if (!st.IsNull(3)) c.curriculum_code = static_cast<int>(st.Int(3));
  c.title = st.Text(4);
  c.organizer = st.Text(5);
  return c;
}
constexpr const char* kCreditColumns =
    "SELECT c.id, c.taken_on, c.half_units, c.curriculum_code, l.title, l.organizer "
    "FROM lecture_credits c JOIN lectures l ON l.id = c.lecture_id ";
}  // namespace

Result<std::vector<core::LectureCredit>> SqlCredits::ListForDoctor(Id doctor_id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kCreditColumns) +
                            "WHERE c.doctor_id = ? ORDER BY c.taken_on DESC, c.id DESC"));
  st->Bind(1, doctor_id);
  return CollectRows<core::LectureCredit>(*st, ReadCredit);
}

Result<std::pair<int64_t, std::vector<core::LectureCredit>>> SqlCredits::PageForDoctor(
    Id doctor_id, const core::DateRange& range, int offset, int limit) {
  int64_t from = range.from ? range.from->ToDays() : INT32_MIN;
  int64_t to = range.to ? range.to->ToDays() : INT32_MAX;
  KAKARI_TRY(count, c_.Prepare("SELECT COUNT(*) FROM lecture_credits WHERE doctor_id = ? AND "
                               "taken_on BETWEEN ? AND ?"));
  count->Bind(1, doctor_id).Bind(2, from).Bind(3, to);
  KAKARI_TRY(counted, count->Step());
  int64_t total = counted ? count->Int(0) : 0;
  count->Reset();
  KAKARI_TRY(st, c_.Prepare(std::string(kCreditColumns) +
                            "WHERE c.doctor_id = ? AND c.taken_on BETWEEN ? AND ? "
                            "ORDER BY c.taken_on DESC, c.id DESC LIMIT ? OFFSET ?"));
  st->Bind(1, doctor_id).Bind(2, from).Bind(3, to).Bind(4, limit).Bind(5, offset);
  std::vector<core::LectureCredit> out;
  for (;;) {
    KAKARI_TRY(row, st->Step());
    if (!row) break;
    out.push_back(ReadCredit(*st));
  }
  return std::pair(total, std::move(out));
}

}  // namespace kakari::storage::sql
