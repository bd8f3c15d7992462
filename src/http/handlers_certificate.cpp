// Certificates over HTTP: the doctor's list and PDF download, staff reissue
// and revocation, and public verification (JSON and a plain HTML page for
// the QR code, both rate-limited per address).
#include <chrono>
#include <mutex>
#include <unordered_map>

#include "core/domain/wareki.hpp"
#include "core/services/certificate_service.hpp"
#include "http/api_context.hpp"
#include "http/verify_page.hpp"
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

namespace {

ApiResponse HtmlPage(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return r;
}

int StatusOf(const core::VerifyAnswer& a) {
  return a.verdict == core::Verdict::kUnknown ? 404 : 200;
}

// A short code's page: the verdict, or why there is none.
ApiResponse CodePage(ApiContext& c, const std::string& typed) {
  if (typed.empty()) return HtmlPage(200, VerifyPageHtml(nullptr, VerifyPageNote::kAskForCode));
  auto a = core::VerifyByCode(c.deps, typed);
  if (a) return HtmlPage(StatusOf(*a), VerifyPageHtml(&*a, VerifyPageNote::kNone));
  switch (a.error().code) {
    case core::ErrorCode::kInvalidArgument:
      return HtmlPage(400, VerifyPageHtml(nullptr, VerifyPageNote::kMalformedCode, typed));
    case core::ErrorCode::kNotFound:
      return HtmlPage(404, VerifyPageHtml(nullptr, VerifyPageNote::kUnknownCode, typed));
    default:
      return Fails(a.error());
  }
}

}  // namespace

ApiResponse GetVerifyPage(ApiContext& c) {
  if (auto limited = RateLimited(c)) return Fails(*limited);
  if (QueryValue(c, "c").value_or("").empty()) {
    // The number alone (typed from paper): say whether it exists, ask for the code.
    auto a = core::VerifyOnline(c.deps, c.Param("number"), "");
    if (!a && a.error().code == core::ErrorCode::kNotFound) {
      core::VerifyAnswer unknown{core::Verdict::kUnknown, "", 0, 0, "", "", {}, ""};
      return HtmlPage(404, VerifyPageHtml(&unknown, VerifyPageNote::kNone));
    }
    return HtmlPage(200, VerifyPageHtml(nullptr, VerifyPageNote::kAskForCode));
  }
  auto a = Answer(c);
  if (!a) {
    core::VerifyAnswer forged{core::Verdict::kNotGenuine, "", 0, 0, "", "", {}, ""};
    if (a.error().code != core::ErrorCode::kInvalidArgument) return Fails(a.error());
    return HtmlPage(400, VerifyPageHtml(&forged, VerifyPageNote::kNone));
  }
  return HtmlPage(StatusOf(*a), VerifyPageHtml(&*a, VerifyPageNote::kNone));
}

ApiResponse GetShortVerifyPage(ApiContext& c) {
  if (auto limited = RateLimited(c)) return Fails(*limited);
  return CodePage(c, c.Param("code"));
}

ApiResponse GetVerifyForm(ApiContext& c) {
  if (auto limited = RateLimited(c)) return Fails(*limited);
  return CodePage(c, QueryValue(c, "code").value_or(""));
}

ApiResponse GetVerifyByCode(ApiContext& c) {
  if (auto limited = RateLimited(c)) return Fails(*limited);
  auto a = core::VerifyByCode(c.deps, c.Param("code"));
  if (!a && a.error().code == core::ErrorCode::kNotFound) {
    return JsonResponse(404, {{"verdict", "unknown"}});
  }
  if (!a) return Fails(a.error());
  return JsonResponse(StatusOf(*a), AnswerJson(*a));
}

}  // namespace kakari::http
