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
// The number the next certificate of the current programme would carry this
// year (Japan's calendar year), for the pattern's preview; staff may read.
struct NextNumber {
  int year = 0;
  int64_t sequence = 1;
};
[[nodiscard]] Result<NextNumber> NextCertificateNumber(const Deps& deps, const Caller& caller);
// JMA administrators only; the pattern is checked (ValidateNumberPattern).
[[nodiscard]] Status PutCertificateSettings(const Deps& deps, const Caller& caller,
                                            const CertificateSettings& s);
[[nodiscard]] Result<std::vector<Signatory>> ListSignatories(const Deps& deps,
                                                             const Caller& caller);
// A new signatory from `effective_from` (never before the latest one's date:
// issued certificates keep theirs); the seal must be PNG or JPEG.
[[nodiscard]] Result<Id> AddSignatory(const Deps& deps, const Caller& caller, const Signatory& s);

// The published signing keys (JMA administrators and the command line).
[[nodiscard]] Result<std::vector<SigningKeyRecord>> ListSigningKeys(const Deps& deps,
                                                                    const Caller& caller);
// Publishes the public half of a new current key (the private half stays in
// the key files); every other key is retired. Audited.
[[nodiscard]] Status PublishSigningKey(const Deps& deps, const Caller& caller,
                                       std::string_view key_id, std::string_view public_key);

}  // namespace kakari::core
