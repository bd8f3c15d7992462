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
    if (!meta) return tl::unexpected(meta.error());
    if (!*meta || (*meta)->uploaded_by != caller.principal.user_id || (*meta)->attached_id) {
      return Unprocessable(
          "添付ファイル " + std::to_string(f) + " は使えません（未アップロードか使用済み）",
          "file " + std::to_string(f) + " is not an unused upload of yours", "file_ids");
    }
    if (auto a = uow.Files().Attach(f, kind, item_id, doctor_id); !a) return a;
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
  if (auto h = uow.Reviews().AddHistory(kind, id, e); !h) return h;
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
  if (auto s = CheckText(in.description, 3000, "description", "活動の内容", "description"); !s) {
    return s;
  }
  if (auto s = CheckText(in.organisation, 600, "organisation", "実施団体・機関", "organisation");
      !s) {
    return s;
  }
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
  if (auto s = CheckText(in.title, 600, "title", "研修名", "title"); !s) return s;
  if (auto s = CheckText(in.organizer, 600, "organizer", "主催者", "organiser"); !s) return s;
  if (in.file_ids.empty()) {
    return Unprocessable("受講を証明する書類を添付してください", "attach proof of attendance",
                         "file_ids");
  }
  return {};
}

Result<DoctorProgress> MyProgress(const Deps& deps, const Caller& caller) {
  return ReadOwnRecord<DoctorProgress>(
      deps, caller, [](UnitOfWork& uow, const Doctor& doctor) -> Result<DoctorProgress> {
        auto standing = StandingOf(uow, doctor.id);
        if (!standing) return tl::unexpected(standing.error());
        return DoctorProgress{doctor, standing->programme, standing->eligibility};
      });
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
        if (!credits) return tl::unexpected(credits.error());
        return CreditPage{fiscal_year, credits->first, std::move(credits->second)};
      });
}

Result<std::vector<ActivityCategory>> ActivityCategories(const Deps& deps) {
  auto uow = deps.store.Begin(false);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->Activities().Categories();
}

Result<StoredFileMeta> UploadFile(const Deps& deps, const Caller& caller, std::string_view name,
                                  std::string_view bytes) {
  if (!Allows(caller.principal, Permission::kOwnRecord) &&
      !Allows(caller.principal, Permission::kReview)) {
    return tl::unexpected(RequirePermission(caller.principal, Permission::kOwnRecord).error());
  }
  auto type = DetectProofType(bytes);
  if (!type) return tl::unexpected(type.error());
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
    if (auto a = WriteAudit(uow, deps, &caller, "file.upload", "file", std::to_string(*id),
                            meta.content_type);
        !a) {
      return tl::unexpected(a.error());
    }
    return id;
  });
  if (!id) return tl::unexpected(id.error());
  meta.id = *id;
  return meta;
}

Result<FileContent> ReadFileFor(const Deps& deps, const Caller& caller, Id file_id) {
  auto uow = deps.store.Begin(true);
  if (!uow) return tl::unexpected(uow.error());
  auto meta = (*uow)->Files().Find(file_id);
  if (!meta) return tl::unexpected(meta.error());
  const Principal& who = caller.principal;
  bool visible = *meta && (*meta)->uploaded_by == who.user_id;
  if (*meta && !visible && (*meta)->attached_kind && (*meta)->attached_id) {
    visible =
        LoadVisibleItem(**uow, who, *(*meta)->attached_kind, *(*meta)->attached_id).has_value();
  }
  if (!visible) return tl::unexpected(NotFoundError("ファイル", "file"));
  auto bytes = (*uow)->Files().Bytes(file_id);
  if (!bytes) return tl::unexpected(bytes.error());
  if (who.role != Role::kDoctor) {
    if (auto a = WriteAudit(**uow, deps, &caller, "file.view", "file", std::to_string(file_id));
        !a) {
      return tl::unexpected(a.error());
    }
  }
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  return FileContent{**meta, std::move(*bytes)};
}

