// The staff side of the workflow (see staff_workflow.hpp).
#include "core/services/staff_workflow.hpp"

#include <algorithm>

#include "core/domain/field_text.hpp"
#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "core/services/certificate_service.hpp"
#include "core/services/decision_notices.hpp"
#include "core/services/doctor_workflow.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

// Side effects of an approval, checked again at decision time.
Status OnApprove(UnitOfWork& uow, const Deps& deps, const ReviewItem& item) {
  if (item.kind == ReviewKind::kApplication) {
    auto standing = StandingOf(uow, item.doctor_id);
    KAKARI_RETURN_IF_ERROR(standing);
    if (!standing->eligibility.complete) {
      return Fail(
          ErrorCode::kUnprocessable,
          "この医師は現在、修了要件を満たしていません（承認済みの実地研修または単位が不足）",
          "the doctor no longer meets the requirements (approved activities or units)");
    }
    // The certificate is issued in the approving transaction: both or neither.
    auto cert = IssueInApproval(uow, deps, item.id, item.doctor_id, item.channel == "paper");
    KAKARI_RETURN_IF_ERROR(cert);
    return QueueCertificateNotice(uow, deps, item.doctor_id, NoticeKind::kCertificateIssued,
                                  cert->issued.number);
  }
  if (item.kind == ReviewKind::kDeclaration) {
    auto decl = uow.Declarations().Find(item.id);
    KAKARI_RETURN_IF_ERROR(decl);
    if (!*decl) return tl::unexpected(NotFoundError("申告", "declaration"));
    auto lecture = uow.Credits().LectureId((*decl)->title, (*decl)->organizer);
    KAKARI_RETURN_IF_ERROR(lecture);
    KAKARI_RETURN_IF_ERROR(uow.Credits().StartImport("declaration"));
    CreditRepository::Row row{item.doctor_id, *lecture,
                              static_cast<int32_t>((*decl)->taken_on.ToDays()),
                              static_cast<int32_t>((*decl)->units.halves()), -1};
    KAKARI_RETURN_IF_ERROR(uow.Credits().InsertMany(std::span(&row, 1)));
    return uow.Declarations().LinkCredit(item.id, *lecture);
  }
  return {};
}

Status DecideIn(UnitOfWork& uow, const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                const Decision& d) {
  if (ActorOf(d.action) != ReviewActor::kStaff) {
    return Fail(ErrorCode::kInvalidArgument, "action は approve・return・reject のいずれかです",
                "action must be approve, return or reject", "action");
  }
  if (d.action != ReviewAction::kApprove && util::Trim(d.reason).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "差戻し・却下には理由を入力してください",
                "a return or rejection needs a reason", "reason");
  }
  auto item = LoadVisibleItem(uow, caller.principal, kind, id);
  KAKARI_RETURN_IF_ERROR(item);
  if (d.version && *d.version != item->version) {
    return Fail(ErrorCode::kConflict, "他の担当者が先に更新しました。最新の状態を確認してください",
                "someone else changed this item first; reload it", "version");
  }
  KAKARI_RETURN_IF_ERROR(Transition(item->status, d.action));
  if (d.action == ReviewAction::kApprove) {
    KAKARI_RETURN_IF_ERROR(OnApprove(uow, deps, *item));
  }
  KAKARI_RETURN_IF_ERROR(ApplyTransition(uow, deps, caller, *item, d.action, util::Trim(d.reason)));
  return QueueDecisionNotice(uow, deps, caller, *item, d.action, util::Trim(d.reason));
}

}  // namespace

Result<DoctorProgress> DoctorProgressFor(const Deps& deps, const Caller& caller,
                                         std::string_view registry_number) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto doctor = LoadVisibleDoctor(**uow, caller.principal, registry_number);
  KAKARI_RETURN_IF_ERROR(doctor);
  auto progress = ProgressOf(**uow, *doctor);
  KAKARI_RETURN_IF_ERROR(progress);
  if (caller.principal.role != Role::kDoctor) {
    KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "doctor.view", "doctor",
                                      std::to_string(doctor->id), "progress"));
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return progress;
}

