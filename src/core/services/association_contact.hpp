// An association's own postal address and telephone number, printed as the
// sender on what it mails. Staff read their association's; its
// administrators change it (audited).
// Thread-safe: every call opens its own unit of work.
#pragma once

#include "core/domain/entities.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// The caller's own association, with its contact.
[[nodiscard]] Result<Organisation> GetOwnAssociation(const Deps& deps, const Caller& caller);
// Checked by ValidateContact; nothing is written when it is refused.
[[nodiscard]] Result<Organisation> PutOwnAssociationContact(const Deps& deps, const Caller& caller,
                                                            const OrganisationContact& typed);

}  // namespace kakari::core
