// JMA administration of certificates: numbering and what the certificate
// shows, and the signatories with their history (a certificate always shows
// the signatory in office on its issue date).
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <vector>

#include "core/certificate.hpp"
#include "core/programme.hpp"
#include "core/service_support.hpp"

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

// The programme in force (staff may read) and its rules (JMA administrators
// only; checked by ValidateProgramme; the code stays). Progress and new
// applications follow the new rules at once; submitted applications keep
// what they froze.
[[nodiscard]] Result<Programme> GetProgrammeSettings(const Deps& deps, const Caller& caller);
[[nodiscard]] Result<Programme> PutProgrammeSettings(const Deps& deps, const Caller& caller,
                                                     Programme rules);

}  // namespace kakari::core
