// What a handler sees: the request, the services' dependencies, the caller
// and the parsed JSON body. Internal to src/http (includes nlohmann).
// Not thread-safe: one ApiContext per request, on the thread that handles it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/domain/certificate.hpp"
#include "http/api.hpp"
#include "http/json_input.hpp"

namespace kakari::http {

struct ApiContext {
  const ApiRequest& req;
  const core::Deps& deps;
  const ApiConfig& config;
  core::Caller caller;
  std::optional<core::Authenticated> session;  // cookie sessions only
  nlohmann::json body;

  const std::string& Param(const char* name) const { return req.params.at(name); }
};

ApiResponse JsonResponse(int status, const nlohmann::json& body);

// ?as_of=YYYY-MM-DD; none when absent; kInvalidArgument when malformed.
core::Result<std::optional<core::Date>> AsOf(const ApiContext& c);
// A query parameter's value; none when absent or empty.
std::optional<std::string> QueryValue(const ApiContext& c, const char* key);
inline ApiResponse Fails(const core::Error& e) { return ErrorResponse(e); }

// The (kind, id) of /items/:kind/:id; none when malformed.
std::optional<std::pair<core::ReviewKind, core::Id>> ItemRef(const ApiContext& c);
core::Error ItemNotFound();

// Shared by the certificate and mail handlers.
nlohmann::json CertificateJson(const core::Certificate& cert);
ApiResponse PdfResponse(std::string pdf, const std::string& filename);
// A service's rendered PDF as an attachment, or its error.
ApiResponse PdfFileResponse(core::Result<core::PdfFile> pdf);
// A download: the body with its type, saved under `filename`.
ApiResponse Attachment(std::string content_type, std::string body, const std::string& filename);

// Handlers of each resource (handlers_*.cpp).
ApiResponse PostSession(ApiContext& c);
ApiResponse GetSession(ApiContext& c);
ApiResponse DeleteSession(ApiContext& c);
ApiResponse PostOneTimeCodeLogin(ApiContext& c);
ApiResponse PostPassword(ApiContext& c);
ApiResponse PostPasswordCheck(ApiContext& c);
ApiResponse PostMyPasswordCheck(ApiContext& c);
ApiResponse PostApiToken(ApiContext& c);
ApiResponse GetApiTokens(ApiContext& c);
ApiResponse DeleteApiToken(ApiContext& c);
ApiResponse PostOneTimeCode(ApiContext& c);

ApiResponse GetMyProgress(ApiContext& c);
ApiResponse GetMyCredits(ApiContext& c);
ApiResponse GetCategories(ApiContext& c);
ApiResponse PostFile(ApiContext& c);
ApiResponse GetFile(ApiContext& c);
ApiResponse PostActivity(ApiContext& c);
ApiResponse PostDeclaration(ApiContext& c);
ApiResponse PostApplication(ApiContext& c);
ApiResponse GetApplicationPreview(ApiContext& c);
ApiResponse GetStaffAccounts(ApiContext& c);
ApiResponse GetProgramme(ApiContext& c);
ApiResponse PutProgramme(ApiContext& c);
ApiResponse PostProgrammePreview(ApiContext& c);
ApiResponse GetOwnAssociation(ApiContext& c);
ApiResponse PutOwnAssociation(ApiContext& c);
ApiResponse PostStaffAccount(ApiContext& c);
ApiResponse PutStaffAccount(ApiContext& c);
ApiResponse GetMyItems(ApiContext& c);
ApiResponse GetMyItem(ApiContext& c);
ApiResponse PostWithdraw(ApiContext& c);
ApiResponse PostResubmit(ApiContext& c);

ApiResponse GetDoctorProgress(ApiContext& c);
ApiResponse GetQueue(ApiContext& c);
ApiResponse GetStaffItem(ApiContext& c);
ApiResponse GetItemAudit(ApiContext& c);
ApiResponse PostDecision(ApiContext& c);
ApiResponse PostBulkApprove(ApiContext& c);
ApiResponse GetDoctors(ApiContext& c);
ApiResponse PostDoctor(ApiContext& c);
ApiResponse PostPaperApplication(ApiContext& c);
ApiResponse GetRoutingRule(ApiContext& c);
ApiResponse PutRoutingRule(ApiContext& c);
ApiResponse GetInstitutionDoctors(ApiContext& c);
ApiResponse GetMyWorkplaces(ApiContext& c);
ApiResponse PostMyWorkplace(ApiContext& c);
ApiResponse PostMyWorkplaceDecision(ApiContext& c);
ApiResponse GetInstitutionAffiliations(ApiContext& c);
ApiResponse PostInstitutionAffiliation(ApiContext& c);
ApiResponse PostInstitutionAffiliationDecision(ApiContext& c);
ApiResponse GetInstitutionAnswer(ApiContext& c);
ApiResponse GetInstitutionAnswerCsv(ApiContext& c);
ApiResponse GetInstitutionAnswerPdf(ApiContext& c);
ApiResponse GetStaffInstitutionAnswerPdf(ApiContext& c);
ApiResponse GetStaffInstitutionAnswer(ApiContext& c);
ApiResponse GetInstitutionSearch(ApiContext& c);
ApiResponse GetCoverage(ApiContext& c);
ApiResponse GetCoverageCsv(ApiContext& c);
ApiResponse PostInstitutionImport(ApiContext& c);
ApiResponse PostAffiliationImport(ApiContext& c);
ApiResponse PostInstitutionCode(ApiContext& c);
ApiResponse PostInstitutionUser(ApiContext& c);
ApiResponse GetMyCertificates(ApiContext& c);
ApiResponse GetCertificatePdf(ApiContext& c);
ApiResponse PostReissue(ApiContext& c);
ApiResponse PostRevoke(ApiContext& c);
ApiResponse GetVerify(ApiContext& c);
ApiResponse GetVerifyPage(ApiContext& c);
ApiResponse GetShortVerifyPage(ApiContext& c);
ApiResponse GetVerifyForm(ApiContext& c);
ApiResponse GetVerifyByCode(ApiContext& c);
ApiResponse GetPendingMail(ApiContext& c);
ApiResponse GetMailBatches(ApiContext& c);
ApiResponse PostMailBatch(ApiContext& c);
ApiResponse GetMailBatch(ApiContext& c);
ApiResponse GetMailBatchCertificates(ApiContext& c);
ApiResponse GetMailBatchLabels(ApiContext& c);
ApiResponse PostMailBatchSent(ApiContext& c);
// handlers_notices.cpp
ApiResponse GetMyNotices(ApiContext& c);
ApiResponse PostNoticeRead(ApiContext& c);
ApiResponse PutNoticePreferences(ApiContext& c);
ApiResponse GetFailedDeliveries(ApiContext& c);
ApiResponse PostMergedCertificates(ApiContext& c);
ApiResponse GetBlankForm(ApiContext& c);
ApiResponse GetMyForm(ApiContext& c);
ApiResponse GetDoctorForm(ApiContext& c);
ApiResponse GetCertificateSettings(ApiContext& c);
ApiResponse PutCertificateSettings(ApiContext& c);
ApiResponse GetSignatories(ApiContext& c);
ApiResponse PostSignatory(ApiContext& c);
ApiResponse PostCreditImport(ApiContext& c);
// handlers_reports.cpp
ApiResponse GetStatistics(ApiContext& c);
ApiResponse GetExport(ApiContext& c);
ApiResponse PostCertificatesZip(ApiContext& c);
// The staff queue's filter from the query string (handlers_staff.cpp);
// the error names the bad parameter.
std::optional<core::Error> ReadQueueFilter(const std::map<std::string, std::string>& query,
                                           core::QueueFilter& f);

}  // namespace kakari::http
