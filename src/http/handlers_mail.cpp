// Printed matter: mail batches, merged certificate PDFs and paper forms.
#include "core/services/mail_service.hpp"
#include "core/services/paper_forms.hpp"
#include "http/api_context.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

nlohmann::json BatchJson(const core::MailBatch& b) {
  return {{"id", b.id},
          {"association", b.association_code},
          {"created_at", b.created_at},
          {"sent_at", b.sent_at ? nlohmann::json(*b.sent_at) : nullptr},
          {"count", b.count}};
}

nlohmann::json CertificatesJson(const std::vector<core::Certificate>& certs) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : certs) items.push_back(CertificateJson(c));
  return items;
}

std::optional<core::Id> BatchId(const ApiContext& c) {
  const std::string& raw = c.Param("id");
  if (!util::IsAsciiDigits(raw) || raw.empty() || raw.size() > 12) return std::nullopt;
  return std::stoll(raw);
}

core::Error NoBatch() {
  return core::MakeError(core::ErrorCode::kNotFound, "郵送バッチが見つかりません",
                         "mail batch not found", "id");
}

}  // namespace

ApiResponse GetPendingMail(ApiContext& c) {
  auto pending = core::PendingMail(c.deps, c.caller);
  if (!pending) return Fails(pending.error());
  return JsonResponse(200, {{"items", CertificatesJson(*pending)}});
}

ApiResponse GetMailBatches(ApiContext& c) {
  auto batches = core::ListMailBatches(c.deps, c.caller);
  if (!batches) return Fails(batches.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& b : *batches) items.push_back(BatchJson(b));
  return JsonResponse(200, {{"items", items}});
}

ApiResponse PostMailBatch(ApiContext& c) {
  BodyReader in(c.body);
  // Which certificates go in: the ones named, or every one waiting.
  std::optional<std::vector<std::string>> numbers;
  if (c.body.is_object() && c.body.contains("numbers")) numbers = in.StringList("numbers");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto batch = core::CreateMailBatch(c.deps, c.caller, numbers);
  if (!batch) return Fails(batch.error());
  nlohmann::json j = BatchJson(batch->batch);
  j["certificates"] = CertificatesJson(batch->certificates);
  return JsonResponse(201, j);
}

ApiResponse GetMailBatch(ApiContext& c) {
  auto id = BatchId(c);
  if (!id) return Fails(NoBatch());
  auto batch = core::LoadMailBatch(c.deps, c.caller, *id);
  if (!batch) return Fails(batch.error());
  nlohmann::json j = BatchJson(batch->batch);
  j["certificates"] = CertificatesJson(batch->certificates);
  return JsonResponse(200, j);
}

ApiResponse GetMailBatchCertificates(ApiContext& c) {
  auto id = BatchId(c);
  if (!id) return Fails(NoBatch());
  return PdfFileResponse(
      core::MailBatchCertificatesPdf(c.deps, c.caller, *id, c.config.public_url));
}

ApiResponse GetMailBatchLabels(ApiContext& c) {
  auto id = BatchId(c);
  if (!id) return Fails(NoBatch());
  return PdfFileResponse(core::MailBatchLabelsPdf(c.deps, c.caller, *id));
}

ApiResponse PostMailBatchSent(ApiContext& c) {
  auto id = BatchId(c);
  if (!id) return Fails(NoBatch());
  BodyReader in(c.body);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (auto s = core::MarkBatchSent(c.deps, c.caller, *id); !s) return Fails(s.error());
  auto batch = core::LoadMailBatch(c.deps, c.caller, *id);
  if (!batch) return Fails(batch.error());
  return JsonResponse(200, BatchJson(batch->batch));
}

ApiResponse PostMergedCertificates(ApiContext& c) {
  BodyReader in(c.body);
  std::vector<std::string> numbers = in.StringList("numbers");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return PdfFileResponse(
      core::MergedCertificatesPdf(c.deps, c.caller, numbers, c.config.public_url));
}

namespace {

ApiResponse FormPdf(ApiContext& c, const core::Result<core::PaperForm>& form) {
  return PdfFileResponse(core::FormPdf(c.deps, form));
}

std::optional<core::FormKind> KindParam(const ApiContext& c) {
  return core::ParseFormKind(c.Param("kind"));
}

core::Error NoForm() {
  return core::MakeError(core::ErrorCode::kNotFound,
                         "様式は application・practical-report・declaration のいずれかです",
                         "forms are application, practical-report or declaration", "kind");
}

}  // namespace

ApiResponse GetBlankForm(ApiContext& c) {
  auto kind = KindParam(c);
  if (!kind) return Fails(NoForm());
  return FormPdf(c, core::BlankForm(c.deps, *kind));
}

ApiResponse GetMyForm(ApiContext& c) {
  auto kind = KindParam(c);
  if (!kind) return Fails(NoForm());
  return FormPdf(c, core::FilledForm(c.deps, c.caller, *kind, ""));
}

ApiResponse GetDoctorForm(ApiContext& c) {
  auto kind = KindParam(c);
  if (!kind) return Fails(NoForm());
  return FormPdf(c, core::FilledForm(c.deps, c.caller, *kind, c.Param("registry_number")));
}

}  // namespace kakari::http
