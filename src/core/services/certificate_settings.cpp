#include "core/services/certificate_settings.hpp"

#include "util/strings.hpp"

namespace kakari::core {

Result<CertificateSettings> GetCertificateSettings(const Deps& deps, const Caller& caller) {
  if (auto r = RequirePermission(caller.principal, Permission::kReview); !r)
    return tl::unexpected(r.error());
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->Certificates().Settings();
}

Status PutCertificateSettings(const Deps& deps, const Caller& caller,
                              const CertificateSettings& s) {
  if (auto r = RequireJmaAdmin(caller.principal); !r) return r;
  if (auto v = ValidateNumberPattern(s.number_pattern); !v) return v;
  auto uow = deps.store.Begin(true);
  if (!uow) return tl::unexpected(uow.error());
  if (auto p = (*uow)->Certificates().PutSettings(s); !p) return p;
  if (auto a = WriteAudit(**uow, deps, &caller, "certificate_settings.update", "settings",
                          "certificates", s.number_pattern);
      !a) {
    return a;
  }
  return (*uow)->Commit();
}

Result<std::vector<Signatory>> ListSignatories(const Deps& deps, const Caller& caller) {
  if (auto r = RequirePermission(caller.principal, Permission::kReview); !r)
    return tl::unexpected(r.error());
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->Certificates().Signatories();
}

Result<Id> AddSignatory(const Deps& deps, const Caller& caller, const Signatory& s) {
  if (auto r = RequireJmaAdmin(caller.principal); !r) return tl::unexpected(r.error());
  if (util::Trim(s.title).empty() || util::Trim(s.name).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "役職と氏名を入力してください",
                "give the title and the name", util::Trim(s.title).empty() ? "title" : "name");
  }
  if (!s.seal_image.empty()) {
    if (auto v = ValidateSealImage(s.seal_image); !v) return tl::unexpected(v.error());
  }
  auto uow = deps.store.Begin(true);
  if (!uow) return tl::unexpected(uow.error());
  auto history = (*uow)->Certificates().Signatories();
  if (!history) return tl::unexpected(history.error());
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
  if (auto a = WriteAudit(**uow, deps, &caller, "signatory.add", "signatory", std::to_string(*id),
                          s.title + " " + s.name + " from " + s.effective_from.ToIso());
      !a) {
    return tl::unexpected(a.error());
  }
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  return id;
}

}  // namespace kakari::core
