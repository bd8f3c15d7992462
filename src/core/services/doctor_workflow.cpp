// The doctor's side of the workflow (see doctor_workflow.hpp).
#include "core/services/doctor_workflow.hpp"

#include "core/domain/proof_file.hpp"
#include "core/domain/validation.hpp"

namespace kakari::core {

namespace {

Status Unprocessable(std::string ja, std::string en, std::string field) {
  return Fail(ErrorCode::kUnprocessable, std::move(ja), std::move(en), std::move(field));
}

Status CheckText(std::string_view value, size_t max_bytes, const char* field, const char* ja,
                 const char* en) {
  if (value.empty() || value.size() > max_bytes) {
    return Fail(
        ErrorCode::kInvalidArgument,
        std::string(ja) + "を入力してください（" + std::to_string(max_bytes / 3) + "文字まで）",
        std::string("enter the ") + en + " (" + std::to_string(max_bytes / 3) +
            " characters at most)",
        field);
  }
  return {};
}

// Every file must be the caller's own upload and not yet attached.
Status AttachFiles(UnitOfWork& uow, const Caller& caller, const std::vector<Id>& file_ids,
                   ReviewKind kind, Id item_id, Id doctor_id) {
  for (Id f : file_ids) {
    auto meta = uow.Files().Find(f);
    KAKARI_RETURN_IF_ERROR(meta);
    if (!*meta || (*meta)->uploaded_by != caller.principal.user_id || (*meta)->attached_id) {
      return Unprocessable(
          "添付ファイル " + std::to_string(f) + " は使えません（未アップロードか使用済み）",
          "file " + std::to_string(f) + " is not an unused upload of yours", "file_ids");
    }
    KAKARI_RETURN_IF_ERROR(uow.Files().Attach(f, kind, item_id, doctor_id));
  }
  return {};
}

Status AddCreatedHistory(UnitOfWork& uow, const Deps& deps, const Caller& caller, ReviewKind kind,
                         Id id) {
  HistoryEntry e;
  e.at = FormatUtcIso(deps.clock.NowUnixSeconds());
  e.to = ReviewStatus::kSubmitted;
  e.action = "submit";
  e.actor_user_id = caller.principal.user_id;
  e.actor_role = RoleName(caller.principal.role);
  KAKARI_RETURN_IF_ERROR(uow.Reviews().AddHistory(kind, id, e));
  return WriteAudit(uow, deps, &caller, std::string(ReviewKindName(kind)) + ".submit",
                    ReviewKindName(kind), std::to_string(id));
}

std::string MissingText(const Eligibility& e, bool ja) {
  std::string out;
  for (const auto& m : e.missing)
    out += (out.empty() ? "" : ja ? "。" : "; ") + (ja ? m.message_ja : m.message_en);
  return out;
}

}  // namespace

Status ValidateActivity(const ActivityInput& in, Date today,
                        const std::vector<ActivityCategory>& catalogue) {
  bool known = false;
  for (const auto& c : catalogue) known = known || c.code == in.category;
  if (!known) {
    return Fail(ErrorCode::kInvalidArgument, "活動の種類を一覧から選んでください",
                "choose the kind of activity from the list", "category");
  }
  KAKARI_RETURN_IF_ERROR(
      CheckText(in.description, 3000, "description", "活動の内容", "description"));
  KAKARI_RETURN_IF_ERROR(
      CheckText(in.organisation, 600, "organisation", "実施団体・機関", "organisation"));
  if (today < in.started_on) {
    return Unprocessable("開始日が未来の日付です", "the start date is in the future", "started_on");
  }
  if (in.ended_on && *in.ended_on < in.started_on) {
    return Unprocessable("終了日が開始日より前です", "the end date is before the start date",
                         "ended_on");
  }
  if (in.ended_on && today < *in.ended_on) {
    return Unprocessable("終了日が未来の日付です（継続中なら空欄に）",
                         "the end date is in the future (leave it empty while ongoing)",
                         "ended_on");
  }
  if (in.file_ids.size() > 10) {
    return Fail(ErrorCode::kInvalidArgument, "添付は10件までです", "at most 10 files", "file_ids");
  }
  return {};
}

Status ValidateDeclaration(const DeclarationInput& in, Date today) {
  if (in.units <= HalfUnits() || HalfUnits::FromUnits(100) < in.units) {
    return Fail(ErrorCode::kInvalidArgument,
                "単位数は0.5から100の間で、0.5単位刻みで入力してください",
                "units must be between 0.5 and 100 in steps of 0.5", "units");
  }
  if (today < in.taken_on) {
    return Unprocessable("受講日が未来の日付です", "the date taken is in the future", "taken_on");
  }
  KAKARI_RETURN_IF_ERROR(CheckText(in.title, 600, "title", "研修名", "title"));
  KAKARI_RETURN_IF_ERROR(CheckText(in.organizer, 600, "organizer", "主催者", "organiser"));
  if (in.file_ids.empty()) {
    return Unprocessable("受講を証明する書類を添付してください", "attach proof of attendance",
                         "file_ids");
  }
  return {};
}

Result<DoctorProgress> MyProgress(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  if (!caller.principal.doctor_id) {
    return tl::unexpected(NotFoundError("医師の記録", "doctor record"));
  }
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return ProgressOf(**uow, *caller.principal.doctor_id);
}

Result<CreditPage> MyCredits(const Deps& deps, const Caller& caller, int fiscal_year, int page,
                             int per_page) {
  if (fiscal_year < 2000 || fiscal_year > 2200 || page < 1 || per_page < 1 || per_page > 200) {
    return Fail(ErrorCode::kInvalidArgument,
                "年度は2000〜2200、page は1以上、per_page は1〜200で指定してください",
                "fiscal_year must be 2000-2200, page 1 or more, per_page 1-200", "fiscal_year");
  }
  return ReadOwnRecord<CreditPage>(
      deps, caller, [&](UnitOfWork& uow, const Doctor& doctor) -> Result<CreditPage> {
        DateRange fy{Date{fiscal_year, 4, 1}, Date{fiscal_year + 1, 3, 31}};
        auto credits = uow.Credits().PageForDoctor(doctor.id, fy, (page - 1) * per_page, per_page);
        KAKARI_RETURN_IF_ERROR(credits);
        return CreditPage{fiscal_year, credits->first, std::move(credits->second)};
      });
}

Result<std::vector<ActivityCategory>> ActivityCategories(const Deps& deps) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Activities().Categories();
}

