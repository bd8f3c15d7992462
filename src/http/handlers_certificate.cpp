// Certificates over HTTP: the doctor's list and PDF download, staff reissue
// and revocation, and public verification (JSON and a plain HTML page for
// the QR code, both rate-limited per address).
#include <chrono>
#include <mutex>
#include <unordered_map>

#include "core/domain/wareki.hpp"
#include "core/services/certificate_service.hpp"
#include "http/api_context.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

// A fixed one-minute window per address: enough to stop scraping of the
// verification endpoint, invisible to a person checking certificates.
class VerifyLimiter {
 public:
  // Seconds to wait, or 0 when the request may go ahead.
  int Admit(const std::string& address, int64_t now, int per_minute) {
    std::lock_guard lock(mu_);
    if (windows_.size() > 100000) windows_.clear();  // bounded memory
    auto& w = windows_[address];
    if (now - w.start >= 60) w = {now, 0};
    if (++w.count > per_minute) return static_cast<int>(60 - (now - w.start));
    return 0;
  }

 private:
  struct Window {
    int64_t start = 0;
    int count = 0;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
};

VerifyLimiter& Limiter() {
  static VerifyLimiter limiter;
  return limiter;
}

std::optional<core::Error> RateLimited(const ApiContext& c) {
  int wait = Limiter().Admit(c.req.remote_address, c.deps.clock.NowUnixSeconds(),
                             c.config.verify_per_minute);
  if (wait == 0) return std::nullopt;
  core::Error e{core::ErrorCode::kRateLimited,
                "確認の回数が多すぎます。少し待ってからお試しください",
                "too many verification requests; try again shortly", "", ""};
  e.retry_after_seconds = std::max(wait, 1);
  return e;
}

nlohmann::json AnswerJson(const core::VerifyAnswer& a) {
  nlohmann::json j{{"verdict", core::VerdictName(a.verdict)}};
  if (a.verdict == core::Verdict::kNotGenuine) return j;  // nothing about any certificate
  j["number"] = a.number;
  j["version"] = a.version;
  j["latest_version"] = a.latest_version;
  j["name"] = a.name;
  j["programme"] = a.programme;
  j["issued_on"] = a.issued_on ? nlohmann::json(a.issued_on->ToIso()) : nullptr;
  j["issued_on_wareki"] = a.issued_on ? nlohmann::json(core::FormatWareki(*a.issued_on)) : nullptr;
  if (a.verdict == core::Verdict::kRevoked) j["revoked_reason"] = a.revoked_reason;
  return j;
}

std::optional<int> VersionQuery(const ApiContext& c) {
  auto it = c.req.query.find("version");
  if (it == c.req.query.end() || !util::IsAsciiDigits(it->second) || it->second.size() > 6) {
    return std::nullopt;
  }
  return std::stoi(it->second);
}

struct VerdictText {
  const char* ja;
  const char* en;
  const char* colour;
};

VerdictText TextOf(core::Verdict v) {
  switch (v) {
    case core::Verdict::kValid:
      return {"有効な修了証です", "This certificate is valid", "#1a7f37"};
    case core::Verdict::kSuperseded:
      return {"再交付により新しい版があります（この版は旧版です）",
              "Superseded: a newer version of this certificate was issued", "#9a6700"};
    case core::Verdict::kRevoked:
      return {"この修了証は取り消されています", "This certificate has been revoked", "#cf222e"};
    case core::Verdict::kNotGenuine:
      return {"確認できません：検証コードがこの番号の修了証と一致しません",
              "Not confirmed: the code does not match a certificate with this number", "#cf222e"};
    case core::Verdict::kUnknown:
      break;
  }
  return {"この番号の修了証はありません", "No certificate has this number", "#cf222e"};
}

std::string VerifyPage(const core::VerifyAnswer& a) {
  VerdictText t = TextOf(a.verdict);
  std::string rows;
  if (a.verdict != core::Verdict::kNotGenuine && a.verdict != core::Verdict::kUnknown) {
    auto row = [&](const char* ja, const char* en, const std::string& v) {
      rows += "<tr><th>" + std::string(ja) + " <span lang=\"en\">" + en + "</span></th><td>" +
              util::HtmlEscape(v) + "</td></tr>";
    };
    row("番号", "Number", a.number + "（第" + std::to_string(a.version) + "版）");
    row("氏名", "Name", a.name);
    row("研修", "Programme", a.programme);
    if (a.issued_on) {
      row("発行日", "Issued",
          core::FormatWareki(*a.issued_on) + "（" + a.issued_on->ToIso() + "）");
    }
    if (a.verdict == core::Verdict::kRevoked) row("取消理由", "Reason", a.revoked_reason);
  }
  return "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>修了証の確認 / Certificate check</title><style>"
         "body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;"
         "line-height:1.6}h1{font-size:1.3rem}.v{border-left:.4rem solid " +
         std::string(t.colour) +
         ";padding:.5rem 1rem;font-weight:bold}th{text-align:left;padding-right:1rem;"
         "vertical-align:top}span[lang=en]{color:#555;font-weight:normal;font-size:.9em}"
         "</style></head><body><h1>修了証の確認 <span lang=\"en\">Certificate check</span></h1>"
         "<p class=\"v\" role=\"status\">" +
         t.ja + "<br><span lang=\"en\">" + t.en + "</span></p><table>" + rows +
         "</table><p><small>かかりつけ医機能報告制度にかかる研修 — "
         "Kakari</small></p></body></html>";
}

core::Result<core::VerifyAnswer> Answer(const ApiContext& c) {
  auto code = c.req.query.find("c");
  if (code == c.req.query.end() || code->second.empty()) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "検証コード（c）がありません。QRコードのアドレスをそのまま開いてください",
                      "the verification code (c) is missing; open the QR code's address as is",
                      "c");
  }
  auto a = core::VerifyOnline(c.deps, c.Param("number"), code->second);
  if (!a && a.error().code == core::ErrorCode::kNotFound) {
    return core::VerifyAnswer{core::Verdict::kUnknown, "", 0, 0, "", "", {}, ""};
  }
  return a;
}

}  // namespace

