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

// What a change of rules would do to the country's doctors, before it is
// made: how many are complete now and would be, and how many would become or
// stop being complete. Checked as PutProgrammeSettings checks; writes nothing.
struct ProgrammeChangePreview {
  int64_t doctors = 0;
  int64_t complete_now = 0;
  int64_t complete_after = 0;
  int64_t becoming_complete = 0;
  int64_t ceasing_complete = 0;
};
[[nodiscard]] Result<ProgrammeChangePreview> PreviewProgrammeChange(const Deps& deps,
                                                                    const Caller& caller,
                                                                    Programme rules);

}  // namespace kakari::core