Result<StoredFileMeta> UploadFile(const Deps& deps, const Caller& caller, std::string_view name,
                                  std::string_view bytes) {
  if (!Allows(caller.principal, Permission::kOwnRecord) &&
      !Allows(caller.principal, Permission::kReview)) {
    return tl::unexpected(RequirePermission(caller.principal, Permission::kOwnRecord).error());
  }
  auto type = DetectProofType(bytes);
  KAKARI_RETURN_IF_ERROR(type);
  StoredFileMeta meta;
  meta.uploaded_by = caller.principal.user_id;
  meta.doctor_id = caller.principal.doctor_id;
  meta.content_type = *type;
  meta.name = SafeFileName(name);
  meta.size = static_cast<int64_t>(bytes.size());
  meta.sha256 = deps.crypto.Sha256Hex(bytes);
  auto id = InWriteTransaction(deps, caller, "file.upload", [&](UnitOfWork& uow) -> Result<Id> {
    auto id = uow.Files().Insert(meta, bytes);
    if (!id) return id;
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "file.upload", "file",
                                      std::to_string(*id), meta.content_type));
    return id;
  });
  KAKARI_RETURN_IF_ERROR(id);
  meta.id = *id;
  return meta;
}

Result<FileContent> ReadFileFor(const Deps& deps, const Caller& caller, Id file_id) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto meta = (*uow)->Files().Find(file_id);
  KAKARI_RETURN_IF_ERROR(meta);
  const Principal& who = caller.principal;
  bool visible = *meta && (*meta)->uploaded_by == who.user_id;
  if (*meta && !visible && (*meta)->attached_kind && (*meta)->attached_id) {
    visible =
        LoadVisibleItem(**uow, who, *(*meta)->attached_kind, *(*meta)->attached_id).has_value();
  }
  if (!visible) return tl::unexpected(NotFoundError("ファイル", "file"));
  auto bytes = (*uow)->Files().Bytes(file_id);
  KAKARI_RETURN_IF_ERROR(bytes);
  if (who.role != Role::kDoctor) {
    KAKARI_RETURN_IF_ERROR(
        WriteAudit(**uow, deps, &caller, "file.view", "file", std::to_string(file_id)));
  }
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return FileContent{**meta, std::move(*bytes)};
}

Result<Id> ReportActivity(const Deps& deps, const Caller& caller, const ActivityInput& input) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  return InWriteTransaction(deps, caller, "activity.submit", [&](UnitOfWork& uow) -> Result<Id> {
    auto catalogue = uow.Activities().Categories();
    KAKARI_RETURN_IF_ERROR(catalogue);
    KAKARI_RETURN_IF_ERROR(ValidateActivity(input, deps.clock.TodayInJapan(), *catalogue));
    auto doctor = CallerDoctor(uow, caller.principal);
    KAKARI_RETURN_IF_ERROR(doctor);
    auto route = RouteFor(uow, *doctor);
    KAKARI_RETURN_IF_ERROR(route);
    auto id = uow.Activities().Submit(doctor->id, input, route->association_id);
    if (!id) return id;
    KAKARI_RETURN_IF_ERROR(
        AttachFiles(uow, caller, input.file_ids, ReviewKind::kActivity, *id, doctor->id));
    KAKARI_RETURN_IF_ERROR(AddCreatedHistory(uow, deps, caller, ReviewKind::kActivity, *id));
    return id;
  });
}