Result<Id> ReportActivity(const Deps& deps, const Caller& caller, const ActivityInput& input) {
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  return InWriteTransaction(deps, caller, "activity.submit", [&](UnitOfWork& uow) -> Result<Id> {
    auto catalogue = uow.Activities().Categories();
    if (!catalogue) return tl::unexpected(catalogue.error());
    if (auto v = ValidateActivity(input, deps.clock.TodayInJapan(), *catalogue); !v) {
      return tl::unexpected(v.error());
    }
    auto doctor = CallerDoctor(uow, caller.principal);
    if (!doctor) return tl::unexpected(doctor.error());
    auto route = RouteFor(uow, *doctor);
    if (!route) return tl::unexpected(route.error());
    auto id = uow.Activities().Submit(doctor->id, input, route->association_id);
    if (!id) return id;
    if (auto f = AttachFiles(uow, caller, input.file_ids, ReviewKind::kActivity, *id, doctor->id);
        !f) {
      return tl::unexpected(f.error());
    }
    if (auto h = AddCreatedHistory(uow, deps, caller, ReviewKind::kActivity, *id); !h) {
      return tl::unexpected(h.error());
    }
    return id;
  });
}

Result<Id> DeclareCredits(const Deps& deps, const Caller& caller, const DeclarationInput& input) {
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  if (auto v = ValidateDeclaration(input, deps.clock.TodayInJapan()); !v) {
    return tl::unexpected(v.error());
  }
  return InWriteTransaction(deps, caller, "declaration.submit", [&](UnitOfWork& uow) -> Result<Id> {
    auto doctor = CallerDoctor(uow, caller.principal);
    if (!doctor) return tl::unexpected(doctor.error());
    auto route = RouteFor(uow, *doctor);
    if (!route) return tl::unexpected(route.error());
    auto id = uow.Declarations().Submit(doctor->id, input, route->association_id);
    if (!id) return id;
    if (auto f =
            AttachFiles(uow, caller, input.file_ids, ReviewKind::kDeclaration, *id, doctor->id);
        !f) {
      return tl::unexpected(f.error());
    }
    if (auto h = AddCreatedHistory(uow, deps, caller, ReviewKind::kDeclaration, *id); !h) {
      return tl::unexpected(h.error());
    }
    return id;
  });
}

namespace {

// An application may be made when none is open or approved, and the record
// completes the programme now.
Result<ApplicationSnapshot> SnapshotForApplication(UnitOfWork& uow, const Doctor& doctor,
                                                   std::optional<Id> except_application) {
  auto items = uow.Reviews().ListForDoctor(doctor.id);
  if (!items) return tl::unexpected(items.error());
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
  if (!standing) return tl::unexpected(standing.error());
  if (!standing->eligibility.complete) {
    return Fail(ErrorCode::kUnprocessable,
                "まだ修了要件を満たしていません: " + MissingText(standing->eligibility, true),
                "the requirements are not met yet: " + MissingText(standing->eligibility, false));
  }
  auto route = RouteFor(uow, doctor);
  if (!route) return tl::unexpected(route.error());
  ApplicationSnapshot snap;
  snap.lecture_units = standing->eligibility.lecture_units;
  snap.activity_ids = standing->approved_activity_ids;
  snap.total_units = standing->eligibility.total_units;
  snap.routing_reason = route->reason;
  return snap;
}

}  // namespace

Result<Id> Apply(const Deps& deps, const Caller& caller) {
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  return InWriteTransaction(deps, caller, "application.submit", [&](UnitOfWork& uow) -> Result<Id> {
    auto doctor = CallerDoctor(uow, caller.principal);
    if (!doctor) return tl::unexpected(doctor.error());
    auto snap = SnapshotForApplication(uow, *doctor, std::nullopt);
    if (!snap) return tl::unexpected(snap.error());
    auto route = RouteFor(uow, *doctor);
    if (!route) return tl::unexpected(route.error());
    auto programme = uow.Programmes().Current();
    if (!programme) return tl::unexpected(programme.error());
    NewApplication app{doctor->id,
                       programme->code,
                       "online",
                       route->association_id,
                       ReviewStatus::kSubmitted,
                       deps.clock.TodayInJapan()};
    auto id = uow.Applications().Submit(app, *snap, std::nullopt);
    if (!id) return id;
    if (auto h = AddCreatedHistory(uow, deps, caller, ReviewKind::kApplication, *id); !h) {
      return tl::unexpected(h.error());
    }
    return id;
  });
}

