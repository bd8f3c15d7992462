// The bulk half of the credit ledger: many lectures interned and many credits
// recorded at once. On SQLite a prepared statement per row is cheap (no round
// trip), so rows go one by one in index order; on PostgreSQL each statement
// is a round trip, so rows are streamed with COPY into a temporary table and
// written by a few set-based statements in the same transaction.
#include <algorithm>
#include <climits>
#include <numeric>
#include <tuple>
#include <vector>

#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;

namespace {

constexpr size_t kChunkBytes = 1 << 20;

// Feeds rows [0, n) to COPY, `kChunkBytes` at a time, each line from `line`.
template <class Line>
std::function<bool(std::string&)> Chunks(size_t n, Line line) {
  return [n, line, next = size_t{0}](std::string& chunk) mutable {
    if (next >= n) return false;
    while (next < n && chunk.size() < kChunkBytes) line(chunk, next++);
    return true;
  };
}

// The rows to write, each credit once (the first of repeats wins, as one by
// one), in identity order: callers mostly pass them sorted already, so the
// sort is skipped then. Deduplicating here spares the server a sort of the
// whole batch (a DISTINCT ON spilled 5,000,000 rows to disk).
std::vector<size_t> FirstOfEachCredit(std::span<const core::CreditRepository::Row> rows) {
  auto key = [&](size_t i) {
    const auto& r = rows[i];
    return std::tuple(r.doctor_id, r.taken_on_days, r.lecture_id, r.half_units);
  };
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (!std::is_sorted(order.begin(), order.end(),
                      [&](size_t a, size_t b) { return key(a) < key(b); })) {
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return key(a) < key(b); });
  }
  order.erase(
      std::unique(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) == key(b); }),
      order.end());
  return order;
}

// Sorts and hashes of a bulk statement stay in memory for this transaction.
core::Status BulkWorkMemory(Connection& c) { return c.Exec("SET LOCAL work_mem = '256MB'"); }

// A temporary table for this transaction only, empty.
core::Status StagingTable(Connection& c, std::string_view name, std::string_view columns) {
  std::string n(name);
  return c.Exec("CREATE TEMP TABLE IF NOT EXISTS " + n + " (" + std::string(columns) +
                ") ON COMMIT DROP; TRUNCATE " + n);
}

// The positions of `names` in (title, organiser) order, so that new lectures
// extend the unique index in order rather than land all over it.
std::vector<size_t> NameOrder(std::span<const core::CreditRepository::LectureName> names) {
  std::vector<size_t> order(names.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(names[a].title, names[a].organizer) <
           std::tie(names[b].title, names[b].organizer);
  });
  return order;
}

}  // namespace

Result<std::vector<Id>> SqlCredits::LectureIds(std::span<const LectureName> names) {
  if (UsesCopy(names.size())) return LectureIdsByCopy(names);
  // Most names of a batch are new: each is inserted first and looked up only
  // when it was there already (one index search for a new name, not two).
  KAKARI_TRY(add, c_.Prepare("INSERT INTO lectures(title, organizer) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING"));
  std::vector<Id> ids(names.size());
  for (size_t i : NameOrder(names)) {
    add->Reset();
    add->Bind(1, names[i].title).Bind(2, names[i].organizer);
    KAKARI_RETURN_IF_ERROR(add->Run());
    KAKARI_TRY(
        id, c_.Changes() == 1 ? c_.LastInsertId() : LectureId(names[i].title, names[i].organizer));
    ids[i] = id;
  }
  return ids;
}

