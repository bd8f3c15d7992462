// JMA administration of the programme's rules (units, windows, categories).
// Thread-safe: every call opens its own unit of work.
#pragma once

#include "core/domain/programme.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

// The programme in force (staff may read) and its rules (JMA administrators
// only; checked by ValidateProgramme; the code stays). Progress and new
// applications follow the new rules at once; submitted applications keep
// what they froze.
[[nodiscard]] Result<Programme> GetProgrammeSettings(const Deps& deps, const Caller& caller);
[[nodiscard]] Result<Programme> PutProgrammeSettings(const Deps& deps, const Caller& caller,
                                                     Programme rules);

}  // namespace kakari::core