Result<ApplicationPreview> PreviewApplication(const Deps& deps, const Caller& caller) {
  return ReadOwnRecord<ApplicationPreview>(
      deps, caller, [](UnitOfWork& uow, const Doctor& doctor) -> Result<ApplicationPreview> {
        auto snap = SnapshotForApplication(uow, doctor, std::nullopt);
        if (!snap) return tl::unexpected(snap.error());
        auto route = RouteFor(uow, doctor);
        if (!route) return tl::unexpected(route.error());
        auto org = uow.Organisations().FindById(route->association_id);
        if (!org) return tl::unexpected(org.error());
        ApplicationPreview preview{*snap, {}, org->value_or(Organisation{})};
        for (Id id : snap->activity_ids) {
          auto found = uow.Activities().Find(id);
          if (!found) return tl::unexpected(found.error());
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
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  return InWriteTransaction(deps, caller, "withdraw", [&](UnitOfWork& uow) -> Result<Id> {
    auto item = LoadVisibleItem(uow, caller.principal, kind, id);
    if (!item) return tl::unexpected(item.error());
    if (version && *version != item->version) item->version = -1;  // stale view: conflict
    if (auto t = ApplyTransition(uow, deps, caller, *item, ReviewAction::kWithdraw, ""); !t) {
      return tl::unexpected(t.error());
    }
    return id;
  });
}

Result<Id> Resubmit(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                    const Correction& correction, std::optional<int64_t> version) {
  if (auto r = RequirePermission(caller.principal, Permission::kOwnRecord); !r) {
    return tl::unexpected(r.error());
  }
  return InWriteTransaction(deps, caller, "resubmit", [&](UnitOfWork& uow) -> Result<Id> {
    auto item = LoadVisibleItem(uow, caller.principal, kind, id);
    if (!item) return tl::unexpected(item.error());
    if (version && *version != item->version) item->version = -1;
    Status edited;
    if (kind == ReviewKind::kActivity && correction.activity) {
      auto catalogue = uow.Activities().Categories();
      if (!catalogue) return tl::unexpected(catalogue.error());
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
      if (!doctor) return tl::unexpected(doctor.error());
      auto snap = SnapshotForApplication(uow, *doctor, id);
      if (!snap) return tl::unexpected(snap.error());
      edited = uow.Applications().ReplaceSnapshot(id, *snap);
    }
    if (!edited) return tl::unexpected(edited.error());
    if (auto t = ApplyTransition(uow, deps, caller, *item, ReviewAction::kResubmit, ""); !t) {
      return tl::unexpected(t.error());
    }
    return id;
  });
}

Result<ItemView> ViewItem(const Deps& deps, const Caller& caller, ReviewKind kind, Id id) {
  bool staff = caller.principal.role != Role::kDoctor;
  auto uow = deps.store.Begin(staff);  // staff views are audited
  if (!uow) return tl::unexpected(uow.error());
  auto item = LoadVisibleItem(**uow, caller.principal, kind, id);
  if (!item) return tl::unexpected(item.error());
  ItemView v;
  v.item = *item;
  auto doctor = (*uow)->Doctors().FindById(item->doctor_id);
  if (!doctor) return tl::unexpected(doctor.error());
  if (*doctor) v.doctor = **doctor;
  if (kind == ReviewKind::kActivity) {
    auto a = (*uow)->Activities().Find(id);
    if (!a) return tl::unexpected(a.error());
    v.activity = *a;
  } else if (kind == ReviewKind::kDeclaration) {
    auto d = (*uow)->Declarations().Find(id);
    if (!d) return tl::unexpected(d.error());
    v.declaration = *d;
  } else {
    auto s = (*uow)->Applications().Snapshot(id);
    if (!s) return tl::unexpected(s.error());
    v.snapshot = *s;
  }
  auto files = (*uow)->Files().AttachedTo(kind, id);
  if (!files) return tl::unexpected(files.error());
  v.files = std::move(*files);
  auto history = (*uow)->Reviews().History(kind, id);
  if (!history) return tl::unexpected(history.error());
  v.history = std::move(*history);
  if (staff) {
    if (auto a = WriteAudit(**uow, deps, &caller, std::string(ReviewKindName(kind)) + ".view",
                            ReviewKindName(kind), std::to_string(id));
        !a) {
      return tl::unexpected(a.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  return v;
}

}  // namespace kakari::core
