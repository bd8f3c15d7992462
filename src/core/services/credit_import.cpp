#include "core/services/credit_import.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "core/domain/field_text.hpp"
#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"
#include "util/strings.hpp"
#include "util/text_table.hpp"

namespace kakari::core {

namespace {

constexpr std::array<ColumnSpec, 8> kCreditColumns = {{
    {"registry_number", "医籍登録番号", true},
    {"date", "受講日", true},
    {"units", "単位", false},
    {"minutes", "受講時間（分）", false},
    {"curriculum_code", "カリキュラムコード", false},
    {"title", "講習会名", false},
    {"organizer", "主催者", false},
    {"name", "氏名", false},  // informative only; doctors match by registry number
}};

Result<HalfUnits> ParseRowUnits(const TableRow& row, const ColumnMap& columns) {
  std::string buf;
  std::string_view units = NormalizedField(FieldOf(row, columns, "units"), buf);
  if (!units.empty()) return ParseUnits(units, 24);
  std::string_view minutes = NormalizedField(FieldOf(row, columns, "minutes"), buf);
  if (minutes.empty()) {
    return RowError("単位数（または受講時間）が空です", "units (or minutes) are empty");
  }
  if (!util::IsAsciiDigits(minutes) || minutes.size() > 5) {
    std::string m(minutes);
    return RowError("受講時間「" + m + "」は分単位の整数で入力してください",
                    "minutes \"" + m + "\" must be a whole number");
  }
  HalfUnits u = HalfUnits::FromMinutes(std::stoll(std::string(minutes)));
  if (u == HalfUnits()) {
    return RowError("受講時間が30分未満のため単位になりません",
                    "less than 30 minutes earns no unit");
  }
  return u;
}

Result<std::optional<int>> ParseCurriculumCode(std::string_view raw) {
  std::string buf;
  std::string_view cc = NormalizedField(raw, buf);
  if (cc.empty()) return std::optional<int>();
  if (!util::IsAsciiDigits(cc) || cc.size() > 2 || std::stoi(std::string(cc)) > 84) {
    std::string c(cc);
    return RowError("カリキュラムコード「" + c + "」は0〜84で入力してください",
                    "curriculum code \"" + c + "\" must be 0-84");
  }
  return std::optional<int>(std::stoi(std::string(cc)));
}

}  // namespace

std::span<const ColumnSpec> CreditColumns() { return kCreditColumns; }

Result<ParsedCredit> ParseCreditRow(const TableRow& row, const ColumnMap& columns,
                                    const Date& today) {
  ParsedCredit out;
  std::string buf;
  auto reg = ValidateRegistryNumber(NormalizedField(FieldOf(row, columns, "registry_number"), buf));
  KAKARI_RETURN_IF_ERROR(reg);
  out.registry_number = std::move(*reg);
  auto date = ParseDate(NormalizedField(FieldOf(row, columns, "date"), buf));
  KAKARI_RETURN_IF_ERROR(date);
  if (today < *date) {
    return RowError("受講日 " + date->ToIso() + " が未来の日付です",
                    "date " + date->ToIso() + " is in the future");
  }
  out.taken_on = *date;
  auto units = ParseRowUnits(row, columns);
  KAKARI_RETURN_IF_ERROR(units);
  if (*units == HalfUnits()) return RowError("単位数が0です", "units are zero");
  out.units = *units;
  auto cc = ParseCurriculumCode(FieldOf(row, columns, "curriculum_code"));
  KAKARI_RETURN_IF_ERROR(cc);
  out.curriculum_code = *cc;
  return out;
}

namespace {

// Gathers the good rows of one import in memory, interning lectures, so that
// they can be sorted and written in index order.
class CreditBatch {
 public:
  CreditBatch(UnitOfWork& uow, const std::unordered_map<std::string, Id>& doctors) : uow_(uow) {
    // Registry numbers are at most 7 digits: a flat table indexed by the
    // number beats a hash map of strings on millions of lookups.
    for (const auto& [reg, id] : doctors) {
      size_t n = std::stoul(reg);
      if (n >= doctor_by_number_.size()) doctor_by_number_.resize(n + 1, 0);
      doctor_by_number_[n] = id;
    }
  }

  // Adds one row, or returns why it is refused.
  Status Add(const TableRow& row, const ColumnMap& columns, const Date& today) {
    auto parsed = ParseCreditRow(row, columns, today);
    KAKARI_RETURN_IF_ERROR(parsed);
    size_t number = std::stoul(parsed->registry_number);
    Id doctor = number < doctor_by_number_.size() ? doctor_by_number_[number] : 0;
    if (doctor == 0) {
      return RowError("医籍登録番号 " + parsed->registry_number + " の医師は登録されていません",
                      "no doctor has registry number " + parsed->registry_number);
    }
    auto lecture = Lecture(FieldOf(row, columns, "title"), FieldOf(row, columns, "organizer"));
    KAKARI_RETURN_IF_ERROR(lecture);
    rows_.push_back({doctor, *lecture, static_cast<int32_t>(parsed->taken_on.ToDays()),
                     static_cast<int32_t>(parsed->units.halves()),
                     static_cast<int16_t>(parsed->curriculum_code.value_or(-1))});
    return {};
  }

