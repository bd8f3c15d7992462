#include "core/services/doctor_import.hpp"

#include <array>
#include <unordered_map>
#include <unordered_set>

#include "core/domain/field_text.hpp"
#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

constexpr std::array<ColumnSpec, 9> kDoctorColumns = {{
    {"registry_number", "医籍登録番号", true},
    {"name", "氏名", true},
    {"kana", "フリガナ", true},
    {"birth_date", "生年月日", true},
    {"association_code", "所属医師会コード", true},
    {"member_id", "会員番号", false},
    {"email", "メールアドレス", false},
    {"postal_code", "郵便番号", false},
    {"address", "住所", false},
}};

// Fills the optional contact fields; each is checked only when present.
Status ReadContact(const TableRow& row, const ColumnMap& columns, Doctor& d) {
  std::string buf;
  if (auto m = NormalizedField(FieldOf(row, columns, "member_id"), buf); !m.empty()) {
    auto id = ValidateMemberId(m);
    KAKARI_RETURN_IF_ERROR(id);
    d.member_id = *id;
  }
  if (auto e = NormalizedField(FieldOf(row, columns, "email"), buf); !e.empty()) {
    auto email = ValidateEmail(e);
    KAKARI_RETURN_IF_ERROR(email);
    d.email = *email;
  }
  if (auto p = NormalizedField(FieldOf(row, columns, "postal_code"), buf); !p.empty()) {
    auto postal = ValidatePostalCode(p);
    KAKARI_RETURN_IF_ERROR(postal);
    d.postal_code = *postal;
  }
  // The address keeps its full-width form, as written on envelopes.
  d.address = std::string(util::Trim(FieldOf(row, columns, "address")));
  return {};
}

}  // namespace

std::span<const ColumnSpec> DoctorColumns() { return kDoctorColumns; }

Result<ParsedDoctor> ParseDoctorRow(const TableRow& row, const ColumnMap& columns,
                                    const Date& today) {
  ParsedDoctor out;
  Doctor& d = out.doctor;
  std::string buf;
  auto reg = ValidateRegistryNumber(NormalizedField(FieldOf(row, columns, "registry_number"), buf));
  KAKARI_RETURN_IF_ERROR(reg);
  d.registry_number = *reg;
  // Names keep their kanji exactly (髙 stays 髙); only spacing is tidied.
  d.name = std::string(util::Trim(FieldOf(row, columns, "name")));
  if (d.name.empty()) return RowError("氏名が空です", "name is empty");
  d.kana = KatakanaReading(FieldOf(row, columns, "kana"));
  if (!IsKatakanaReading(d.kana)) {
    return RowError("フリガナ「" + d.kana + "」はカタカナで入力してください",
                    "kana \"" + d.kana + "\" must be katakana");
  }
  auto birth = ParseDate(NormalizedField(FieldOf(row, columns, "birth_date"), buf));
  KAKARI_RETURN_IF_ERROR(birth);
  if (today < *birth || *birth < Date{1900, 1, 1}) {
    return RowError("生年月日 " + birth->ToIso() + " があり得ない日付です",
                    "birth date " + birth->ToIso() + " is not plausible");
  }
  d.birth_date = *birth;
  auto assoc =
      ValidateAssociationCode(NormalizedField(FieldOf(row, columns, "association_code"), buf));
  KAKARI_RETURN_IF_ERROR(assoc);
  out.association_code = *assoc;
  KAKARI_RETURN_IF_ERROR(ReadContact(row, columns, d));
  return out;
}

namespace {

// Resolves association codes to ids once per code.
class AssociationCache {
 public:
  explicit AssociationCache(OrganisationRepository& orgs) : orgs_(orgs) {}
  Result<Id> Find(const std::string& code) {
    auto it = ids_.find(code);
    if (it != ids_.end()) return it->second;
    auto org = orgs_.FindByCode(code);
    KAKARI_RETURN_IF_ERROR(org);
    if (!*org || (*org)->level == OrgLevel::kNational) {
      return RowError("医師会コード " + code + " の医師会は登録されていません",
                      "no association has code " + code);
    }
    ids_[code] = (*org)->id;
    return (*org)->id;
  }

 private:
  OrganisationRepository& orgs_;
  std::unordered_map<std::string, Id> ids_;
};

Result<ImportReport> ImportDoctorRows(Store& store, RowSource& source, const Date& today,
                                      const ProgressFn& progress) {
  auto columns = ColumnMap::Build(source.Header(), kDoctorColumns);
  KAKARI_RETURN_IF_ERROR(columns);
  auto uow = store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto& doctors = (*uow)->Doctors();
  auto known = doctors.RegistryIndex();
  KAKARI_RETURN_IF_ERROR(known);
  AssociationCache associations((*uow)->Organisations());
  std::unordered_set<std::string> seen;
  ImportReport report;
  TableRow row;
  for (int64_t n = 0; source.Next(row); ++n) {
    auto reject = [&](const Error& e) {
      report.rejected.push_back({row.line, e.message_ja, e.message_en});
    };
    if (auto t = CheckRowText(row, source.Header()); !t) {
      reject(t.error());
      continue;
    }
    auto parsed = ParseDoctorRow(row, *columns, today);
    if (!parsed) {
      reject(parsed.error());
      continue;
    }
    auto assoc = associations.Find(parsed->association_code);
    if (!assoc) {
      reject(assoc.error());
      continue;
    }
    Doctor& d = parsed->doctor;
    d.home_association_id = *assoc;
    if (!seen.insert(d.registry_number).second) {
      ++report.duplicates;
      continue;
    }
    auto existing = known->find(d.registry_number);
    if (existing != known->end()) {
      d.id = existing->second;
      auto u = doctors.Update(d);
      if (!u && u.error().code != ErrorCode::kAlreadyExists) return tl::unexpected(u.error());
      if (!u) {
        reject(u.error());
        continue;
      }
      ++report.updated;
    } else {
      auto id = doctors.Insert(d);
      if (!id && id.error().code != ErrorCode::kAlreadyExists) return tl::unexpected(id.error());
      if (!id) {
        reject(id.error());
        continue;
      }
      ++report.imported;
    }
    if (progress && n % 4096 == 0) progress(source.Fraction());
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  if (progress) progress(1.0);
  return report;
}

}  // namespace

Result<ImportReport> ImportDoctors(const Deps& deps, const Caller& caller, RowSource& source,
                                   const ProgressFn& progress) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  auto report = ImportDoctorRows(deps.store, source, deps.clock.TodayInJapan(), progress);
  if (!report) return report;
  std::string detail = "imported=" + std::to_string(report->imported) +
                       " duplicates=" + std::to_string(report->duplicates) +
                       " rejected=" + std::to_string(report->rejected.size());
  KAKARI_RETURN_IF_ERROR(RecordCommittedChange(deps, caller, "doctors.import", "doctors",
                                               caller.command_line ? "command line" : "api",
                                               detail));
  return report;
}

}  // namespace kakari::core
