#include "core/services/decision_notices.hpp"

namespace kakari::core {

namespace {

Result<std::string> ActivityText(UnitOfWork& uow, Id id) {
  KAKARI_TRY(input, uow.Activities().Find(id));
  if (!input) return std::string("実地研修");
  KAKARI_TRY(categories, uow.Activities().Categories());
  std::string category = input->category;
  for (const ActivityCategory& c : categories) {
    if (c.code == input->category) category = c.name_ja;
  }
  std::string text = "実地研修：" + category;
  if (!input->organisation.empty()) text += "（" + input->organisation + "）";
  return text;
}

Result<std::string> DeclarationText(UnitOfWork& uow, Id id) {
  KAKARI_TRY(input, uow.Declarations().Find(id));
  if (!input) return std::string("講義の単位の申告");
  return "講義の単位の申告：" + input->title + "（" + input->units.ToString() + "単位）";
}

std::string ItemLink(const ReviewItem& item) {
  return std::string("/#/items/") + ReviewKindName(item.kind) + "/" + std::to_string(item.id);
}

}  // namespace

Result<std::string> CallerAssociationName(UnitOfWork& uow, const Caller& caller) {
  const Principal& who = caller.principal;
  if (!who.organisation_id) return std::string("日本医師会");
  KAKARI_TRY(org, uow.Organisations().FindById(*who.organisation_id));
  return org ? org->name_ja : std::string("医師会");
}

Result<std::string> DescribeItem(UnitOfWork& uow, ReviewKind kind, Id id) {
  switch (kind) {
    case ReviewKind::kActivity:
      return ActivityText(uow, id);
    case ReviewKind::kDeclaration:
      return DeclarationText(uow, id);
    case ReviewKind::kApplication:
      break;
  }
  return std::string("修了の申請");
}

Status QueueDecisionNotice(UnitOfWork& uow, const Deps& deps, const Caller& caller,
                           const ReviewItem& item, ReviewAction action, std::string_view reason) {
  NoticeKind kind = action == ReviewAction::kApprove  ? NoticeKind::kItemApproved
                    : action == ReviewAction::kReturn ? NoticeKind::kItemReturned
                                                      : NoticeKind::kItemRejected;
  KAKARI_TRY(what, DescribeItem(uow, item.kind, item.id));
  KAKARI_TRY(association, CallerAssociationName(uow, caller));
  NoticeFields fields = {{"item", what}, {"association", association}};
  if (kind != NoticeKind::kItemApproved) fields.emplace_back("reason", std::string(reason));
  KAKARI_RETURN_IF_ERROR(
      QueueDoctorNotice(uow, deps, item.doctor_id, kind, std::move(fields), ItemLink(item)));
  return {};
}

Status QueueCertificateNotice(UnitOfWork& uow, const Deps& deps, Id doctor_id, NoticeKind kind,
                              std::string_view number) {
  KAKARI_RETURN_IF_ERROR(
      QueueDoctorNotice(uow, deps, doctor_id, kind, {{"number", std::string(number)}}, "/#/"));
  return {};
}

}  // namespace kakari::core
