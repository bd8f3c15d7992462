#include "core/domain/gmis_document.hpp"

#include "core/domain/wareki.hpp"
#include "util/strings.hpp"

namespace kakari::core {

std::string AnswerWords(const GmisAnswer& a) {
  switch (a.exempt) {
    case ExemptReason::kDental:
      return "報告対象外（歯科医療機関）";
    case ExemptReason::kAdvancedTreatment:
      return "報告対象外（特定機能病院）";
    case ExemptReason::kNone:
      break;
  }
  return a.answer.value_or(false) ? "有り" : "無し";
}

std::string VerificationLink(std::string_view public_url, std::string_view number,
                             std::string_view payload) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base + "/verify/" + util::PercentEncode(number);
  if (!payload.empty()) url += "?c=" + std::string(payload);
  return url;
}

AnswerSheetDocument AnswerSheetFor(const GmisAnswer& a, std::string_view public_url,
                                   const Date& made_on) {
  AnswerSheetDocument d;
  d.question = std::string("かかりつけ医機能報告（1号機能）「") + kGmisQuestion + "」";
  d.fields = {{"医療機関名", a.institution.name},
              {"医療機関コード", a.institution.code},
              {"基準日", FormatWareki(a.as_of) + "（" + a.as_of.ToIso() + "）"},
              {"回答", AnswerWords(a)}};
  d.answer = AnswerWords(a);
  d.table_title = a.completed.empty() ? "基準日に修了証が有効な勤務医師はいません"
                                      : "基準日に修了証が有効な勤務医師";
  for (const auto& c : a.completed) {
    d.completed.push_back({c.name, c.registry_number, c.certificate_number,
                           FormatWareki(c.issued_on),
                           VerificationLink(public_url, c.certificate_number, c.payload)});
  }
  d.notes = {
      "G-MISでは修了者の有無のみを回答します。氏名や修了証の提出は求められません。",
      "この確認票は回答の根拠として保管してください。QRコードから各修了証の真正性を確認できます。",
      "日本医師会の本研修以外の研修も、この項目の修了に当たる場合があります。",
  };
  if (a.exempt != ExemptReason::kNone) {
    d.notes.insert(d.notes.begin(),
                   "この医療機関はかかりつけ医機能報告の対象外のため、この項目の回答は不要です。");
  }
  d.footer = "Kakari（かかりつけ医機能報告制度にかかる研修 登録システム）にて " +
             FormatWareki(made_on) + " 作成";
  return d;
}

using util::CsvField;

// The answer sheet as CSV (UTF-8 with BOM, as Excel expects).
std::string AnswerCsv(const GmisAnswer& a, std::string_view public_url) {
  std::string s = "\xEF\xBB\xBF";
  s += "医療機関コード,名称,基準日,研修の修了者の有無\r\n";
  s += CsvField(a.institution.code) + "," + CsvField(a.institution.name) + "," + a.as_of.ToIso() +
       "," + AnswerWords(a) + "\r\n\r\n";
  s += "医籍登録番号,氏名,修了証番号,交付日,確認URL\r\n";
  for (const auto& c : a.completed) {
    s += CsvField(c.registry_number) + "," + CsvField(c.name) + "," +
         CsvField(c.certificate_number) + "," + c.issued_on.ToIso() + "," +
         CsvField(VerificationLink(public_url, c.certificate_number, c.payload)) + "\r\n";
  }
  return s;
}

std::string CoverageCsv(const Coverage& cov) {
  std::string s = "医療機関コード,名称,勤務医師数,最も近い医師の不足単位\r\n";
  for (const auto& w : cov.without) {
    s += CsvField(w.code) + "," + CsvField(w.name) + "," + std::to_string(w.doctors) + "," +
         (w.closest_shortfall ? w.closest_shortfall->ToString() : "") + "\r\n";
  }
  return s;
}

}  // namespace kakari::core