  // Drops rows repeated within the file; returns how many were dropped.
  int64_t RemoveRepeats() {
    auto key = [](const CreditRepository::Row& r) {
      return std::tuple(r.doctor_id, r.taken_on_days, r.lecture_id, r.half_units);
    };
    std::stable_sort(rows_.begin(), rows_.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    auto last = std::unique(rows_.begin(), rows_.end(),
                            [&](const auto& a, const auto& b) { return key(a) == key(b); });
    int64_t repeats = rows_.end() - last;
    rows_.erase(last, rows_.end());
    return repeats;
  }

  const std::vector<CreditRepository::Row>& rows() const { return rows_; }

  // Gives every lecture named in the rows its stored id, in one batch (new
  // lectures are created there). Until then a row holds a provisional id:
  // minus one minus the lecture's place in `pending_`.
  Status ResolveLectures() {
    auto ids = uow_.Credits().LectureIds(pending_);
    KAKARI_RETURN_IF_ERROR(ids);
    for (auto& r : rows_) r.lecture_id = (*ids)[static_cast<size_t>(-r.lecture_id - 1)];
    pending_.clear();
    return {};
  }

 private:
  // Looked up by the raw text first: most rows repeat a lecture already seen,
  // and only new ones pay for normalisation. Raw and normalised keys share one
  // table (a normalised key maps to its own lecture), so raw spellings that
  // normalise alike share one provisional id. New keys cost no allocation of
  // their own: the table keeps them in chunks, and pending names view them.
  Result<Id> Lecture(std::string_view raw_title, std::string_view raw_organizer) {
    KeyOf(raw_key_, raw_title, raw_organizer);
    if (const Id* known = lectures_.Find(raw_key_)) return *known;
    std::string_view title = NormalizedField(raw_title, title_buffer_);
    std::string_view organizer = NormalizedField(raw_organizer, organizer_buffer_);
    KeyOf(normalized_key_, title, organizer);
    auto lecture = lectures_.Insert(normalized_key_, -static_cast<Id>(pending_.size()) - 1);
    if (lecture.added) {
      std::string_view stored = lecture.key.substr(sizeof(uint32_t));
      pending_.push_back({stored.substr(0, title.size()), stored.substr(title.size())});
    }
    if (normalized_key_ != raw_key_) lectures_.Insert(raw_key_, lecture.value);
    return lecture.value;
  }

  // The title's length leads the key, so no two (title, organiser) pairs
  // share one.
  static void KeyOf(std::string& key, std::string_view title, std::string_view organizer) {
    auto length = static_cast<uint32_t>(title.size());
    char prefix[sizeof length];
    std::memcpy(prefix, &length, sizeof length);
    key.assign(prefix, sizeof prefix);
    key += title;
    key += organizer;
  }

  UnitOfWork& uow_;
  std::vector<Id> doctor_by_number_;  // 0: no doctor with that number
  util::TextTable lectures_;          // (title, organiser) key, raw or normalised -> id
  std::string raw_key_, normalized_key_, title_buffer_, organizer_buffer_;  // reused
  std::vector<CreditRepository::LectureName> pending_;                      // views into lectures_
  std::vector<CreditRepository::Row> rows_;
};

Result<ImportReport> ImportCreditRows(Store& store, RowSource& source, const Date& today,
                                      const ProgressFn& progress) {
  auto columns = ColumnMap::Build(source.Header(), kCreditColumns);
  KAKARI_RETURN_IF_ERROR(columns);
  if (columns->Index("units") < 0 && columns->Index("minutes") < 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "見出し行に「単位」または「受講時間（分）」の列が必要です",
                "the header row needs a \"units\" or \"minutes\" column", "header");
  }
  // Bulk: every doctor and lecture id below is read or created inside this
  // same write transaction, so per-row foreign-key lookups can be skipped.
  auto uow = store.BeginBulk();
  KAKARI_RETURN_IF_ERROR(uow);
  auto doctors = (*uow)->Doctors().RegistryIndex();
  KAKARI_RETURN_IF_ERROR(doctors);
  auto import_id = (*uow)->Credits().StartImport("csv");
  KAKARI_RETURN_IF_ERROR(import_id);
  CreditBatch batch(**uow, *doctors);
  ImportReport report;
  TableRow row;
  for (int64_t n = 0; source.Next(row); ++n) {
    if (auto t = CheckRowText(row, source.Header()); !t) {
      report.rejected.push_back({row.line, t.error().message_ja, t.error().message_en});
      continue;
    }
    if (auto added = batch.Add(row, *columns, today); !added) {
      // A bad row is reported; a failing database ends the import unwritten.
      if (added.error().code != ErrorCode::kInvalidArgument) return tl::unexpected(added.error());
      report.rejected.push_back({row.line, added.error().message_ja, added.error().message_en});
    }
    if (progress && n % 65536 == 0) progress(source.Fraction() * 0.7);
  }
  if (progress) progress(0.7);
  KAKARI_RETURN_IF_ERROR(batch.ResolveLectures());
  report.duplicates = batch.RemoveRepeats();
  if (progress) progress(0.75);
  auto inserted = (*uow)->Credits().InsertMany(batch.rows());
  KAKARI_RETURN_IF_ERROR(inserted);
  report.imported = *inserted;
  report.duplicates += static_cast<int64_t>(batch.rows().size()) - *inserted;
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  if (progress) progress(1.0);
  return report;
}

}  // namespace

Result<ImportReport> ImportCredits(const Deps& deps, const Caller& caller, RowSource& source,
                                   const ProgressFn& progress) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kImportCredits));
  auto report = ImportCreditRows(deps.store, source, deps.clock.TodayInJapan(), progress);
  if (!report) return report;
  // The import commits in its own bulk transaction; its record follows it.
  std::string detail = "imported=" + std::to_string(report->imported) +
                       " duplicates=" + std::to_string(report->duplicates) +
                       " rejected=" + std::to_string(report->rejected.size());
  KAKARI_RETURN_IF_ERROR(RecordCommittedChange(deps, caller, "credits.import", "credits",
                                               caller.command_line ? "command line" : "api",
                                               detail));
  return report;
}

}  // namespace kakari::core
