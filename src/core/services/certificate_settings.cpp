#include "core/services/certificate_settings.hpp"

#include "util/strings.hpp"

namespace kakari::core {

Result<CertificateSettings> GetCertificateSettings(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Certificates().Settings();
}

Result<NextNumber> NextCertificateNumber(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto programme = (*uow)->Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  int year = deps.clock.TodayInJapan().year;  // as IssueCertificate numbers
  auto last = (*uow)->Certificates().LastSequence(programme->code, year);
  KAKARI_RETURN_IF_ERROR(last);
  return NextNumber{year, *last + 1};
}

Status PutCertificateSettings(const Deps& deps, const Caller& caller,
                              const CertificateSettings& s) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  KAKARI_RETURN_IF_ERROR(ValidateNumberPattern(s.number_pattern));
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  KAKARI_RETURN_IF_ERROR((*uow)->Certificates().PutSettings(s));
  KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "certificate_settings.update", "settings",
                                    "certificates", s.number_pattern));
  return (*uow)->Commit();
}

Result<std::vector<Signatory>> ListSignatories(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Certificates().Signatories();
}

Result<Id> AddSignatory(const Deps& deps, const Caller& caller, const Signatory& s) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  if (util::Trim(s.title).empty() || util::Trim(s.name).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "役職と氏名を入力してください",
                "give the title and the name", util::Trim(s.title).empty() ? "title" : "name");
  }
  if (!s.seal_image.empty()) {
    KAKARI_RETURN_IF_ERROR(ValidateSealImage(s.seal_image));
  }
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto history = (*uow)->Certificates().Signatories();
  KAKARI_RETURN_IF_ERROR(history);
  if (!history->empty() && !(history->back().effective_from < s.effective_from)) {
    return Fail(ErrorCode::kUnprocessable,
                "就任日は現在の署名者（" + history->back().effective_from.ToIso() +
                    "〜）より後にしてください。発行済みの修了証の署名者は変わりません",
                "the start date must be after the current signatory's (" +
                    history->back().effective_from.ToIso() + "); issued certificates keep theirs",
                "effective_from");
  }
  auto id = (*uow)->Certificates().AddSignatory(s);
  if (!id) return id;
  KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "signatory.add", "signatory",
                                    std::to_string(*id),
                                    s.title + " " + s.name + " from " + s.effective_from.ToIso()));
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return id;
}

Result<std::vector<SigningKeyRecord>> ListSigningKeys(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Certificates().Keys();
}

Status PublishSigningKey(const Deps& deps, const Caller& caller, std::string_view key_id,
                         std::string_view public_key) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  if (key_id.empty() || public_key.size() != 32) {
    return Fail(ErrorCode::kInvalidArgument, "署名鍵の形式が正しくありません",
                "a signing key needs an id and a 32-byte public key", "key");
  }
  return InTransaction<bool>(
             deps,
             [&](UnitOfWork& uow) -> Result<bool> {
               KAKARI_RETURN_IF_ERROR(uow.Certificates().PublishKey(key_id, public_key));
               KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "signing_key.publish",
                                                 "signing_key", key_id, Base64Url(public_key)));
               return true;
             })
      .map([](bool) {});
}

}  // namespace kakari::core