nlohmann::json CertificateJson(const core::Certificate& cert) {
  nlohmann::json j{{"number", cert.issued.number},
                   {"version", cert.issued.version},
                   {"status", core::CertificateStatusName(cert.status)},
                   {"issued_on", cert.issued.issued_on.ToIso()},
                   {"issued_on_wareki", core::FormatWareki(cert.issued.issued_on)},
                   {"name", cert.issued.name},
                   {"programme", cert.issued.programme_name},
                   {"delivery", cert.delivery},
                   {"mailed_at", cert.mailed_at ? nlohmann::json(*cert.mailed_at) : nullptr}};
  if (cert.status == core::CertificateStatus::kRevoked) j["revoked_reason"] = cert.revoked_reason;
  return j;
}

ApiResponse Attachment(std::string content_type, std::string body, const std::string& filename) {
  ApiResponse r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename*=UTF-8''" + util::PercentEncode(filename));
  return r;
}

ApiResponse PdfResponse(std::string pdf, const std::string& filename) {
  return Attachment("application/pdf", std::move(pdf), filename);
}

ApiResponse PdfFileResponse(core::Result<core::PdfFile> pdf) {
  if (!pdf) return Fails(pdf.error());
  return PdfResponse(std::move(pdf->bytes), pdf->filename);
}

ApiResponse GetMyCertificates(ApiContext& c) {
  auto list = core::MyCertificates(c.deps, c.caller);
  if (!list) return Fails(list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& cert : *list) items.push_back(CertificateJson(cert));
  return JsonResponse(200, {{"items", items}});
}

ApiResponse GetCertificatePdf(ApiContext& c) {
  return PdfFileResponse(core::CertificatePdf(c.deps, c.caller, c.Param("number"), VersionQuery(c),
                                              c.config.public_url));
}

ApiResponse PostReissue(ApiContext& c) {
  BodyReader in(c.body);
  std::string reason = in.String("reason");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto cert = core::Reissue(c.deps, c.caller, c.Param("number"), reason);
  if (!cert) return Fails(cert.error());
  return JsonResponse(201, CertificateJson(*cert));
}

ApiResponse PostRevoke(ApiContext& c) {
  BodyReader in(c.body);
  std::string reason = in.String("reason");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (auto s = core::Revoke(c.deps, c.caller, c.Param("number"), reason); !s) {
    return Fails(s.error());
  }
  return JsonResponse(200, {{"number", c.Param("number")}, {"status", "revoked"}});
}

ApiResponse GetVerify(ApiContext& c) {
  if (auto limited = RateLimited(c)) return Fails(*limited);
  auto a = Answer(c);
  if (!a) return Fails(a.error());
  return JsonResponse(a->verdict == core::Verdict::kUnknown ? 404 : 200, AnswerJson(*a));
}

ApiResponse GetVerifyPage(ApiContext& c) {
  ApiResponse r;
  r.content_type = "text/html; charset=utf-8";
  if (auto limited = RateLimited(c)) {
    r = Fails(*limited);
    return r;
  }
  auto a = Answer(c);
  if (!a) {
    r.status = a.error().code == core::ErrorCode::kInvalidArgument ? 400 : 500;
    r.body = VerifyPage(core::VerifyAnswer{core::Verdict::kNotGenuine, "", 0, 0, "", "", {}, ""});
    return r;
  }
  r.status = a->verdict == core::Verdict::kUnknown ? 404 : 200;
  r.body = VerifyPage(*a);
  return r;
}

}  // namespace kakari::http