Result<QueuePage> ReviewQueue(const Deps& deps, const Caller& caller, QueueFilter filter) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  if (filter.page < 1 || filter.per_page < 1 || filter.per_page > 200) {
    return Fail(ErrorCode::kInvalidArgument, "page は1以上、per_page は1〜200で指定してください",
                "page must be 1 or more and per_page 1-200", "per_page");
  }
  auto scope = ScopePrefix(caller.principal);
  if (!scope) return tl::unexpected(NotFoundError("医師会", "association"));
  filter.association_prefix = *scope;
  // Read in a read transaction (readers run side by side), then record the
  // view; the page is answered only once its audit record is committed.
  Result<QueuePage> page = [&]() -> Result<QueuePage> {
    auto reader = deps.store.Begin(false);
    KAKARI_RETURN_IF_ERROR(reader);
    return (*reader)->Reviews().Queue(filter);
  }();
  if (!page) return page;
  std::string detail = "page=" + std::to_string(filter.page) +
                       (filter.name_key.empty() ? "" : " search") +
                       " rows=" + std::to_string(page->rows.size());
  KAKARI_RETURN_IF_ERROR(RecordViewUnlessUnwritable(deps, caller, "queue.view", "association",
                                                    caller.principal.organisation_code, detail));
  return page;
}

Result<Id> Decide(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                  const Decision& decision) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  return InWriteTransaction(deps, caller, "decision", [&](UnitOfWork& uow) -> Result<Id> {
    KAKARI_RETURN_IF_ERROR(DecideIn(uow, deps, caller, kind, id, decision));
    return id;
  });
}

Result<std::vector<BulkOutcome>> BulkApprove(const Deps& deps, const Caller& caller,
                                             const std::vector<std::pair<ReviewKind, Id>>& items) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  if (items.empty() || items.size() > 10000) {
    return Fail(ErrorCode::kInvalidArgument, "一括承認は1〜10,000件で選んでください",
                "select 1 to 10,000 items for bulk approval", "items");
  }
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  std::vector<BulkOutcome> out;
  // Activities and declarations first: an application in the same batch may
  // depend on them.
  std::vector<std::pair<ReviewKind, Id>> ordered = items;
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return (a.first == ReviewKind::kApplication) < (b.first == ReviewKind::kApplication);
  });
  Decision approve{ReviewAction::kApprove, "", std::nullopt};
  for (const auto& [kind, id] : ordered) {
    auto s = DecideIn(**uow, deps, caller, kind, id, approve);
    if (!s &&
        (s.error().code == ErrorCode::kInternal || s.error().code == ErrorCode::kUnavailable)) {
      return tl::unexpected(s.error());  // storage failure: the whole batch rolls back
    }
    out.push_back(
        BulkOutcome{kind, id, s.has_value(), s ? std::nullopt : std::optional<Error>(s.error())});
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return out;
}

Result<std::vector<Doctor>> FindDoctors(const Deps& deps, const Caller& caller,
                                        std::string_view query) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  std::string q = NormalizeNfkc(util::Trim(query));
  if (q.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "医籍登録番号・氏名・カナのいずれかを入力してください",
                "enter a registry number, name or kana", "q");
  }
  std::string prefix =
      caller.principal.role == Role::kJmaAdmin ? "" : caller.principal.organisation_code;
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto found = (*uow)->Doctors().Search(prefix, q, SearchKey(q), 50);
  if (!found) return found;
  KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "doctor.search", "association",
                                    caller.principal.organisation_code,
                                    "results=" + std::to_string(found->size())));
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return found;
}

