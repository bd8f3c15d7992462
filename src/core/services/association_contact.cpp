#include "core/services/association_contact.hpp"

namespace kakari::core {

namespace {

Result<Organisation> OwnAssociation(UnitOfWork& uow, const Caller& caller) {
  auto org = uow.Organisations().FindByCode(caller.principal.organisation_code);
  KAKARI_RETURN_IF_ERROR(org);
  if (!*org) return tl::unexpected(NotFoundError("医師会", "association"));
  return **org;
}

}  // namespace

Result<Organisation> GetOwnAssociation(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return OwnAssociation(**uow, caller);
}

Result<Organisation> PutOwnAssociationContact(const Deps& deps, const Caller& caller,
                                              const OrganisationContact& typed) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  auto contact = ValidateContact(typed);
  KAKARI_RETURN_IF_ERROR(contact);
  return InTransaction<Organisation>(deps, [&](UnitOfWork& uow) -> Result<Organisation> {
    auto org = OwnAssociation(uow, caller);
    if (!org) return org;
    KAKARI_RETURN_IF_ERROR(uow.Organisations().UpdateContact(org->id, *contact));
    // The address is the association's, not a person's: it may be logged.
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "association.contact", "association",
                                      org->code, "postal_code=" + contact->postal_code));
    org->contact = *contact;
    return org;
  });
}

}  // namespace kakari::core
