// Delivery by mail: staff gather the certificates to mail into a batch,
// print the batch's certificates and address labels, then mark it sent (the
// doctor then sees the date). Also any selection of certificates as one PDF.
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <vector>

#include "core/domain/certificate.hpp"
#include "core/domain/documents.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

struct MailBatchView {
  MailBatch batch;
  std::vector<Certificate> certificates;
};

// Certificates to mail in the caller's scope, not yet in a batch.
[[nodiscard]] Result<std::vector<Certificate>> PendingMail(const Deps& deps, const Caller& caller);
// A batch of every pending certificate in scope (kUnprocessable when there is none).
// A batch of the caller's association's certificates waiting for the post:
// those named in `numbers` (each must be waiting), or all of them.
[[nodiscard]] Result<MailBatchView> CreateMailBatch(
    const Deps& deps, const Caller& caller,
    const std::optional<std::vector<std::string>>& numbers = std::nullopt);
[[nodiscard]] Result<std::vector<MailBatch>> ListMailBatches(const Deps& deps,
                                                             const Caller& caller);
// One batch of the caller's association or below; kNotFound otherwise. Recorded
// as a view (it holds names and addresses).
[[nodiscard]] Result<MailBatchView> LoadMailBatch(const Deps& deps, const Caller& caller, Id id);
// kConflict when it was marked already.
[[nodiscard]] Status MarkBatchSent(const Deps& deps, const Caller& caller, Id id);

// Labels from the doctors' current addresses and the names as printed, sent
// by the association `association_code`.
[[nodiscard]] Result<std::vector<MailLabel>> LabelsFor(const Deps& deps,
                                                       const std::vector<Certificate>& certs,
                                                       const std::string& association_code);
// The printable documents of `certs`, in order.
[[nodiscard]] Result<std::vector<CertificateDocument>> DocumentsFor(
    const Deps& deps, const std::vector<Certificate>& certs, std::string_view public_url);
// The latest versions of the given numbers, each in the caller's scope
// (kNotFound naming the first that is not); recorded as a view.
[[nodiscard]] Result<std::vector<Certificate>> SelectedCertificates(
    const Deps& deps, const Caller& caller, const std::vector<std::string>& numbers);

// The same as PDF files (deps.renderer): a batch's certificates, a batch's
// address labels, and the chosen certificates merged into one file.
[[nodiscard]] Result<PdfFile> MailBatchCertificatesPdf(const Deps& deps, const Caller& caller,
                                                       Id id, std::string_view public_url);
[[nodiscard]] Result<PdfFile> MailBatchLabelsPdf(const Deps& deps, const Caller& caller, Id id);
// The chosen certificates as one PDF file each, named by number and version
// in ASCII ("K2026-000004-v1.pdf"), for a ZIP archive.
[[nodiscard]] Result<std::vector<PdfFile>> CertificateFiles(const Deps& deps, const Caller& caller,
                                                            const std::vector<std::string>& numbers,
                                                            std::string_view public_url);
[[nodiscard]] Result<PdfFile> MergedCertificatesPdf(const Deps& deps, const Caller& caller,
                                                    const std::vector<std::string>& numbers,
                                                    std::string_view public_url);

}  // namespace kakari::core
