// Use cases of affiliations: a doctor names a workplace and ends one; an
// institution confirms or declines a doctor who named it and proposes one;
// anyone signed in finds institutions by code or name. Every change is
// audited in its own transaction. Thread-safe (a unit of work per call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/institution.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

struct Workplace {
  Affiliation affiliation;
  Institution institution;
  // Whether the institution sees this doctor's completion (confirmed).
  bool visible = false;
};

struct AffiliationRequest {  // what an institution sees of an affiliation
  Affiliation affiliation;
  std::string registry_number;
  std::string name;
};

struct NewAffiliation {
  std::optional<Date> started_on;
  std::optional<Employment> employment;
};

struct AffiliationDecision {
  AffiliationAction action = AffiliationAction::kConfirm;
  int64_t version = 0;
  std::optional<Date> ended_on;  // for kEnd; today in Japan by default
};

[[nodiscard]] Result<std::vector<Workplace>> MyWorkplaces(const Deps& deps, const Caller& caller);
[[nodiscard]] Result<Workplace> AddMyWorkplace(const Deps& deps, const Caller& caller,
                                               const std::string& institution_code,
                                               const NewAffiliation& input);
[[nodiscard]] Result<Workplace> DecideMyWorkplace(const Deps& deps, const Caller& caller, Id id,
                                                  const AffiliationDecision& decision);

[[nodiscard]] Result<std::vector<AffiliationRequest>> InstitutionAffiliations(const Deps& deps,
                                                                              const Caller& caller);
// The doctor is named by registry number and name, both as on the
// certificate, so that a registry number alone reveals nobody.
[[nodiscard]] Result<AffiliationRequest> ProposeDoctor(const Deps& deps, const Caller& caller,
                                                       const std::string& registry_number,
                                                       const std::string& name,
                                                       const NewAffiliation& input);
[[nodiscard]] Result<AffiliationRequest> DecideInstitutionAffiliation(
    const Deps& deps, const Caller& caller, Id id, const AffiliationDecision& decision);

// Institutions by code, name or kana (at most 20): doctors and institution
// users search everywhere (the registry is public), staff within their area.
[[nodiscard]] Result<std::vector<Institution>> SearchInstitutions(const Deps& deps,
                                                                  const Caller& caller,
                                                                  const std::string& query);

}  // namespace kakari::core