Result<Id> DeclareCredits(const Deps& deps, const Caller& caller, const DeclarationInput& input) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  KAKARI_RETURN_IF_ERROR(ValidateDeclaration(input, deps.clock.TodayInJapan()));
  return InWriteTransaction(deps, caller, "declaration.submit", [&](UnitOfWork& uow) -> Result<Id> {
    auto doctor = CallerDoctor(uow, caller.principal);
    KAKARI_RETURN_IF_ERROR(doctor);
    auto route = RouteFor(uow, *doctor);
    KAKARI_RETURN_IF_ERROR(route);
    auto id = uow.Declarations().Submit(doctor->id, input, route->association_id);
    if (!id) return id;
    if (auto f =
            AttachFiles(uow, caller, input.file_ids, ReviewKind::kDeclaration, *id, doctor->id);
        !f) {
      return tl::unexpected(f.error());
    }
    KAKARI_RETURN_IF_ERROR(AddCreatedHistory(uow, deps, caller, ReviewKind::kDeclaration, *id));
    return id;
  });
}

namespace {

// An application may be made when none is open or approved, and the record
// completes the programme now.
Result<ApplicationSnapshot> SnapshotForApplication(UnitOfWork& uow, const Doctor& doctor,
                                                   std::optional<Id> except_application) {
  auto items = uow.Reviews().ListForDoctor(doctor.id);
  KAKARI_RETURN_IF_ERROR(items);
  for (const auto& it : *items) {
    if (it.kind != ReviewKind::kApplication ||
        (except_application && it.id == *except_application)) {
      continue;
    }
    if (it.status == ReviewStatus::kApproved) {
      return Fail(ErrorCode::kConflict, "修了申請は既に承認されています",
                  "your completion application is already approved");
    }
    if (it.status == ReviewStatus::kSubmitted || it.status == ReviewStatus::kReturned) {
      return Fail(ErrorCode::kConflict, "審査中または差戻し中の修了申請があります",
                  "you already have an application under review or returned");
    }
  }
  auto standing = StandingOf(uow, doctor.id);
  KAKARI_RETURN_IF_ERROR(standing);
  if (!standing->eligibility.complete) {
    return Fail(ErrorCode::kUnprocessable,
                "まだ修了要件を満たしていません: " + MissingText(standing->eligibility, true),
                "the requirements are not met yet: " + MissingText(standing->eligibility, false));
  }
  auto route = RouteFor(uow, doctor);
  KAKARI_RETURN_IF_ERROR(route);
  ApplicationSnapshot snap;
  snap.lecture_units = standing->eligibility.lecture_units;
  snap.activity_ids = standing->approved_activity_ids;
  snap.total_units = standing->eligibility.total_units;
  snap.routing_reason = route->reason;
  return snap;
}

}  // namespace

Result<Id> Apply(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  return InWriteTransaction(deps, caller, "application.submit", [&](UnitOfWork& uow) -> Result<Id> {
    auto doctor = CallerDoctor(uow, caller.principal);
    KAKARI_RETURN_IF_ERROR(doctor);
    auto snap = SnapshotForApplication(uow, *doctor, std::nullopt);
    KAKARI_RETURN_IF_ERROR(snap);
    auto route = RouteFor(uow, *doctor);
    KAKARI_RETURN_IF_ERROR(route);
    auto programme = uow.Programmes().Current();
    KAKARI_RETURN_IF_ERROR(programme);
    NewApplication app{doctor->id,
                       programme->code,
                       "online",
                       route->association_id,
                       ReviewStatus::kSubmitted,
                       deps.clock.TodayInJapan()};
    auto id = uow.Applications().Submit(app, *snap, std::nullopt);
    if (!id) return id;
    KAKARI_RETURN_IF_ERROR(AddCreatedHistory(uow, deps, caller, ReviewKind::kApplication, *id));
    return id;
  });
}

Result<ApplicationPreview> PreviewApplication(const Deps& deps, const Caller& caller) {
  return ReadOwnRecord<ApplicationPreview>(
      deps, caller, [](UnitOfWork& uow, const Doctor& doctor) -> Result<ApplicationPreview> {
        auto snap = SnapshotForApplication(uow, doctor, std::nullopt);
        KAKARI_RETURN_IF_ERROR(snap);
        auto route = RouteFor(uow, doctor);
        KAKARI_RETURN_IF_ERROR(route);
        auto org = uow.Organisations().FindById(route->association_id);
        KAKARI_RETURN_IF_ERROR(org);
        ApplicationPreview preview{*snap, {}, org->value_or(Organisation{})};
        for (Id id : snap->activity_ids) {
          auto found = uow.Activities().Find(id);
          KAKARI_RETURN_IF_ERROR(found);
          if (*found) preview.activities.push_back({id, **found});
        }
        return preview;
      });
}

