#include "core/services/mail_service.hpp"

#include <algorithm>

#include "core/domain/validation.hpp"
#include "core/services/certificate_service.hpp"
#include "core/services/decision_notices.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

Result<std::string> ScopeOf(const Principal& who) {
  auto scope = ScopePrefix(who);
  if (!scope) return tl::unexpected(NotFoundError("医師会", "association"));
  return *scope;
}

}  // namespace

Result<std::vector<Certificate>> PendingMail(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto scope = ScopeOf(caller.principal);
  KAKARI_RETURN_IF_ERROR(scope);
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Certificates().PendingMail(*scope);
}

namespace {

// The waiting certificates named in `numbers`, in that order; a number not
// waiting here is named in the refusal.
Result<std::vector<Certificate>> ChosenOf(std::vector<Certificate> pending,
                                          const std::vector<std::string>& numbers) {
  if (numbers.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "郵送する修了証を選んでください",
                "choose the certificates to mail", "numbers");
  }
  std::vector<Certificate> chosen;
  for (const auto& n : numbers) {
    auto it = std::find_if(pending.begin(), pending.end(),
                           [&](const Certificate& c) { return c.issued.number == n; });
    if (it == pending.end()) {
      return Fail(ErrorCode::kUnprocessable, "修了証 " + n + " は郵送待ちではありません",
                  "certificate " + n + " is not waiting to be mailed", "numbers");
    }
    chosen.push_back(std::move(*it));
    pending.erase(it);
  }
  return chosen;
}

}  // namespace

Result<MailBatchView> CreateMailBatch(const Deps& deps, const Caller& caller,
                                      const std::optional<std::vector<std::string>>& numbers) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  if (!caller.principal.organisation_id) {
    return tl::unexpected(NotFoundError("医師会", "association"));
  }
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto scope = ScopeOf(caller.principal);
  KAKARI_RETURN_IF_ERROR(scope);
  auto pending = (*uow)->Certificates().PendingMail(*scope);
  KAKARI_RETURN_IF_ERROR(pending);
  if (pending->empty()) {
    return Fail(ErrorCode::kUnprocessable, "郵送待ちの修了証はありません",
                "there is no certificate waiting to be mailed");
  }
  if (numbers) {
    auto chosen = ChosenOf(std::move(*pending), *numbers);
    KAKARI_RETURN_IF_ERROR(chosen);
    *pending = std::move(*chosen);
  }
  std::vector<Id> ids;
  for (const auto& c : *pending) ids.push_back(c.id);
  auto id = (*uow)->Certificates().CreateMailBatch(*caller.principal.organisation_id,
                                                   caller.principal.user_id, ids);
  KAKARI_RETURN_IF_ERROR(id);
  KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "mail_batch.create", "mail_batch",
                                    std::to_string(*id),
                                    std::to_string(ids.size()) + " certificates"));
  auto batch = (*uow)->Certificates().FindMailBatch(*id);
  KAKARI_RETURN_IF_ERROR(batch);
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return MailBatchView{**batch, std::move(*pending)};
}

Result<std::vector<MailBatch>> ListMailBatches(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto scope = ScopeOf(caller.principal);
  KAKARI_RETURN_IF_ERROR(scope);
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Certificates().MailBatches(*scope);
}

Result<MailBatchView> LoadMailBatch(const Deps& deps, const Caller& caller, Id id) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  MailBatchView view;
  {
    auto uow = deps.store.Begin(false);
    KAKARI_RETURN_IF_ERROR(uow);
    auto batch = (*uow)->Certificates().FindMailBatch(id);
    KAKARI_RETURN_IF_ERROR(batch);
    if (!*batch || !CoversAssociation(caller.principal, (*batch)->association_code)) {
      return tl::unexpected(NotFoundError("郵送バッチ", "mail batch"));
    }
    auto certs = (*uow)->Certificates().BatchCertificates(id);
    KAKARI_RETURN_IF_ERROR(certs);
    view = MailBatchView{**batch, std::move(*certs)};
  }
  KAKARI_RETURN_IF_ERROR(RecordViewUnlessUnwritable(deps, caller, "mail_batch.view", "mail_batch",
                                                    std::to_string(id), ""));
  return view;
}

Status MarkBatchSent(const Deps& deps, const Caller& caller, Id id) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto batch = (*uow)->Certificates().FindMailBatch(id);
  KAKARI_RETURN_IF_ERROR(batch);
  if (!*batch || !CoversAssociation(caller.principal, (*batch)->association_code)) {
    return tl::unexpected(NotFoundError("郵送バッチ", "mail batch"));
  }
  if ((*batch)->sent_at) {
    return Fail(ErrorCode::kConflict, "このバッチは発送済みです（" + *(*batch)->sent_at + "）",
                "this batch was marked sent already (" + *(*batch)->sent_at + ")");
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Certificates().MarkBatchSent(id));
  KAKARI_TRY(mailed, (*uow)->Certificates().BatchCertificates(id));
  for (const Certificate& c : mailed) {
    KAKARI_RETURN_IF_ERROR(QueueCertificateNotice(**uow, deps, c.doctor_id,
                                                  NoticeKind::kCertificateMailed, c.issued.number));
  }
  if (auto a =
          WriteAudit(**uow, deps, &caller, "mail_batch.sent", "mail_batch", std::to_string(id), "");
      !a) {
    return a;
  }
  return (*uow)->Commit();
}

