// Dispatch: the one road every API request takes — authenticate (session
// cookie with CSRF token, or bearer API token), check the body's type and
// size, read the idempotency key, call the handler.
#include <iostream>

#include "core/domain/validation.hpp"
#include "core/ports/snapshot_store.hpp"
#include "http/api_context.hpp"
#include "http/api_json.hpp"
#include "http/error_status.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

constexpr const char* kSessionCookie = "kakari_session";

std::string CookieValue(const std::string& header, std::string_view name) {
  for (auto part : util::Split(header, ';')) {
    part = util::Trim(part);
    if (util::StartsWith(part, name) && part.size() > name.size() && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
  }
  return "";
}

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Fills ctx.caller from a bearer token or a session cookie (with CSRF check).
core::Status Authenticate(ApiContext& ctx) {
  std::string auth = ctx.req.Header("authorization");
  if (util::StartsWith(auth, "Bearer ")) {
    auto p = core::AuthenticateToken(ctx.deps, util::Trim(std::string_view(auth).substr(7)));
    KAKARI_RETURN_IF_ERROR(p);
    ctx.caller.principal = *p;
    return {};
  }
  auto s = core::AuthenticateSession(ctx.deps, ctx.config.auth.session,
                                     CookieValue(ctx.req.Header("cookie"), kSessionCookie));
  KAKARI_RETURN_IF_ERROR(s);
  if (ChangesState(ctx.req.method) &&
      !core::CsrfMatches(ctx.deps, *s, ctx.req.Header("x-csrf-token"))) {
    return tl::unexpected(core::MakeError(
        core::ErrorCode::kPermissionDenied,
        "画面を再読み込みしてからもう一度操作してください（CSRFトークンが一致しません）",
        "reload the page and try again (the CSRF token does not match)", "X-CSRF-Token"));
  }
  ctx.caller.principal = s->principal;
  ctx.session = *s;
  return {};
}

// Path parameters, query values and the headers whose text is kept are
// clean single-line text (the JSON body is checked as it is parsed).
core::Status CheckRequestText(const ApiRequest& req) {
  for (const auto* part : {&req.params, &req.query}) {
    for (const auto& [name, value] : *part) {
      KAKARI_RETURN_IF_ERROR(core::RequireCleanText(name, name, false));
      KAKARI_RETURN_IF_ERROR(core::RequireCleanText(value, name, false));
    }
  }
  KAKARI_RETURN_IF_ERROR(
      core::RequireCleanText(util::PercentDecode(req.Header("x-file-name")), "X-File-Name", false));
  return core::RequireCleanText(req.Header("idempotency-key"), "Idempotency-Key", false);
}

core::Status ReadBody(ApiContext& ctx, BodyKind kind) {
  const ApiRequest& req = ctx.req;
  if (kind == BodyKind::kNone || kind == BodyKind::kBinary) return {};
  if (req.body.empty() && !ChangesState(req.method)) return {};
  size_t limit =
      kind == BodyKind::kLargeJson ? 16 * ctx.config.max_json_bytes : ctx.config.max_json_bytes;
  if (req.body.size() > limit) {
    std::string kb = std::to_string(limit / 1024);
    return tl::unexpected(core::MakeError(core::ErrorCode::kTooLarge,
                                          "送信内容が大きすぎます（" + kb + "KBまで）",
                                          "the request body is too large (" + kb + " KB at most)"));
  }
  std::string type = req.Header("content-type");
  if (!util::StartsWith(type, "application/json")) {
    return tl::unexpected(core::MakeError(core::ErrorCode::kUnsupportedFormat,
                                          "Content-Type は application/json にしてください",
                                          "send Content-Type: application/json", "Content-Type"));
  }
  auto body = ParseJsonBody(req.body.empty() ? "{}" : req.body);
  KAKARI_RETURN_IF_ERROR(body);
  ctx.body = std::move(*body);
  return {};
}

}  // namespace

std::string ApiRequest::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

ApiResponse JsonResponse(int status, const nlohmann::json& body) {
  ApiResponse r;
  r.status = status;
  r.body = body.dump();
  return r;
}

