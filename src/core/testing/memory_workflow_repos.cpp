// Practical activities, applications, programmes, credit declarations and
// proof files, in memory.
#include <algorithm>

#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

ReviewFields Submitted(Id routed_to, ReviewStatus status = ReviewStatus::kSubmitted) {
  ReviewFields f;
  f.status = status;
  f.routed_to = routed_to;
  f.submitted_at = NowIso();
  return f;
}

class Activities final : public ActivityRepository {
 public:
  explicit Activities(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const NewActivity& a) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto doctor = t_.doctors.find(a.doctor_id);
    Id home = doctor == t_.doctors.end() ? 0 : doctor->second.home_association_id;
    ActivityInput in{a.category, a.description, a.started_on, a.ended_on, a.organisation, {}};
    return Add({a.doctor_id, std::move(in), Submitted(home, a.status)});
  }
  Result<Id> Submit(Id doctor_id, const ActivityInput& input, Id routed_to) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    ActivityInput in = input;
    in.file_ids.clear();
    return Add({doctor_id, std::move(in), Submitted(routed_to)});
  }
  Status Edit(Id id, const ActivityInput& input) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.activities.find(id); it != t_.activities.end()) {
      it->second.input = input;
      it->second.input.file_ids.clear();
    }
    return {};
  }
  Result<std::optional<ActivityInput>> Find(Id id) override {
    auto it = t_.activities.find(id);
    if (it == t_.activities.end()) return std::optional<ActivityInput>();
    return std::optional(it->second.input);
  }
  Result<std::vector<Id>> ApprovedIds(Id doctor_id) override {
    std::vector<Id> out;
    for (const auto& [id, a] : t_.activities) {
      if (a.doctor_id == doctor_id && a.review.status == ReviewStatus::kApproved) out.push_back(id);
    }
    return out;
  }
  Result<std::vector<ActivityCategory>> Categories() override { return t_.categories; }
  Result<int> CountApproved(Id doctor_id) override {
    KAKARI_TRY(ids, ApprovedIds(doctor_id));
    return static_cast<int>(ids.size());
  }
  Result<std::vector<std::pair<Id, int>>> CountApprovedByDoctor() override {
    std::map<Id, int> counts;
    for (const auto& [id, a] : t_.activities) {
      if (a.review.status == ReviewStatus::kApproved) ++counts[a.doctor_id];
    }
    return std::vector<std::pair<Id, int>>(counts.begin(), counts.end());
  }

 private:
  Id Add(ActivityRow row) {
    Id id = NextId(t_.activities);
    t_.activities[id] = std::move(row);
    return id;
  }
  MemoryTables& t_;
};

class Applications final : public ApplicationRepository {
 public:
  explicit Applications(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const NewApplication& a) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    ApplicationRow row{a, {}, std::nullopt, Submitted(a.routed_to_association_id, a.status)};
    row.review.channel = a.channel;
    row.review.submitted_at = a.submitted_on.ToIso() + "T00:00:00Z";
    return Add(std::move(row));
  }
  Result<Id> Submit(const NewApplication& a, const ApplicationSnapshot& snapshot,
                    std::optional<Id> scan_file_id) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    ApplicationRow row{a, snapshot, scan_file_id, Submitted(a.routed_to_association_id)};
    row.application.status = ReviewStatus::kSubmitted;
    row.review.channel = a.channel;
    std::sort(row.snapshot.activity_ids.begin(), row.snapshot.activity_ids.end());
    return Add(std::move(row));
  }
  Result<std::optional<ApplicationSnapshot>> Snapshot(Id id) override {
    auto it = t_.applications.find(id);
    if (it == t_.applications.end()) return std::optional<ApplicationSnapshot>();
    return std::optional(it->second.snapshot);
  }
  Status ReplaceSnapshot(Id id, const ApplicationSnapshot& snapshot) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.applications.find(id);
    if (it == t_.applications.end()) return {};
    ApplicationSnapshot& kept = it->second.snapshot;
    kept.lecture_units = snapshot.lecture_units;  // the routing reason stays as submitted
    kept.total_units = snapshot.total_units;
    kept.activity_ids = snapshot.activity_ids;
    std::sort(kept.activity_ids.begin(), kept.activity_ids.end());
    return {};
  }

 private:
  Id Add(ApplicationRow row) {
    Id id = NextId(t_.applications);
    t_.applications[id] = std::move(row);
    return id;
  }
  MemoryTables& t_;
};