// PostgreSQL: the names through COPY in (title, organiser) order, each marked
// when it is the first of equal names, so that the server inserts the new
// ones as they come, with no sort or DISTINCT of its own.
Result<std::vector<Id>> SqlCredits::LectureIdsByCopy(std::span<const LectureName> names) {
  KAKARI_RETURN_IF_ERROR(
      StagingTable(c_, "staged_lectures",
                   "pos BIGINT, first_of_name BOOLEAN, title TEXT COLLATE \"C\", "
                   "organizer TEXT COLLATE \"C\""));
  std::vector<size_t> order = NameOrder(names);
  auto same = [&](size_t a, size_t b) {
    return names[a].title == names[b].title && names[a].organizer == names[b].organizer;
  };
  KAKARI_RETURN_IF_ERROR(
      c_.CopyIn("COPY staged_lectures(pos, first_of_name, title, organizer) FROM STDIN",
                Chunks(names.size(), [&](std::string& out, size_t k) {
                  size_t i = order[k];
                  out += std::to_string(i);
                  out += k > 0 && same(order[k - 1], i) ? "\tf\t" : "\tt\t";
                  AppendCopyText(out, names[i].title);
                  out += '\t';
                  AppendCopyText(out, names[i].organizer);
                  out += '\n';
                })));
  KAKARI_RETURN_IF_ERROR(c_.Exec("ANALYZE staged_lectures"));
  KAKARI_RETURN_IF_ERROR(BulkWorkMemory(c_));
  KAKARI_RETURN_IF_ERROR(c_.Exec(
      "INSERT INTO lectures(title, organizer) SELECT s.title, s.organizer "
      "FROM staged_lectures s WHERE s.first_of_name AND NOT EXISTS (SELECT 1 FROM lectures l "
      "WHERE l.title = s.title AND l.organizer = s.organizer)"));
  KAKARI_TRY(st, c_.Prepare("SELECT s.pos, l.id FROM staged_lectures s JOIN lectures l "
                            "ON l.title = s.title AND l.organizer = s.organizer"));
  std::vector<Id> ids(names.size(), 0);
  size_t found = 0;
  for (;;) {
    KAKARI_TRY(row, st->Step());
    if (!row) break;
    ids[static_cast<size_t>(st->Int(0))] = st->Int(1);
    ++found;
  }
  if (found != names.size()) {
    return tl::unexpected(StorageError("lectures", "a staged lecture found no row"));
  }
  return ids;
}