ApiResponse ErrorResponse(const core::Error& e) {
  if (e.code == core::ErrorCode::kInternal || e.code == core::ErrorCode::kUnavailable) {
    std::cerr << "kakari: " << ApiErrorName(e.code) << ": " << e.detail << "\n";
  }
  ApiResponse r;
  r.status = HttpStatus(e.code);
  r.body = ErrorBody(e);
  if (e.retry_after_seconds > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(e.retry_after_seconds));
  }
  return r;
}

namespace {

ApiResponse DispatchWith(const Route& route, const ApiRequest& req, const core::Deps& deps,
                         const ApiConfig& config) {
  ApiContext ctx{req, deps, config, {}, std::nullopt, nlohmann::json::object()};
  ctx.caller.remote_address = req.remote_address;
  if (route.guard.authenticated) {
    if (auto a = Authenticate(ctx); !a) return ErrorResponse(a.error());
    if (auto g = CheckGuard(route.guard, ctx.caller.principal); !g) {
      return ErrorResponse(g.error());
    }
  }
  if (auto t = CheckRequestText(req); !t) return ErrorResponse(t.error());
  if (auto b = ReadBody(ctx, route.body); !b) return ErrorResponse(b.error());
  ctx.caller.idempotency_key = req.Header("idempotency-key");
  if (!ctx.caller.idempotency_key.empty()) {
    ctx.caller.fingerprint = deps.crypto.Sha256Hex(req.method + " " + req.path + "\n" + req.body);
  }
  return route.handler(ctx);
}

}  // namespace

ApiResponse Dispatch(const Route& route, const ApiRequest& req, const core::Deps& deps,
                     const ApiConfig& config) {
  // A cheap GET's reads (the session check and the answer) share one read
  // transaction. Safe because every GET service reads in one transaction or
  // writes in one write transaction, never reads again after writing. Only
  // for inline routes: a read transaction held across a slower request's
  // audit commit kept the write-ahead log from being reset, and it grew
  // without bound under load.
  if (route.lane == Lane::kInline && req.method == "GET") {
    core::SnapshotStore snapshot(deps.store);
    core::Deps shared{snapshot, deps.crypto, deps.clock};
    return DispatchWith(route, req, shared, config);
  }
  return DispatchWith(route, req, deps, config);
}

