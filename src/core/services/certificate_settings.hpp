// JMA administration of certificates: numbering and what the certificate
// shows, and the signatories with their history (a certificate always shows
// the signatory in office on its issue date).
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <vector>

#include "core/domain/certificate.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

[[nodiscard]] Result<CertificateSettings> GetCertificateSettings(const Deps& deps,
                                                                 const Caller& caller);
// JMA administrators only; the pattern is checked (ValidateNumberPattern).
[[nodiscard]] Status PutCertificateSettings(const Deps& deps, const Caller& caller,
                                            const CertificateSettings& s);
[[nodiscard]] Result<std::vector<Signatory>> ListSignatories(const Deps& deps,
                                                             const Caller& caller);
// A new signatory from `effective_from` (never before the latest one's date:
// issued certificates keep theirs); the seal must be PNG or JPEG.
[[nodiscard]] Result<Id> AddSignatory(const Deps& deps, const Caller& caller, const Signatory& s);

}  // namespace kakari::core
