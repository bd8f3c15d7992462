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

// One field in COPY's text format (backslash escapes; fields end at a tab).
void AppendCopyText(std::string& out, std::string_view text) {
  for (char ch : text) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += ch;
    }
  }
}

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

}  // namespace

Result<std::vector<Id>> SqlCredits::LectureIds(std::span<const LectureName> names) {
  if (UsesCopy(names.size())) return LectureIdsByCopy(names);
  // In (title, organiser) order, so that new lectures extend the index in
  // order rather than land all over it.
  std::vector<size_t> order(names.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(names[a].title, names[a].organizer) <
           std::tie(names[b].title, names[b].organizer);
  });
  std::vector<Id> ids(names.size());
  for (size_t i : order) {
    auto id = LectureId(names[i].title, names[i].organizer);
    KAKARI_RETURN_IF_ERROR(id);
    ids[i] = *id;
  }
  return ids;
}

Result<std::vector<Id>> SqlCredits::LectureIdsByCopy(std::span<const LectureName> names) {
  KAKARI_RETURN_IF_ERROR(StagingTable(
      c_, "staged_lectures", "pos BIGINT, title TEXT COLLATE \"C\", organizer TEXT COLLATE \"C\""));
  KAKARI_RETURN_IF_ERROR(c_.CopyIn("COPY staged_lectures(pos, title, organizer) FROM STDIN",
                                   Chunks(names.size(), [&](std::string& out, size_t i) {
                                     out += std::to_string(i);
                                     out += '\t';
                                     AppendCopyText(out, names[i].title);
                                     out += '\t';
                                     AppendCopyText(out, names[i].organizer);
                                     out += '\n';
                                   })));
  KAKARI_RETURN_IF_ERROR(c_.Exec("ANALYZE staged_lectures"));
  KAKARI_RETURN_IF_ERROR(BulkWorkMemory(c_));
  KAKARI_RETURN_IF_ERROR(
      c_.Exec("INSERT INTO lectures(title, organizer) SELECT DISTINCT s.title, s.organizer "
              "FROM staged_lectures s WHERE NOT EXISTS (SELECT 1 FROM lectures l "
              "WHERE l.title = s.title AND l.organizer = s.organizer) ORDER BY 1, 2"));
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

// PostgreSQL: the credits through COPY, then one statement that inserts the
// new ones and adds exactly those to the fiscal-year and all-time totals.
Result<int64_t> SqlCredits::InsertManyByCopy(std::span<const Row> rows) {
  KAKARI_RETURN_IF_ERROR(
      StagingTable(c_, "staged_credits",
                   "n BIGINT, doctor_id BIGINT, lecture_id BIGINT, "
                   "taken_on BIGINT, half_units BIGINT, curriculum_code BIGINT"));
  std::vector<size_t> unique = FirstOfEachCredit(rows);
  KAKARI_RETURN_IF_ERROR(c_.CopyIn(
      "COPY staged_credits(n, doctor_id, lecture_id, taken_on, half_units, curriculum_code) "
      "FROM STDIN",
      Chunks(unique.size(), [&](std::string& out, size_t i) {
        const Row& r = rows[unique[i]];
        out += std::to_string(i) + '\t' + std::to_string(r.doctor_id) + '\t' +
               std::to_string(r.lecture_id) + '\t' + std::to_string(r.taken_on_days) + '\t' +
               std::to_string(r.half_units) + '\t' +
               (r.curriculum_code >= 0 ? std::to_string(r.curriculum_code) : "\\N") + '\n';
      })));
  // Statistics for the planner: without them it guesses a few hundred rows
  // and picks plans that take three times as long for a large import.
  KAKARI_RETURN_IF_ERROR(c_.Exec("ANALYZE staged_credits"));
  KAKARI_RETURN_IF_ERROR(BulkWorkMemory(c_));
  // Staged rows are unique and in identity order; rows already stored are
  // left out by an anti-join rather than ON CONFLICT (cheaper per row; the
  // registry's write lock keeps other writers out, and the unique index
  // would still refuse a race). A fiscal year starts on 1 April: the year of
  // the date three months earlier.
  KAKARI_TRY(
      st, c_.Prepare("WITH added AS (INSERT INTO lecture_credits(doctor_id, lecture_id, taken_on, "
                     "half_units, curriculum_code, import_id) SELECT doctor_id, lecture_id, "
                     "taken_on, half_units, curriculum_code, CAST(? AS BIGINT) "
                     "FROM staged_credits s "
                     "WHERE NOT EXISTS (SELECT 1 FROM lecture_credits c WHERE c.doctor_id = "
                     "s.doctor_id AND c.taken_on = s.taken_on AND c.lecture_id = s.lecture_id "
                     "AND c.half_units = s.half_units) "
                     "RETURNING doctor_id, taken_on, half_units), "
                     "per_year AS (SELECT doctor_id, CAST(EXTRACT(YEAR FROM DATE '1970-01-01' + "
                     "CAST(taken_on AS INTEGER) - INTERVAL '3 months') AS BIGINT) AS fiscal_year, "
                     "SUM(half_units) AS halves FROM added GROUP BY 1, 2 ORDER BY 1, 2), "
                     "totals AS (INSERT INTO doctor_lecture_totals(doctor_id, fiscal_year, "
                     "half_units) SELECT doctor_id, fiscal_year, halves FROM per_year "
                     "ON CONFLICT (doctor_id, fiscal_year) DO UPDATE SET half_units = "
                     "doctor_lecture_totals.half_units + excluded.half_units), "
                     "sums AS (INSERT INTO doctor_lecture_sums(doctor_id, half_units) "
                     "SELECT doctor_id, SUM(halves) FROM per_year GROUP BY 1 ORDER BY 1 "
                     "ON CONFLICT (doctor_id) DO UPDATE SET half_units = "
                     "doctor_lecture_sums.half_units + excluded.half_units) "
                     "SELECT COUNT(*) FROM added"));
  if (import_id_ > 0)
    st->Bind(1, import_id_);
  else
    st->BindNull(1);
  KAKARI_TRY(row, st->Step());
  if (!row) return tl::unexpected(StorageError("lecture_credits", "no count"));
  int64_t inserted = st->Int(0);
  st->Reset();
  return inserted;
}

}  // namespace kakari::storage::sql