const std::vector<Route>& Routes() {
  using P = core::Permission;
  constexpr uint32_t kOwn = ScopeBit(P::kOwnRecord);
  constexpr uint32_t kReview = ScopeBit(P::kReview);
  constexpr uint32_t kAdminister = ScopeBit(P::kAdminister);
  constexpr uint32_t kInstitution = ScopeBit(P::kInstitutionView);
  constexpr uint32_t kImportCredits = ScopeBit(P::kImportCredits);
  using B = BodyKind;
  using L = Lane;
  static const std::vector<Route> routes = {
      {"POST", "/api/v1/session", Public(), B::kJson, L::kSlow, PostSession},
      {"GET", "/api/v1/session", SessionOnly(), B::kNone, L::kInline, GetSession},
      {"DELETE", "/api/v1/session", SessionOnly(), B::kNone, L::kWorker, DeleteSession},
      {"POST", "/api/v1/session/one-time-code", Public(), B::kJson, L::kSlow, PostOneTimeCodeLogin},
      {"POST", "/api/v1/me/password", SessionOnly(), B::kJson, L::kSlow, PostPassword},
      {"POST", "/api/v1/me/password/check", SessionOnly(), B::kJson, L::kInline,
       PostMyPasswordCheck},
      {"POST", "/api/v1/password-check", Public(), B::kJson, L::kInline, PostPasswordCheck},
      // Everyone signed in has an inbox: doctors, staff and institutions.
      {"GET", "/api/v1/me/notices", Needs(kOwn | kReview | kInstitution), B::kNone, L::kInline,
       GetMyNotices},
      {"POST", "/api/v1/me/notices/:id/read", Needs(kOwn | kReview | kInstitution), B::kJson,
       L::kWorker, PostNoticeRead},
      {"PUT", "/api/v1/me/notice-preferences", Needs(kOwn | kReview | kInstitution), B::kJson,
       L::kWorker, PutNoticePreferences},
      {"GET", "/api/v1/staff/notices/failed", Needs(kReview), B::kNone, L::kWorker,
       GetFailedDeliveries},
      {"GET", "/api/v1/me/progress", Needs(kOwn), B::kNone, L::kInline, GetMyProgress},
      {"GET", "/api/v1/me/credits", Needs(kOwn), B::kNone, L::kInline, GetMyCredits},
      {"GET", "/api/v1/me/items", Needs(kOwn), B::kNone, L::kInline, GetMyItems},
      {"GET", "/api/v1/me/items/:kind/:id", Needs(kOwn), B::kNone, L::kInline, GetMyItem},
      {"POST", "/api/v1/me/items/:kind/:id/withdraw", Needs(kOwn), B::kJson, L::kWorker,
       PostWithdraw},
      {"POST", "/api/v1/me/items/:kind/:id/resubmit", Needs(kOwn), B::kJson, L::kWorker,
       PostResubmit},
      {"POST", "/api/v1/me/activities", Needs(kOwn), B::kJson, L::kWorker, PostActivity},
      {"POST", "/api/v1/me/declarations", Needs(kOwn), B::kJson, L::kWorker, PostDeclaration},
      {"GET", "/api/v1/me/applications/preview", Needs(kOwn), B::kNone, L::kWorker,
       GetApplicationPreview},
      {"POST", "/api/v1/me/applications", Needs(kOwn), B::kJson, L::kWorker, PostApplication},
      {"GET", "/api/v1/activity-categories", Public(), B::kNone, L::kInline, GetCategories},
      {"POST", "/api/v1/files", Needs(kOwn | kReview), B::kBinary, L::kSlow, PostFile},
      {"GET", "/api/v1/files/:id", Needs(kOwn | kReview), B::kNone, L::kSlow, GetFile},
      {"GET", "/api/v1/doctors/:registry_number/progress", Needs(kOwn | kReview), B::kNone,
       L::kInline, GetDoctorProgress},
      {"GET", "/api/v1/staff/queue", Needs(kReview), B::kNone, L::kWorker, GetQueue},
      {"GET", "/api/v1/staff/items/:kind/:id", Needs(kReview), B::kNone, L::kWorker, GetStaffItem},
      {"GET", "/api/v1/staff/items/:kind/:id/audit", Needs(kReview), B::kNone, L::kWorker,
       GetItemAudit},
      {"POST", "/api/v1/staff/items/:kind/:id/decision", Needs(kReview), B::kJson, L::kWorker,
       PostDecision},
      {"POST", "/api/v1/staff/bulk-approve", Needs(kReview), B::kLargeJson, L::kSlow,
       PostBulkApprove},
      {"GET", "/api/v1/staff/doctors", Needs(kReview), B::kNone, L::kWorker, GetDoctors},
      {"POST", "/api/v1/staff/doctors", Needs(kReview), B::kJson, L::kWorker, PostDoctor},
      {"POST", "/api/v1/staff/paper-applications", Needs(kReview), B::kJson, L::kSlow,
       PostPaperApplication},
      {"POST", "/api/v1/staff/one-time-codes", SessionOnly(kAdminister), B::kJson, L::kWorker,
       PostOneTimeCode},
      {"POST", "/api/v1/staff/institution-codes", SessionOnly(kAdminister), B::kJson, L::kWorker,
       PostInstitutionCode},
      {"POST", "/api/v1/institution/users", SessionOnly(kInstitution), B::kJson, L::kWorker,
       PostInstitutionUser},
      {"GET", "/api/v1/admin/programme", Needs(kReview), B::kNone, L::kWorker, GetProgramme},
      {"PUT", "/api/v1/admin/programme", Needs(kAdminister), B::kJson, L::kWorker, PutProgramme},
      {"POST", "/api/v1/admin/programme/preview", Needs(kAdminister), B::kJson, L::kWorker,
       PostProgrammePreview},
      {"GET", "/api/v1/admin/association", Needs(kReview), B::kNone, L::kWorker, GetOwnAssociation},
      {"PUT", "/api/v1/admin/association", Needs(kAdminister), B::kJson, L::kWorker,
       PutOwnAssociation},
      {"GET", "/api/v1/admin/users", SessionOnly(kAdminister), B::kNone, L::kWorker,
       GetStaffAccounts},
      {"POST", "/api/v1/admin/users", SessionOnly(kAdminister), B::kJson, L::kWorker,
       PostStaffAccount},
      {"PUT", "/api/v1/admin/users/:id", SessionOnly(kAdminister), B::kJson, L::kWorker,
       PutStaffAccount},
      {"GET", "/api/v1/admin/routing/:prefecture", Needs(kReview), B::kNone, L::kWorker,
       GetRoutingRule},
      {"PUT", "/api/v1/admin/routing/:prefecture", Needs(kAdminister), B::kJson, L::kWorker,
       PutRoutingRule},
      {"GET", "/api/v1/admin/api-tokens", SessionOnly(kAdminister), B::kNone, L::kWorker,
       GetApiTokens},
      {"POST", "/api/v1/admin/api-tokens", SessionOnly(kAdminister), B::kJson, L::kWorker,
       PostApiToken},
      {"DELETE", "/api/v1/admin/api-tokens/:id", SessionOnly(kAdminister), B::kNone, L::kWorker,
       DeleteApiToken},
      {"GET", "/api/v1/institution/doctors", Needs(kInstitution), B::kNone, L::kWorker,
       GetInstitutionDoctors},
      {"GET", "/api/v1/institution/answer", Needs(kInstitution), B::kNone, L::kWorker,
       GetInstitutionAnswer},
      {"GET", "/api/v1/institution/answer.csv", Needs(kInstitution), B::kNone, L::kWorker,
       GetInstitutionAnswerCsv},
      {"GET", "/api/v1/institution/answer.pdf", Needs(kInstitution), B::kNone, L::kSlow,
       GetInstitutionAnswerPdf},
      {"GET", "/api/v1/institution/affiliations", Needs(kInstitution), B::kNone, L::kWorker,
       GetInstitutionAffiliations},
      {"POST", "/api/v1/institution/affiliations", Needs(kInstitution), B::kJson, L::kWorker,
       PostInstitutionAffiliation},
      {"POST", "/api/v1/institution/affiliations/:id/decision", Needs(kInstitution), B::kJson,
       L::kWorker, PostInstitutionAffiliationDecision},
      {"GET", "/api/v1/me/workplaces", Needs(kOwn), B::kNone, L::kWorker, GetMyWorkplaces},
      {"POST", "/api/v1/me/workplaces", Needs(kOwn), B::kJson, L::kWorker, PostMyWorkplace},
      {"POST", "/api/v1/me/workplaces/:id/decision", Needs(kOwn), B::kJson, L::kWorker,
       PostMyWorkplaceDecision},
      {"GET", "/api/v1/institutions", Needs(kOwn | kReview | kInstitution), B::kNone, L::kWorker,
       GetInstitutionSearch},
      {"GET", "/api/v1/staff/institutions/:code/answer", Needs(kReview), B::kNone, L::kWorker,
       GetStaffInstitutionAnswer},
      {"GET", "/api/v1/staff/institutions/:code/answer.pdf", Needs(kReview), B::kNone, L::kSlow,
       GetStaffInstitutionAnswerPdf},
      {"GET", "/api/v1/staff/coverage", Needs(kReview), B::kNone, L::kSlow, GetCoverage},
      {"GET", "/api/v1/staff/coverage.csv", Needs(kReview), B::kNone, L::kSlow, GetCoverageCsv},
      {"GET", "/api/v1/staff/statistics", Needs(kReview), B::kNone, L::kSlow, GetStatistics},
      {"GET", "/api/v1/staff/exports/:kind", Needs(kReview), B::kNone, L::kSlow, GetExport},
      {"GET", "/api/v1/me/certificates", Needs(kOwn), B::kNone, L::kInline, GetMyCertificates},
      {"GET", "/api/v1/certificates/:number/pdf", Needs(kOwn | kReview), B::kNone, L::kSlow,
       GetCertificatePdf},
      {"POST", "/api/v1/staff/certificates/:number/reissue", Needs(kReview), B::kJson, L::kWorker,
       PostReissue},
      {"POST", "/api/v1/staff/certificates/:number/revoke", Needs(kAdminister), B::kJson,
       L::kWorker, PostRevoke},
      {"GET", "/api/v1/staff/mail/pending", Needs(kReview), B::kNone, L::kWorker, GetPendingMail},
      {"GET", "/api/v1/staff/mail/batches", Needs(kReview), B::kNone, L::kWorker, GetMailBatches},
      {"POST", "/api/v1/staff/mail/batches", Needs(kReview), B::kJson, L::kWorker, PostMailBatch},
      {"GET", "/api/v1/staff/mail/batches/:id", Needs(kReview), B::kNone, L::kWorker, GetMailBatch},
      {"GET", "/api/v1/staff/mail/batches/:id/certificates", Needs(kReview), B::kNone, L::kSlow,
       GetMailBatchCertificates},
      {"GET", "/api/v1/staff/mail/batches/:id/labels", Needs(kReview), B::kNone, L::kSlow,
       GetMailBatchLabels},
      {"POST", "/api/v1/staff/mail/batches/:id/sent", Needs(kReview), B::kJson, L::kWorker,
       PostMailBatchSent},
      {"POST", "/api/v1/staff/certificates/merged", Needs(kReview), B::kJson, L::kSlow,
       PostMergedCertificates},
      {"POST", "/api/v1/staff/certificates/zip", Needs(kReview), B::kJson, L::kSlow,
       PostCertificatesZip},
      {"GET", "/api/v1/forms/:kind", Public(), B::kNone, L::kSlow, GetBlankForm},
      {"GET", "/api/v1/me/forms/:kind", Needs(kOwn), B::kNone, L::kSlow, GetMyForm},
      {"GET", "/api/v1/staff/doctors/:registry_number/forms/:kind", Needs(kReview), B::kNone,
       L::kSlow, GetDoctorForm},
      {"GET", "/api/v1/admin/certificate-settings", Needs(kReview), B::kNone, L::kWorker,
       GetCertificateSettings},
      {"PUT", "/api/v1/admin/certificate-settings", Needs(kAdminister), B::kJson, L::kWorker,
       PutCertificateSettings},
      {"GET", "/api/v1/admin/signatories", Needs(kReview), B::kNone, L::kWorker, GetSignatories},
      {"POST", "/api/v1/admin/signatories", Needs(kAdminister), B::kJson, L::kWorker,
       PostSignatory},
      {"POST", "/api/v1/imports/credits", Needs(kImportCredits), B::kBinary, L::kSlow,
       PostCreditImport},
      {"POST", "/api/v1/imports/institutions", Needs(kAdminister), B::kBinary, L::kSlow,
       PostInstitutionImport},
      {"POST", "/api/v1/imports/affiliations", Needs(kAdminister), B::kBinary, L::kSlow,
       PostAffiliationImport},
      {"GET", "/api/v1/verify/:number", Public(), B::kNone, L::kInline, GetVerify},
      {"GET", "/verify/:number", Public(), B::kNone, L::kInline, GetVerifyPage},
      {"GET", "/api/v1/verify-code/:code", Public(), B::kNone, L::kInline, GetVerifyByCode},
      {"GET", "/v/:code", Public(), B::kNone, L::kInline, GetShortVerifyPage},
      {"GET", "/v", Public(), B::kNone, L::kInline, GetVerifyForm},
      {"GET", "/verify", Public(), B::kNone, L::kInline, GetVerifyForm},
  };
  return routes;
}

}  // namespace kakari::http