Result<std::vector<MailLabel>> LabelsFor(const Deps& deps, const std::vector<Certificate>& certs,
                                         const std::string& association_code) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto sender = (*uow)->Organisations().FindByCode(association_code);
  KAKARI_RETURN_IF_ERROR(sender);
  std::string sender_name = *sender ? (**sender).name_ja : "";
  std::string sender_address = *sender ? SenderAddressLine((**sender).contact) : "";
  std::vector<MailLabel> out;
  for (const auto& c : certs) {
    auto doctor = (*uow)->Doctors().FindById(c.doctor_id);
    KAKARI_RETURN_IF_ERROR(doctor);
    if (!*doctor) return tl::unexpected(NotFoundError("医師", "doctor"));
    if ((*doctor)->address.empty() || (*doctor)->postal_code.empty()) {
      return Fail(ErrorCode::kUnprocessable,
                  (*doctor)->name + " さんの住所が登録されていません（" + c.issued.number + "）",
                  "no address on record for the holder of " + c.issued.number);
    }
    // FormatPostalCode gives "〒123-4567"; the label prints its own 〒.
    out.push_back({FormatPostalCode((*doctor)->postal_code).substr(std::string("〒").size()),
                   (*doctor)->address, c.issued.name, sender_name, "修了証在中", sender_address});
  }
  return out;
}

Result<std::vector<CertificateDocument>> DocumentsFor(const Deps& deps,
                                                      const std::vector<Certificate>& certs,
                                                      std::string_view public_url) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  std::vector<CertificateDocument> out;
  for (const auto& c : certs) {
    auto doc = DocumentFor(**uow, c, public_url);
    KAKARI_RETURN_IF_ERROR(doc);
    out.push_back(std::move(*doc));
  }
  return out;
}

Result<std::vector<Certificate>> SelectedCertificates(const Deps& deps, const Caller& caller,
                                                      const std::vector<std::string>& numbers) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  if (numbers.empty() || numbers.size() > 500) {
    return Fail(ErrorCode::kInvalidArgument, "修了証は1〜500件で選んでください",
                "select 1 to 500 certificates", "numbers");
  }
  std::vector<Certificate> out;
  for (const auto& n : numbers) {
    auto c = CertificateFor(deps, caller, n, std::nullopt);  // checks scope, records the view
    KAKARI_RETURN_IF_ERROR(c);
    out.push_back(std::move(*c));
  }
  return out;
}

namespace {

Result<PdfFile> CertificatesPdf(const Deps& deps, const std::vector<Certificate>& certs,
                                std::string_view public_url, std::string filename) {
  auto renderer = RendererOf(deps);
  KAKARI_RETURN_IF_ERROR(renderer);
  auto docs = DocumentsFor(deps, certs, public_url);
  KAKARI_RETURN_IF_ERROR(docs);
  auto pdf = (*renderer)->Certificates(*docs);
  KAKARI_RETURN_IF_ERROR(pdf);
  return PdfFile{std::move(*pdf), std::move(filename)};
}

}  // namespace

Result<PdfFile> MailBatchCertificatesPdf(const Deps& deps, const Caller& caller, Id id,
                                         std::string_view public_url) {
  auto batch = LoadMailBatch(deps, caller, id);
  KAKARI_RETURN_IF_ERROR(batch);
  return CertificatesPdf(deps, batch->certificates, public_url,
                         "修了証_郵送" + std::to_string(id) + ".pdf");
}

Result<PdfFile> MailBatchLabelsPdf(const Deps& deps, const Caller& caller, Id id) {
  auto renderer = RendererOf(deps);
  KAKARI_RETURN_IF_ERROR(renderer);
  auto batch = LoadMailBatch(deps, caller, id);
  KAKARI_RETURN_IF_ERROR(batch);
  auto labels = LabelsFor(deps, batch->certificates, batch->batch.association_code);
  KAKARI_RETURN_IF_ERROR(labels);
  auto pdf = (*renderer)->Labels(*labels);
  KAKARI_RETURN_IF_ERROR(pdf);
  return PdfFile{std::move(*pdf), "宛名ラベル_郵送" + std::to_string(id) + ".pdf"};
}

namespace {

// "第K2026-000004号" version 1 -> "K2026-000004-v1.pdf": the number's ASCII
// part, so that every unzip tool and Windows Explorer show it alike.
std::string AsciiFileName(const Certificate& c) {
  std::string name;
  for (char ch : c.issued.number) {
    if (static_cast<unsigned char>(ch) < 0x80) name += ch;
  }
  if (name.empty()) name = "certificate-" + std::to_string(c.id);
  return name + "-v" + std::to_string(c.issued.version) + ".pdf";
}

}  // namespace

Result<std::vector<PdfFile>> CertificateFiles(const Deps& deps, const Caller& caller,
                                              const std::vector<std::string>& numbers,
                                              std::string_view public_url) {
  auto renderer = RendererOf(deps);
  KAKARI_RETURN_IF_ERROR(renderer);
  auto certs = SelectedCertificates(deps, caller, numbers);
  KAKARI_RETURN_IF_ERROR(certs);
  std::vector<PdfFile> files;
  for (const auto& c : *certs) {
    auto docs = DocumentsFor(deps, {c}, public_url);
    KAKARI_RETURN_IF_ERROR(docs);
    auto pdf = (*renderer)->Certificates(*docs);
    KAKARI_RETURN_IF_ERROR(pdf);
    files.push_back({std::move(*pdf), AsciiFileName(c)});
  }
  return files;
}

Result<PdfFile> MergedCertificatesPdf(const Deps& deps, const Caller& caller,
                                      const std::vector<std::string>& numbers,
                                      std::string_view public_url) {
  auto certs = SelectedCertificates(deps, caller, numbers);
  KAKARI_RETURN_IF_ERROR(certs);
  return CertificatesPdf(deps, *certs, public_url,
                         "修了証_" + std::to_string(certs->size()) + "件.pdf");
}

}  // namespace kakari::core