Result<Doctor> ValidateDoctorDraft(const DoctorDraft& draft, const Date& today) {
  auto field = [](const char* name, const char* ja, const char* en) {
    return Fail(ErrorCode::kInvalidArgument, ja, en, name);
  };
  Doctor d;
  // Full-width digits and letters are what many people type: NFKC first.
  auto reg = ValidateRegistryNumber(NormalizeNfkc(draft.registry_number));
  KAKARI_RETURN_IF_ERROR(reg);
  d.registry_number = *reg;
  d.name = std::string(util::Trim(draft.name));     // as written: never folded
  if (util::Trim(NormalizeNfkc(d.name)).empty()) {  // full-width spaces only is empty too
    return field("name", "氏名を入力してください", "enter the name");
  }
  d.kana = KatakanaReading(draft.kana);
  if (d.kana.empty() || !IsKatakanaReading(d.kana)) {
    return field("kana", "フリガナをカタカナで入力してください", "enter the reading in katakana");
  }
  if (!draft.birth_date || !(*draft.birth_date < today)) {
    return field("birth_date", "生年月日を今日より前の日付で入力してください",
                 "enter a birth date before today");
  }
  d.birth_date = *draft.birth_date;
  if (!util::Trim(draft.member_id).empty()) {
    auto member = ValidateMemberId(NormalizeNfkc(draft.member_id));
    KAKARI_RETURN_IF_ERROR(member);
    d.member_id = *member;
  }
  if (!util::Trim(draft.postal_code).empty()) {
    auto postal = ValidatePostalCode(NormalizeNfkc(draft.postal_code));
    KAKARI_RETURN_IF_ERROR(postal);
    d.postal_code = *postal;
  }
  if (!util::Trim(draft.email).empty()) {
    auto email = ValidateEmail(NormalizeNfkc(draft.email));
    KAKARI_RETURN_IF_ERROR(email);
    d.email = *email;
  }
  d.address = std::string(util::Trim(draft.address));
  return d;
}

Result<Doctor> CreateDoctor(const Deps& deps, const Caller& caller, const DoctorDraft& draft) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto valid = ValidateDoctorDraft(draft, deps.clock.TodayInJapan());
  if (!valid) return valid;
  Doctor doctor = *valid;
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto home = (*uow)->Organisations().FindByCode(draft.association_code);
  KAKARI_RETURN_IF_ERROR(home);
  if (!*home || (*home)->level == OrgLevel::kNational ||
      !CoversAssociation(caller.principal, (*home)->code)) {
    return Fail(ErrorCode::kUnprocessable, "所属医師会は担当範囲内の医師会を指定してください",
                "the home association must be one within your scope", "association_code");
  }
  doctor.home_association_id = (*home)->id;
  auto id = (*uow)->Doctors().Insert(doctor);
  if (!id) {
    Error e = id.error();
    if (e.code == ErrorCode::kAlreadyExists) e.field = "registry_number";
    return tl::unexpected(e);
  }
  doctor.id = *id;
  if (auto a =
          WriteAudit(**uow, deps, &caller, "doctor.create", "doctor", std::to_string(*id), "paper");
      !a) {
    return tl::unexpected(a.error());
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return doctor;
}

Result<Id> EnterPaperApplication(const Deps& deps, const Caller& caller,
                                 const PaperApplication& paper, RoutedTo* routed) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  return InWriteTransaction(deps, caller, "paper.application", [&](UnitOfWork& uow) -> Result<Id> {
    auto doctor = LoadVisibleDoctor(uow, caller.principal, paper.registry_number);
    KAKARI_RETURN_IF_ERROR(doctor);
    auto scan = uow.Files().Find(paper.scan_file_id);
    KAKARI_RETURN_IF_ERROR(scan);
    if (!*scan || (*scan)->uploaded_by != caller.principal.user_id || (*scan)->attached_id) {
      return Fail(ErrorCode::kUnprocessable, "申請書のスキャンを先にアップロードしてください",
                  "upload the scanned form first", "scan_file_id");
    }
    auto standing = StandingOf(uow, doctor->id);
    KAKARI_RETURN_IF_ERROR(standing);
    auto route = RouteFor(uow, *doctor);
    KAKARI_RETURN_IF_ERROR(route);
    if (routed) {
      auto org = uow.Organisations().FindById(route->association_id);
      KAKARI_RETURN_IF_ERROR(org);
      if (*org) *routed = RoutedTo{(*org)->code, (*org)->name_ja};
    }
    ApplicationSnapshot snap{standing->eligibility.lecture_units, standing->approved_activity_ids,
                             standing->eligibility.total_units, route->reason};
    NewApplication app{doctor->id,
                       standing->programme.code,
                       "paper",
                       route->association_id,
                       ReviewStatus::kSubmitted,
                       deps.clock.TodayInJapan()};
    auto app_id = uow.Applications().Submit(app, snap, paper.scan_file_id);
    if (!app_id) return app_id;
    if (auto f =
            uow.Files().Attach(paper.scan_file_id, ReviewKind::kApplication, *app_id, doctor->id);
        !f) {
      return tl::unexpected(f.error());
    }
    HistoryEntry e{FormatUtcIso(deps.clock.NowUnixSeconds()),
                   std::nullopt,
                   ReviewStatus::kSubmitted,
                   "submit",
                   caller.principal.user_id,
                   RoleName(caller.principal.role),
                   "paper",
                   ""};
    KAKARI_RETURN_IF_ERROR(uow.Reviews().AddHistory(ReviewKind::kApplication, *app_id, e));
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "application.paper_entry", "application",
                                      std::to_string(*app_id)));
    return app_id;
  });
}