Result<std::vector<ReviewItem>> MyItems(const Deps& deps, const Caller& caller) {
  return ReadOwnRecord<std::vector<ReviewItem>>(
      deps, caller,
      [](UnitOfWork& uow, const Doctor& doctor) { return uow.Reviews().ListForDoctor(doctor.id); });
}

Result<Id> Withdraw(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                    std::optional<int64_t> version) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  return InWriteTransaction(deps, caller, "withdraw", [&](UnitOfWork& uow) -> Result<Id> {
    auto item = LoadVisibleItem(uow, caller.principal, kind, id);
    KAKARI_RETURN_IF_ERROR(item);
    if (version && *version != item->version) item->version = -1;  // stale view: conflict
    KAKARI_RETURN_IF_ERROR(ApplyTransition(uow, deps, caller, *item, ReviewAction::kWithdraw, ""));
    return id;
  });
}

Result<Id> Resubmit(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                    const Correction& correction, std::optional<int64_t> version) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  return InWriteTransaction(deps, caller, "resubmit", [&](UnitOfWork& uow) -> Result<Id> {
    auto item = LoadVisibleItem(uow, caller.principal, kind, id);
    KAKARI_RETURN_IF_ERROR(item);
    if (version && *version != item->version) item->version = -1;
    Status edited;
    if (kind == ReviewKind::kActivity && correction.activity) {
      auto catalogue = uow.Activities().Categories();
      KAKARI_RETURN_IF_ERROR(catalogue);
      edited = ValidateActivity(*correction.activity, deps.clock.TodayInJapan(), *catalogue);
      if (edited) edited = uow.Activities().Edit(id, *correction.activity);
      if (edited) {
        edited = AttachFiles(uow, caller, correction.activity->file_ids, kind, id, item->doctor_id);
      }
    } else if (kind == ReviewKind::kDeclaration && correction.declaration) {
      edited = ValidateDeclaration(*correction.declaration, deps.clock.TodayInJapan());
      if (edited) edited = uow.Declarations().Edit(id, *correction.declaration);
    } else if (kind == ReviewKind::kApplication) {
      auto doctor = CallerDoctor(uow, caller.principal);
      KAKARI_RETURN_IF_ERROR(doctor);
      auto snap = SnapshotForApplication(uow, *doctor, id);
      KAKARI_RETURN_IF_ERROR(snap);
      edited = uow.Applications().ReplaceSnapshot(id, *snap);
    }
    KAKARI_RETURN_IF_ERROR(edited);
    KAKARI_RETURN_IF_ERROR(ApplyTransition(uow, deps, caller, *item, ReviewAction::kResubmit, ""));
    return id;
  });
}

Result<ItemView> ViewItem(const Deps& deps, const Caller& caller, ReviewKind kind, Id id) {
  bool staff = caller.principal.role != Role::kDoctor;
  auto uow = deps.store.Begin(staff);  // staff views are audited
  KAKARI_RETURN_IF_ERROR(uow);
  auto item = LoadVisibleItem(**uow, caller.principal, kind, id);
  KAKARI_RETURN_IF_ERROR(item);
  ItemView v;
  v.item = *item;
  auto doctor = (*uow)->Doctors().FindById(item->doctor_id);
  KAKARI_RETURN_IF_ERROR(doctor);
  if (*doctor) v.doctor = **doctor;
  if (kind == ReviewKind::kActivity) {
    auto a = (*uow)->Activities().Find(id);
    KAKARI_RETURN_IF_ERROR(a);
    v.activity = *a;
  } else if (kind == ReviewKind::kDeclaration) {
    auto d = (*uow)->Declarations().Find(id);
    KAKARI_RETURN_IF_ERROR(d);
    v.declaration = *d;
  } else {
    auto s = (*uow)->Applications().Snapshot(id);
    KAKARI_RETURN_IF_ERROR(s);
    v.snapshot = *s;
  }
  auto files = (*uow)->Files().AttachedTo(kind, id);
  KAKARI_RETURN_IF_ERROR(files);
  v.files = std::move(*files);
  auto history = (*uow)->Reviews().History(kind, id);
  KAKARI_RETURN_IF_ERROR(history);
  v.history = std::move(*history);
  if (staff) {
    KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller,
                                      std::string(ReviewKindName(kind)) + ".view",
                                      ReviewKindName(kind), std::to_string(id)));
    KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  }
  return v;
}

}  // namespace kakari::core
