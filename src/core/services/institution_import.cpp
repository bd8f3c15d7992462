#include "core/services/institution_import.hpp"

#include <array>
#include <set>
#include <unordered_set>

#include "core/domain/field_text.hpp"
#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

constexpr std::array<ColumnSpec, 8> kInstitutionColumns = {{
    {"institution_code", "医療機関コード", true},
    {"name", "名称", true},
    {"kana", "フリガナ", false},
    {"kind", "種別", true},
    {"advanced_treatment", "特定機能病院", false},
    {"postal_code", "郵便番号", true},
    {"address", "住所", true},
    {"association_code", "地区医師会コード", false},
}};

constexpr std::array<ColumnSpec, 5> kAffiliationColumns = {{
    {"registry_number", "医籍登録番号", true},
    {"institution_code", "医療機関コード", true},
    {"started_on", "開始日", false},
    {"ended_on", "終了日", false},
    {"employment", "勤務形態", false},
}};

Result<std::string> ParseKind(std::string_view t) {
  if (t == "hospital" || t == "病院") return std::string("hospital");
  if (t == "clinic" || t == "診療所") return std::string("clinic");
  return RowError("種別「" + std::string(t) + "」は 病院 か 診療所 で入力してください",
                  "kind \"" + std::string(t) + "\" must be hospital or clinic");
}

Result<bool> ParseFlag(std::string_view t) {
  if (t.empty() || t == "0" || t == "no" || t == "いいえ" || t == "-") return false;
  if (t == "1" || t == "yes" || t == "○" || t == "はい") return true;
  return RowError("特定機能病院「" + std::string(t) + "」は 1/0、yes/no、○/空欄 で入力してください",
                  "advanced_treatment \"" + std::string(t) + "\" must be 1/0, yes/no or ○/blank");
}

Result<std::optional<Date>> OptionalDateField(std::string_view t) {
  if (t.empty()) return std::optional<Date>();
  auto d = ParseDate(t);
  KAKARI_RETURN_IF_ERROR(d);
  return std::optional<Date>(*d);
}

bool SameInstitution(const Institution& a, const Institution& b) {
  return a.name == b.name && a.kana == b.kana && a.kind == b.kind &&
         a.advanced_treatment == b.advanced_treatment && a.postal_code == b.postal_code &&
         a.address == b.address && a.association_code == b.association_code;
}

Status OutsideArea(std::string_view code) {
  return RowError(
      "医療機関コード " + std::string(code) + " はあなたの担当地域の医療機関ではありません",
      "institution " + std::string(code) + " is outside your area");
}

}  // namespace

std::span<const ColumnSpec> InstitutionColumns() { return kInstitutionColumns; }
std::span<const ColumnSpec> AffiliationColumns() { return kAffiliationColumns; }

bool InArea(const Institution& i, std::string_view area) {
  if (area.empty()) return true;
  if (area.size() == 2) return i.PrefectureCode() == area;
  return i.association_code == area;
}

Result<Institution> ParseInstitutionRow(const TableRow& row, const ColumnMap& columns) {
  Institution i;
  std::string buf;
  auto code =
      ValidateInstitutionCode(NormalizedField(FieldOf(row, columns, "institution_code"), buf));
  KAKARI_RETURN_IF_ERROR(code);
  i.code = *code;
  i.name = std::string(util::Trim(FieldOf(row, columns, "name")));
  if (i.name.empty()) return RowError("名称が空です", "name is empty");
  i.kana = KatakanaReading(FieldOf(row, columns, "kana"));
  if (!i.kana.empty() && !IsKatakanaReading(i.kana)) {
    return RowError("フリガナ「" + i.kana + "」はカタカナで入力してください",
                    "kana \"" + i.kana + "\" must be katakana");
  }
  auto kind = ParseKind(NormalizedField(FieldOf(row, columns, "kind"), buf));
  KAKARI_RETURN_IF_ERROR(kind);
  i.kind = *kind;
  auto advanced = ParseFlag(NormalizedField(FieldOf(row, columns, "advanced_treatment"), buf));
  KAKARI_RETURN_IF_ERROR(advanced);
  if (*advanced && i.kind != "hospital") {
    return RowError("特定機能病院は種別が病院の医療機関だけです",
                    "only a hospital can be an advanced-treatment hospital");
  }
  i.advanced_treatment = *advanced;
  if (auto p = NormalizedField(FieldOf(row, columns, "postal_code"), buf); !p.empty()) {
    auto postal = ValidatePostalCode(p);
    KAKARI_RETURN_IF_ERROR(postal);
    i.postal_code = *postal;
  }
  i.address = std::string(util::Trim(FieldOf(row, columns, "address")));
  if (auto a = NormalizedField(FieldOf(row, columns, "association_code"), buf); !a.empty()) {
    auto assoc = ValidateAssociationCode(a);
    KAKARI_RETURN_IF_ERROR(assoc);
    if (assoc->size() <= 2 || assoc->substr(0, 2) != i.PrefectureCode()) {
      return RowError(
          "地区医師会コード " + *assoc + " は医療機関と同じ都道府県の郡市区医師会にしてください",
          "association " + *assoc +
              " must be a county association of the institution's prefecture");
    }
    i.association_code = *assoc;
  }
  return i;
}

