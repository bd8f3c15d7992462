// Demo certificates: a few approved applications of the demo get their
// certificate, one is then reissued and one revoked, so that `make run`
// shows every state on the verification page.
#include "demo/demo_certificates.hpp"

#include "core/services/auth_service.hpp"
#include "core/services/certificate_service.hpp"
#include "demo/demo_accounts.hpp"

namespace kakari::demo {

using core::Caller;
using core::Deps;
using core::IssueInApproval;
using core::NotFoundError;
using core::PrincipalOf;
using core::QueueFilter;
using core::QueueRow;
using core::Reissue;
using core::Result;
using core::ReviewKind;
using core::ReviewStatus;
using core::Revoke;
using core::Store;

namespace {

Result<std::vector<QueueRow>> ApprovedApplications(Store& store, int count) {
  auto uow = store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  QueueFilter f;
  f.kind = ReviewKind::kApplication;
  f.status = ReviewStatus::kApproved;
  f.per_page = count;
  auto page = (*uow)->Reviews().Queue(f);
  KAKARI_RETURN_IF_ERROR(page);
  return page->rows;
}

Result<Caller> JmaCaller(Store& store) {
  auto uow = store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto user = (*uow)->Users().FindByLogin("jma-admin");
  KAKARI_RETURN_IF_ERROR(user);
  if (!*user) return tl::unexpected(NotFoundError("jma-admin", "jma-admin"));
  return Caller{PrincipalOf(**user), "127.0.0.1", "", ""};
}

// Issues the certificate of an approved demo application. Demo applications
// are inserted approved, without what counted; record the doctor's standing
// as its snapshot first, as a real approval does, so the certificate can say
// what was completed.
Result<core::Certificate> CertifyDemoApplication(core::UnitOfWork& uow, const Deps& deps,
                                                 const core::ReviewItem& item) {
  auto standing = core::StandingOf(uow, item.doctor_id);
  KAKARI_RETURN_IF_ERROR(standing);
  core::ApplicationSnapshot snapshot{standing->eligibility.lecture_units,
                                     standing->approved_activity_ids,
                                     standing->eligibility.total_units, ""};
  KAKARI_RETURN_IF_ERROR(uow.Applications().ReplaceSnapshot(item.id, snapshot));
  return IssueInApproval(uow, deps, item.id, item.doctor_id, item.channel == "paper");
}

}  // namespace

Result<std::vector<std::string>> CreateDemoCertificates(const Deps& deps) {
  auto rows = ApprovedApplications(deps.store, 3);
  KAKARI_RETURN_IF_ERROR(rows);
  std::vector<std::string> numbers;
  for (const auto& row : *rows) {
    auto uow = deps.store.Begin(true);
    KAKARI_RETURN_IF_ERROR(uow);
    auto cert = CertifyDemoApplication(**uow, deps, row.item);
    KAKARI_RETURN_IF_ERROR(cert);
    KAKARI_RETURN_IF_ERROR((*uow)->Commit());
    numbers.push_back(cert->issued.number);
  }
  auto jma = JmaCaller(deps.store);
  KAKARI_RETURN_IF_ERROR(jma);
  if (numbers.size() > 1) {
    KAKARI_RETURN_IF_ERROR(Reissue(deps, *jma, numbers[1], "氏名変更による再交付（デモ）"));
  }
  if (numbers.size() > 2) {
    KAKARI_RETURN_IF_ERROR(Revoke(deps, *jma, numbers[2], "申請内容の誤りによる取消し（デモ）"));
  }
  return numbers;
}

core::Status AddDemoSeal(Store& store, const std::string& png) {
  auto uow = store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto signatories = (*uow)->Certificates().Signatories();
  KAKARI_RETURN_IF_ERROR(signatories);
  if (signatories->empty()) return {};
  core::Signatory sealed = signatories->back();
  for (const auto& s : *signatories) {
    if (s.effective_from > sealed.effective_from) sealed = s;
  }
  sealed.id = 0;
  sealed.effective_from = core::Date::FromDays(sealed.effective_from.ToDays() + 1);
  sealed.seal_image = png;
  KAKARI_RETURN_IF_ERROR((*uow)->Certificates().AddSignatory(sealed));
  return (*uow)->Commit();
}

Result<int64_t> CertifyOtherApproved(const Deps& deps) {
  constexpr int kPage = 1000;
  int64_t issued = 0;
  for (int page = 1;; ++page) {
    auto uow = deps.store.Begin(true);
    KAKARI_RETURN_IF_ERROR(uow);
    QueueFilter f;
    f.kind = ReviewKind::kApplication;
    f.status = ReviewStatus::kApproved;
    f.page = page;
    f.per_page = kPage;
    auto rows = (*uow)->Reviews().Queue(f);
    KAKARI_RETURN_IF_ERROR(rows);
    // The first three are CreateDemoCertificates' (same order).
    for (size_t i = page == 1 ? 3 : 0; i < rows->rows.size(); ++i) {
      const auto& item = rows->rows[i].item;
      auto cert = CertifyDemoApplication(**uow, deps, item);
      KAKARI_RETURN_IF_ERROR(cert);
      ++issued;
    }
    KAKARI_RETURN_IF_ERROR((*uow)->Commit());
    if (rows->rows.size() < static_cast<size_t>(kPage)) break;
  }
  return issued;
}

}  // namespace kakari::demo