namespace {

// Half units of new credits per doctor and fiscal year, in that order.
struct YearTotal {
  Id doctor_id;
  int64_t fiscal_year;
  int64_t halves;
  auto Key() const { return std::tuple(doctor_id, fiscal_year); }
};

// The fiscal-year totals of rows[unique] (in identity order: each doctor's
// rows together, by date), and each row's fiscal year.
std::vector<YearTotal> YearTotals(std::span<const core::CreditRepository::Row> rows,
                                  std::span<const size_t> unique, std::vector<int>& years) {
  std::vector<YearTotal> totals;
  years.resize(unique.size());
  int32_t last_days = INT32_MIN;
  int fiscal_year = 0;
  for (size_t i = 0; i < unique.size(); ++i) {
    const auto& r = rows[unique[i]];
    if (r.taken_on_days != last_days) {
      fiscal_year = core::FiscalYear(core::Date::FromDays(r.taken_on_days));
      last_days = r.taken_on_days;
    }
    years[i] = fiscal_year;
    if (totals.empty() || totals.back().Key() != std::tuple(r.doctor_id, int64_t{fiscal_year})) {
      totals.push_back({r.doctor_id, fiscal_year, 0});
    }
    totals.back().halves += r.half_units;
  }
  return totals;
}

// Adds `table`'s staged deltas to it: rows there already are updated, the
// others inserted (cheaper per row than INSERT ... ON CONFLICT).
core::Status AddStagedTotals(Connection& c, std::string_view table, std::string_view keys) {
  std::string t(table), staged = "staged_" + std::string(table);
  std::string match;
  for (std::string_view rest = keys; !rest.empty();) {
    size_t comma = rest.find(',');
    std::string key(rest.substr(0, comma));
    match += (match.empty() ? "" : " AND ") + ("t." + key + " = d." + key);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  KAKARI_RETURN_IF_ERROR(c.Exec("ANALYZE " + staged));
  KAKARI_RETURN_IF_ERROR(c.Exec("UPDATE " + t +
                                " t SET half_units = t.half_units + d.halves FROM " + staged +
                                " d WHERE " + match));
  return c.Exec("INSERT INTO " + t + "(" + std::string(keys) + ", half_units) SELECT " +
                std::string(keys) + ", halves FROM " + staged +
                " d WHERE NOT EXISTS (SELECT 1 FROM " + t + " t WHERE " + match + ")");
}

}  // namespace

// PostgreSQL: the credits through COPY (each with its fiscal year), then
// set-based statements: drop the staged credits already recorded, insert the
// rest; the fiscal-year and all-time totals of what was inserted are summed
// here (the rows come sorted by doctor and date) and added through COPY too.
// One statement with data-modifying CTEs, aggregates and upserts did this at
// half the speed.
Result<int64_t> SqlCredits::InsertManyByCopy(std::span<const Row> rows) {
  KAKARI_RETURN_IF_ERROR(
      StagingTable(c_, "staged_credits",
                   "doctor_id BIGINT, lecture_id BIGINT, taken_on BIGINT, half_units BIGINT, "
                   "curriculum_code BIGINT, fiscal_year BIGINT"));
  std::vector<size_t> unique = FirstOfEachCredit(rows);
  std::vector<int> years;
  std::vector<YearTotal> totals = YearTotals(rows, unique, years);
  KAKARI_RETURN_IF_ERROR(c_.CopyIn(
      "COPY staged_credits(doctor_id, lecture_id, taken_on, half_units, curriculum_code, "
      "fiscal_year) FROM STDIN",
      Chunks(unique.size(), [&](std::string& out, size_t i) {
        const Row& r = rows[unique[i]];
        out += std::to_string(r.doctor_id) + '\t' + std::to_string(r.lecture_id) + '\t' +
               std::to_string(r.taken_on_days) + '\t' + std::to_string(r.half_units) + '\t' +
               (r.curriculum_code >= 0 ? std::to_string(r.curriculum_code) : "\\N") + '\t' +
               std::to_string(years[i]) + '\n';
      })));
  // Statistics for the planner: without them it guesses a few hundred rows
  // and picks plans that take three times as long for a large import.
  KAKARI_RETURN_IF_ERROR(c_.Exec("ANALYZE staged_credits"));
  KAKARI_RETURN_IF_ERROR(BulkWorkMemory(c_));
  // Rows already stored are dropped first (rather than ON CONFLICT, dearer
  // per row) and taken off the totals; the registry's write lock keeps other
  // writers out, and the unique index would still refuse a race.
  KAKARI_TRY(known, c_.Prepare("DELETE FROM staged_credits s WHERE EXISTS (SELECT 1 FROM "
                               "lecture_credits c WHERE c.doctor_id = s.doctor_id AND "
                               "c.taken_on = s.taken_on AND c.lecture_id = s.lecture_id AND "
                               "c.half_units = s.half_units) "
                               "RETURNING doctor_id, fiscal_year, half_units"));
  for (;;) {
    KAKARI_TRY(row, known->Step());
    if (!row) break;
    YearTotal gone{known->Int(0), known->Int(1), known->Int(2)};
    auto at = std::lower_bound(totals.begin(), totals.end(), gone,
                               [](const auto& a, const auto& b) { return a.Key() < b.Key(); });
    // Every staged row added to its own total, so it is there; if not, the
    // import stops rather than write wrong totals.
    if (at == totals.end() || at->Key() != gone.Key()) {
      known->Reset();
      return tl::unexpected(StorageError("InsertManyByCopy", "a known credit has no staged total"));
    }
    at->halves -= gone.halves;
  }
  known->Reset();
  KAKARI_TRY(insert,
             c_.Prepare("INSERT INTO lecture_credits(doctor_id, lecture_id, taken_on, half_units, "
                        "curriculum_code, import_id) SELECT doctor_id, lecture_id, taken_on, "
                        "half_units, curriculum_code, CAST(? AS BIGINT) FROM staged_credits"));
  if (import_id_ > 0)
    insert->Bind(1, import_id_);
  else
    insert->BindNull(1);
  KAKARI_RETURN_IF_ERROR(insert->Run());
  auto inserted = static_cast<int64_t>(c_.Changes());
  std::erase_if(totals, [](const YearTotal& t) { return t.halves == 0; });
  KAKARI_RETURN_IF_ERROR(StagingTable(c_, "staged_doctor_lecture_totals",
                                      "doctor_id BIGINT, fiscal_year BIGINT, halves BIGINT"));
  KAKARI_RETURN_IF_ERROR(c_.CopyIn(
      "COPY staged_doctor_lecture_totals(doctor_id, fiscal_year, halves) FROM STDIN",
      Chunks(totals.size(), [&](std::string& out, size_t i) {
        out += std::to_string(totals[i].doctor_id) + '\t' + std::to_string(totals[i].fiscal_year) +
               '\t' + std::to_string(totals[i].halves) + '\n';
      })));
  KAKARI_RETURN_IF_ERROR(AddStagedTotals(c_, "doctor_lecture_totals", "doctor_id,fiscal_year"));
  std::vector<YearTotal> sums;  // fiscal_year unused: all time
  for (const YearTotal& t : totals) {
    if (sums.empty() || sums.back().doctor_id != t.doctor_id) sums.push_back({t.doctor_id, 0, 0});
    sums.back().halves += t.halves;
  }
  KAKARI_RETURN_IF_ERROR(
      StagingTable(c_, "staged_doctor_lecture_sums", "doctor_id BIGINT, halves BIGINT"));
  KAKARI_RETURN_IF_ERROR(c_.CopyIn("COPY staged_doctor_lecture_sums(doctor_id, halves) FROM STDIN",
                                   Chunks(sums.size(), [&](std::string& out, size_t i) {
                                     out += std::to_string(sums[i].doctor_id) + '\t' +
                                            std::to_string(sums[i].halves) + '\n';
                                   })));
  KAKARI_RETURN_IF_ERROR(AddStagedTotals(c_, "doctor_lecture_sums", "doctor_id"));
  return inserted;
}

}  // namespace kakari::storage::sql