namespace {

// The shared frame of both imports: header, transaction, per-row rejects,
// audit record, commit. `apply` returns the row's outcome or a row error.
enum class RowOutcome { kImported, kUpdated, kDuplicate };

template <class Apply>
Result<ImportReport> RunImport(const Deps& deps, const Caller* caller, RowSource& source,
                               std::span<const ColumnSpec> specs, const char* action,
                               const ProgressFn& progress, Apply apply) {
  auto columns = ColumnMap::Build(source.Header(), specs);
  KAKARI_RETURN_IF_ERROR(columns);
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  ImportReport report;
  TableRow row;
  for (int64_t n = 0; source.Next(row); ++n) {
    Result<RowOutcome> outcome =
        CheckRowText(row, source.Header()).and_then([&] { return apply(**uow, row, *columns); });
    if (!outcome) {
      if (outcome.error().code != ErrorCode::kInvalidArgument &&
          outcome.error().code != ErrorCode::kAlreadyExists) {
        return tl::unexpected(outcome.error());
      }
      report.rejected.push_back({row.line, outcome.error().message_ja, outcome.error().message_en});
    } else if (*outcome == RowOutcome::kImported) {
      ++report.imported;
    } else if (*outcome == RowOutcome::kUpdated) {
      ++report.updated;
    } else {
      ++report.duplicates;
    }
    if (progress && n % 4096 == 0) progress(source.Fraction());
  }
  std::string detail = "imported=" + std::to_string(report.imported) +
                       " updated=" + std::to_string(report.updated) +
                       " duplicates=" + std::to_string(report.duplicates) +
                       " rejected=" + std::to_string(report.rejected.size());
  KAKARI_RETURN_IF_ERROR(
      WriteAudit(**uow, deps, caller, action, "import", caller ? "api" : "cli", detail));
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  if (progress) progress(1.0);
  return report;
}

Result<ImportReport> ImportInstitutionsIn(const Deps& deps, const Caller* caller, RowSource& source,
                                          std::string_view area, const ProgressFn& progress) {
  std::unordered_set<std::string> seen;
  return RunImport(
      deps, caller, source, kInstitutionColumns, "institutions.import", progress,
      [&](UnitOfWork& uow, const TableRow& row, const ColumnMap& cols) -> Result<RowOutcome> {
        auto inst = ParseInstitutionRow(row, cols);
        KAKARI_RETURN_IF_ERROR(inst);
        if (!InArea(*inst, area)) {
          return tl::unexpected(OutsideArea(inst->code).error());
        }
        if (!seen.insert(inst->code).second) return RowOutcome::kDuplicate;
        auto known = uow.Institutions().FindByCode(inst->code);
        KAKARI_RETURN_IF_ERROR(known);
        if (!*known) {
          auto id = uow.Institutions().Insert(*inst);
          KAKARI_RETURN_IF_ERROR(id);
          return RowOutcome::kImported;
        }
        if (SameInstitution(**known, *inst)) return RowOutcome::kDuplicate;
        inst->id = (*known)->id;
        KAKARI_RETURN_IF_ERROR(uow.Institutions().Update(*inst));
        return RowOutcome::kUpdated;
      });
}

struct ParsedAffiliation {
  std::string registry_number;
  std::string institution_code;
  Affiliation affiliation;
};

Result<ParsedAffiliation> ParseAffiliationRow(const TableRow& row, const ColumnMap& columns) {
  ParsedAffiliation p;
  std::string buf;
  auto reg = ValidateRegistryNumber(NormalizedField(FieldOf(row, columns, "registry_number"), buf));
  KAKARI_RETURN_IF_ERROR(reg);
  p.registry_number = *reg;
  auto code =
      ValidateInstitutionCode(NormalizedField(FieldOf(row, columns, "institution_code"), buf));
  KAKARI_RETURN_IF_ERROR(code);
  p.institution_code = *code;
  auto started = OptionalDateField(NormalizedField(FieldOf(row, columns, "started_on"), buf));
  KAKARI_RETURN_IF_ERROR(started);
  auto ended = OptionalDateField(NormalizedField(FieldOf(row, columns, "ended_on"), buf));
  KAKARI_RETURN_IF_ERROR(ended);
  if (auto v = ValidatePeriod(*started, *ended); !v)
    return RowError(v.error().message_ja, v.error().message_en);
  p.affiliation.started_on = *started;
  p.affiliation.ended_on = *ended;
  if (auto e = NormalizedField(FieldOf(row, columns, "employment"), buf); !e.empty()) {
    p.affiliation.employment = ParseEmployment(e);
    if (!p.affiliation.employment) {
      return RowError("勤務形態「" + std::string(e) + "」は 常勤 か 非常勤 で入力してください",
                      "employment \"" + std::string(e) + "\" must be full_time or part_time");
    }
  }
  p.affiliation.source = AffiliationSource::kImport;
  p.affiliation.state = AffiliationState::kConfirmed;
  return p;
}

Result<ImportReport> ImportAffiliationsIn(const Deps& deps, const Caller* caller, RowSource& source,
                                          std::string_view area, const ProgressFn& progress) {
  std::set<std::tuple<Id, Id, std::string>> seen;
  return RunImport(
      deps, caller, source, kAffiliationColumns, "affiliations.import", progress,
      [&](UnitOfWork& uow, const TableRow& row, const ColumnMap& cols) -> Result<RowOutcome> {
        auto p = ParseAffiliationRow(row, cols);
        KAKARI_RETURN_IF_ERROR(p);
        auto doctor = uow.Doctors().FindByRegistryNumber(p->registry_number);
        KAKARI_RETURN_IF_ERROR(doctor);
        if (!*doctor) {
          return RowError("医籍登録番号 " + p->registry_number + " の医師は登録されていません",
                          "no doctor has registry number " + p->registry_number);
        }
        auto inst = uow.Institutions().FindByCode(p->institution_code);
        KAKARI_RETURN_IF_ERROR(inst);
        if (!*inst) {
          return RowError(
              "医療機関コード " + p->institution_code + " の医療機関は登録されていません",
              "no institution has code " + p->institution_code);
        }
        if (!InArea(**inst, area)) return tl::unexpected(OutsideArea(p->institution_code).error());
        Affiliation& a = p->affiliation;
        a.doctor_id = (*doctor)->id;
        a.institution_id = (*inst)->id;
        auto key = std::make_tuple(a.doctor_id, a.institution_id,
                                   a.started_on ? a.started_on->ToIso() : std::string());
        if (!seen.insert(key).second) return RowOutcome::kDuplicate;
        auto known =
            uow.Institutions().FindAffiliationByKey(a.doctor_id, a.institution_id, a.started_on);
        KAKARI_RETURN_IF_ERROR(known);
        if (!*known) {
          auto id = uow.Institutions().AddAffiliation(a);
          KAKARI_RETURN_IF_ERROR(id);
          return RowOutcome::kImported;
        }
        const Affiliation& k = **known;
        if (k.ended_on == a.ended_on && k.employment == a.employment &&
            k.state == AffiliationState::kConfirmed) {
          return RowOutcome::kDuplicate;
        }
        Affiliation updated = k;
        updated.ended_on = a.ended_on;
        updated.employment = a.employment;
        updated.state = AffiliationState::kConfirmed;  // an import speaks for both sides
        auto ok = uow.Institutions().UpdateAffiliation(updated, k.version);
        KAKARI_RETURN_IF_ERROR(ok);
        return RowOutcome::kUpdated;
      });
}

// The area an administrator may import into: the JMA everywhere, a
// prefecture administrator their prefecture; nobody else.
Result<std::string> ImportArea(const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto prefix = ScopePrefix(caller.principal);
  if (!prefix || prefix->size() > 2) {
    return Fail(ErrorCode::kPermissionDenied,
                "医療機関と勤務先の取り込みは日本医師会と都道府県医師会の管理者が行います",
                "institutions and affiliations are imported by JMA and prefecture administrators");
  }
  return *prefix;
}

}  // namespace

Result<ImportReport> ImportInstitutions(const Deps& deps, const Caller& caller, RowSource& source,
                                        const ProgressFn& progress) {
  auto area = ImportArea(caller);
  KAKARI_RETURN_IF_ERROR(area);
  return ImportInstitutionsIn(deps, &caller, source, *area, progress);
}

Result<ImportReport> ImportAffiliations(const Deps& deps, const Caller& caller, RowSource& source,
                                        const ProgressFn& progress) {
  auto area = ImportArea(caller);
  KAKARI_RETURN_IF_ERROR(area);
  return ImportAffiliationsIn(deps, &caller, source, *area, progress);
}

}  // namespace kakari::core