Result<std::vector<AuditRecord>> ItemAudit(const Deps& deps, const Caller& caller, ReviewKind kind,
                                           Id id) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto item = LoadVisibleItem(**uow, caller.principal, kind, id);
  KAKARI_RETURN_IF_ERROR(item);
  return (*uow)->Audit().ForSubject(ReviewKindName(kind), std::to_string(id));
}

Result<RoutingRule> GetRouting(const Deps& deps, const Caller& caller,
                               std::string_view prefecture_code) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  if (!CoversAssociation(caller.principal, prefecture_code) &&
      !util::StartsWith(caller.principal.organisation_code, prefecture_code)) {
    return tl::unexpected(NotFoundError("都道府県", "prefecture"));
  }
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Settings().Routing(prefecture_code);
}

Status PutRouting(const Deps& deps, const Caller& caller, const RoutingRule& rule) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  if (!ValidatePrefectureCode(rule.prefecture_code) ||
      !CoversAssociation(caller.principal, rule.prefecture_code)) {
    return tl::unexpected(NotFoundError("都道府県", "prefecture"));
  }
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  KAKARI_RETURN_IF_ERROR((*uow)->Settings().PutRouting(rule));
  if (auto a =
          WriteAudit(**uow, deps, &caller, "routing.update", "prefecture", rule.prefecture_code,
                     std::string("members=") + ApprovingLevelName(rule.members) +
                         " non_members=" + ApprovingLevelName(rule.non_members));
      !a) {
    return a;
  }
  return (*uow)->Commit();
}

Result<std::vector<AffiliatedStatus>> InstitutionDoctors(const Deps& deps, const Caller& caller) {
  if (!Allows(caller.principal, Permission::kInstitutionView) || !caller.principal.institution_id) {
    return Fail(ErrorCode::kPermissionDenied, "医療機関の担当者のみが行える操作です",
                "only institution users may do this");
  }
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto affiliations =
      (*uow)->Institutions().AffiliationsOfInstitution(*caller.principal.institution_id);
  KAKARI_RETURN_IF_ERROR(affiliations);
  Date today = deps.clock.TodayInJapan();
  std::vector<Doctor> doctors;
  for (const auto& a : *affiliations) {
    if (!VisibleToInstitution(a) || !ActiveOn(a, today)) continue;
    auto d = (*uow)->Doctors().FindById(a.doctor_id);
    KAKARI_RETURN_IF_ERROR(d);
    if (*d) doctors.push_back(std::move(**d));
  }
  std::vector<AffiliatedStatus> out;
  for (auto& d : doctors) {
    auto standing = StandingOf(**uow, d.id);
    KAKARI_RETURN_IF_ERROR(standing);
    auto items = (*uow)->Reviews().ListForDoctor(d.id);
    KAKARI_RETURN_IF_ERROR(items);
    bool certified = false;
    for (const auto& it : *items) {
      certified = certified ||
                  (it.kind == ReviewKind::kApplication && it.status == ReviewStatus::kApproved);
    }
    out.push_back({std::move(d), standing->eligibility.complete, certified});
  }
  return out;
}

}  // namespace kakari::core
