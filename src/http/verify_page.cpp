#include "http/verify_page.hpp"

#include "core/domain/wareki.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

struct Words {
  const char* ja;
  const char* en;
  const char* colour;
};

Words VerdictWords(core::Verdict v) {
  switch (v) {
    case core::Verdict::kValid:
      return {"有効な修了証です", "This certificate is valid", "#1a7f37"};
    case core::Verdict::kSuperseded:
      return {"再交付により新しい版があります（この版は旧版です）",
              "Superseded: a newer version of this certificate was issued", "#9a6700"};
    case core::Verdict::kRevoked:
      return {"この修了証は取り消されています", "This certificate has been revoked", "#cf222e"};
    case core::Verdict::kNotGenuine:
      return {"本物と確認できません：検証コードがこの番号の修了証と一致しません",
              "Not genuine: the code does not match a certificate with this number", "#cf222e"};
    case core::Verdict::kUnknown:
      break;
  }
  return {"この番号の修了証はありません", "No certificate has this number", "#cf222e"};
}

Words NoteWords(VerifyPageNote note) {
  switch (note) {
    case VerifyPageNote::kMalformedCode:
      return {
          "確認コードの形が違います。修了証に印刷された10文字（例: 7K3M9-QX2AB）を入れてください",
          "That is not a check code: type the 10 characters printed on the certificate "
          "(e.g. 7K3M9-QX2AB)",
          "#cf222e"};
    case VerifyPageNote::kUnknownCode:
      return {"この確認コードの修了証はありません。印刷された文字をもう一度確かめてください",
              "No certificate has this check code. Compare it with the certificate once more",
              "#cf222e"};
    case VerifyPageNote::kAskForCode:
    case VerifyPageNote::kNone:
      break;
  }
  return {"修了証に印刷された確認コード（10文字）を入れてください",
          "Type the check code printed on the certificate (10 characters)", "#1f5f8b"};
}

std::string Rows(const core::VerifyAnswer& a) {
  if (a.verdict == core::Verdict::kNotGenuine || a.verdict == core::Verdict::kUnknown) return "";
  std::string rows;
  auto row = [&](const char* ja, const char* en, const std::string& v) {
    rows += "<tr><th scope=\"row\">" + std::string(ja) + " <span lang=\"en\">" + en +
            "</span></th><td>" + util::HtmlEscape(v) + "</td></tr>";
  };
  row("番号", "Number", a.number + "（第" + std::to_string(a.version) + "版）");
  row("氏名", "Name", a.name);
  row("研修", "Programme", a.programme);
  if (a.issued_on) {
    row("発行日", "Issued", core::FormatWareki(*a.issued_on) + "（" + a.issued_on->ToIso() + "）");
  }
  if (a.verdict == core::Verdict::kRevoked) row("取消理由", "Reason", a.revoked_reason);
  return "<table>" + rows + "</table>";
}

std::string CodeForm(const std::string& typed, bool invalid) {
  return "<form method=\"get\" action=\"/v\"><label for=\"code\">確認コード <span "
         "lang=\"en\">Check code</span></label><input id=\"code\" name=\"code\" "
         "autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" "
         "maxlength=\"40\" placeholder=\"7K3M9-QX2AB\" value=\"" +
         util::HtmlEscape(typed) + "\"" + (invalid ? " aria-invalid=\"true\"" : "") +
         " aria-describedby=\"state\"><button type=\"submit\">確認する <span "
         "lang=\"en\">Check</span></button></form>";
}

}  // namespace

std::string VerifyPageHtml(const core::VerifyAnswer* answer, VerifyPageNote note,
                           const std::string& typed) {
  Words w = answer != nullptr ? VerdictWords(answer->verdict) : NoteWords(note);
  bool invalid = note == VerifyPageNote::kMalformedCode || note == VerifyPageNote::kUnknownCode;
  return "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>修了証の確認 / Certificate check</title><style>"
         "body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;"
         "line-height:1.6;color:#1b1f24}h1{font-size:1.3rem}.v{border-left:.4rem solid " +
         std::string(w.colour) +
         ";padding:.5rem 1rem;font-weight:bold}th{text-align:left;padding-right:1rem;"
         "vertical-align:top}span[lang=en]{color:#555;font-weight:normal;font-size:.9em}"
         "form{margin-top:1.5rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}"
         "label{width:100%;font-weight:bold}input{font:inherit;font-size:1.2rem;padding:.5rem;"
         "min-height:44px;width:12em;letter-spacing:.08em;border:1px solid #57606a;"
         "border-radius:6px}button{font:inherit;min-height:44px;padding:.5rem 1rem;"
         "border-radius:6px;border:1px solid #1f5f8b;background:#1f5f8b;color:#fff}"
         "button span[lang=en]{color:#fff}"
         "</style></head><body><main><h1>修了証の確認 <span lang=\"en\">Certificate "
         "check</span></h1><p class=\"v\" id=\"state\" role=\"status\">" +
         w.ja + "<br><span lang=\"en\">" + w.en + "</span></p>" +
         (answer != nullptr ? Rows(*answer) : "") + CodeForm(invalid ? typed : "", invalid) +
         "<p><small>かかりつけ医機能報告制度にかかる研修 — Kakari</small></p></main></body></html>";
}

}  // namespace kakari::http
