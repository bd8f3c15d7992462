// Use cases of certificates: issue (inside the approving transaction),
// reissue, revoke, the doctor's and staff's views, public verification.
// Thread-safe: every call opens its own unit of work (IssueInApproval uses the caller's).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/certificate.hpp"
#include "core/domain/documents.hpp"
#include "core/domain/verify_code.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// Issues the certificate of an approved application in `uow` (the approving
// transaction): the next number, the doctor's details and the signatory in
// office as of today, signed with the current key.
[[nodiscard]] Result<Certificate> IssueInApproval(UnitOfWork& uow, const Deps& deps,
                                                  Id application_id, Id doctor_id, bool by_mail);

// A new version with the same number from the doctor's current details (a
// name change, a lost certificate); the older version becomes superseded.
[[nodiscard]] Result<Certificate> Reissue(const Deps& deps, const Caller& caller,
                                          std::string_view number, std::string_view reason);
[[nodiscard]] Status Revoke(const Deps& deps, const Caller& caller, std::string_view number,
                            std::string_view reason);

// The caller's own certificates (doctor).
[[nodiscard]] Result<std::vector<Certificate>> MyCertificates(const Deps& deps,
                                                              const Caller& caller);
// One certificate version for download: the doctor's own, or any in a staff
// member's scope (recorded as a view). nullopt version = the latest.
[[nodiscard]] Result<Certificate> CertificateFor(const Deps& deps, const Caller& caller,
                                                 std::string_view number,
                                                 std::optional<int> version);

// The same version rendered as its PDF (deps.renderer), named 修了証_<number>.pdf.
[[nodiscard]] Result<PdfFile> CertificatePdf(const Deps& deps, const Caller& caller,
                                             std::string_view number, std::optional<int> version,
                                             std::string_view public_url);
// Every certificate version, newest first (JMA administrators and the
// command line: the whole register). Recorded as a view.
[[nodiscard]] Result<std::vector<Certificate>> ListAllCertificates(const Deps& deps,
                                                                   const Caller& caller);

// What the public verification page may show: as issued, nothing personal
// beyond the certificate's face.
struct VerifyAnswer {
  Verdict verdict = Verdict::kUnknown;
  std::string number;
  int version = 0;
  int latest_version = 0;
  std::string name;
  std::string programme;
  std::optional<Date> issued_on;
  std::string revoked_reason;
};
// Online: the number must exist, the code must be its signed payload.
[[nodiscard]] Result<VerifyAnswer> VerifyOnline(const Deps& deps, std::string_view number,
                                                std::string_view code);
// Offline-style check of a payload against the published keys, then its
// status in the store when it is known there.
[[nodiscard]] Result<VerifyAnswer> VerifyPayload(const Deps& deps, std::string_view payload);
// Verification by the short code printed for typing (any spelling a person
// types; kInvalidArgument when it cannot be a code, kNotFound when no
// certificate has it).
[[nodiscard]] Result<VerifyAnswer> VerifyByCode(const Deps& deps, std::string_view typed);

// The printable document of a certificate.
[[nodiscard]] Result<CertificateDocument> DocumentFor(UnitOfWork& uow, const Certificate& c,
                                                      std::string_view public_url);
}  // namespace kakari::core