class Programmes final : public ProgrammeRepository {
 public:
  explicit Programmes(MemoryTables& t) : t_(t) {}
  Status Upsert(const Programme& p) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.programmes[p.code] = p;
    t_.current_programme = p.code;
    return {};
  }
  Result<Programme> Current() override {
    auto it = t_.programmes.find(t_.current_programme);
    if (it == t_.programmes.end()) {
      return Fail(ErrorCode::kUnavailable, "研修制度が設定されていません（kakari init）",
                  "no programme is configured (run kakari init)");
    }
    return it->second;
  }

 private:
  MemoryTables& t_;
};

class Declarations final : public DeclarationRepository {
 public:
  explicit Declarations(MemoryTables& t) : t_(t) {}
  Result<Id> Submit(Id doctor_id, const DeclarationInput& input, Id routed_to) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    DeclarationRow row{doctor_id, input, std::nullopt, Submitted(routed_to)};
    row.input.file_ids.clear();
    Id id = NextId(t_.declarations);
    t_.declarations[id] = std::move(row);
    return id;
  }
  Status Edit(Id id, const DeclarationInput& input) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.declarations.find(id); it != t_.declarations.end()) {
      it->second.input = input;
      it->second.input.file_ids.clear();
    }
    return {};
  }
  Result<std::optional<DeclarationInput>> Find(Id id) override {
    auto it = t_.declarations.find(id);
    if (it == t_.declarations.end()) return std::optional<DeclarationInput>();
    return std::optional(it->second.input);
  }
  Status LinkCredit(Id id, Id lecture_id) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.declarations.find(id);
    if (it == t_.declarations.end()) return {};
    DeclarationRow& d = it->second;
    d.lecture_credit_id.reset();
    for (const auto& [credit_id, c] : t_.credits) {
      if (c.doctor_id == d.doctor_id && c.lecture_id == lecture_id &&
          c.taken_on_days == d.input.taken_on.ToDays() && c.half_units == d.input.units.halves()) {
        d.lecture_credit_id = credit_id;
        break;
      }
    }
    return {};
  }

 private:
  MemoryTables& t_;
};

class Files final : public FileRepository {
 public:
  explicit Files(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const StoredFileMeta& meta, std::string_view bytes) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    FileRow row{meta, std::string(bytes)};
    row.meta.id = NextId(t_.files);
    row.meta.size = static_cast<int64_t>(bytes.size());
    row.meta.attached_kind.reset();
    row.meta.attached_id.reset();
    t_.files[row.meta.id] = row;
    return row.meta.id;
  }
  Result<std::optional<StoredFileMeta>> Find(Id id) override {
    auto it = t_.files.find(id);
    if (it == t_.files.end()) return std::optional<StoredFileMeta>();
    return std::optional(it->second.meta);
  }
  Result<std::string> Bytes(Id id) override {
    auto it = t_.files.find(id);
    return it == t_.files.end() ? std::string() : it->second.bytes;
  }
  Status Attach(Id id, ReviewKind kind, Id item_id, Id doctor_id) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.files.find(id); it != t_.files.end()) {
      it->second.meta.attached_kind = kind;
      it->second.meta.attached_id = item_id;
      it->second.meta.doctor_id = doctor_id;
    }
    return {};
  }
  Result<std::vector<StoredFileMeta>> AttachedTo(ReviewKind kind, Id item_id) override {
    std::vector<StoredFileMeta> out;
    for (const auto& [id, f] : t_.files) {
      if (f.meta.attached_kind == kind && f.meta.attached_id == item_id) out.push_back(f.meta);
    }
    return out;
  }

 private:
  MemoryTables& t_;
};

}  // namespace

std::unique_ptr<ActivityRepository> MemoryActivities(MemoryTables& t) {
  return std::make_unique<Activities>(t);
}
std::unique_ptr<ApplicationRepository> MemoryApplications(MemoryTables& t) {
  return std::make_unique<Applications>(t);
}
std::unique_ptr<ProgrammeRepository> MemoryProgrammes(MemoryTables& t) {
  return std::make_unique<Programmes>(t);
}
std::unique_ptr<DeclarationRepository> MemoryDeclarations(MemoryTables& t) {
  return std::make_unique<Declarations>(t);
}
std::unique_ptr<FileRepository> MemoryFiles(MemoryTables& t) { return std::make_unique<Files>(t); }

}  // namespace kakari::core::testing
