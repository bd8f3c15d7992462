// Organisations, doctors, institutions with affiliations, and the lecture
// ledger, in memory. Orders and matches follow the SQLite queries.
#include <algorithm>
#include <climits>

#include "core/domain/text.hpp"
#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

class Organisations final : public OrganisationRepository {
 public:
  explicit Organisations(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const Organisation& org) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (const auto& [id, o] : t_.organisations) {
      if (o.code == org.code) return tl::unexpected(AlreadyRecorded());
    }
    return InsertWithNextId(t_.organisations, org);
  }
  Result<std::optional<Organisation>> FindByCode(std::string_view code) override {
    for (const auto& [id, o] : t_.organisations) {
      if (o.code == code) return std::optional(o);
    }
    return std::optional<Organisation>();
  }
  Result<std::optional<Organisation>> FindById(Id id) override {
    return FindRow(t_.organisations, id);
  }
  Result<std::vector<Organisation>> List() override {
    std::vector<Organisation> out;
    for (const auto& [id, o] : t_.organisations) out.push_back(o);
    std::sort(out.begin(), out.end(),
              [](const Organisation& a, const Organisation& b) { return a.code < b.code; });
    return out;
  }
  Status UpdateContact(Id id, const OrganisationContact& contact) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.organisations.find(id);
    if (it != t_.organisations.end()) it->second.contact = contact;
    return {};
  }

 private:
  MemoryTables& t_;
};

class Doctors final : public DoctorRepository {
 public:
  explicit Doctors(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const Doctor& d) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (Clashes(d, /*self=*/0)) {
      return tl::unexpected(AlreadyRecorded(
          "医籍登録番号 " + d.registry_number + " または会員番号は既に登録されています",
          "registry number " + d.registry_number + " or member ID is already recorded"));
    }
    return InsertWithNextId(t_.doctors, d);
  }
  Status Update(const Doctor& d) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (Clashes(d, d.id)) {
      return tl::unexpected(AlreadyRecorded("会員番号は別の医師に登録されています",
                                            "the member ID belongs to another doctor",
                                            "member_id"));
    }
    if (auto it = t_.doctors.find(d.id); it != t_.doctors.end()) it->second = d;
    return {};
  }
  Result<std::optional<Doctor>> FindByRegistryNumber(std::string_view reg) override {
    for (const auto& [id, d] : t_.doctors) {
      if (d.registry_number == reg) return std::optional(d);
    }
    return std::optional<Doctor>();
  }
  Result<std::optional<Doctor>> FindById(Id id) override { return FindRow(t_.doctors, id); }
  Result<std::vector<Doctor>> Search(std::string_view prefix, std::string_view query,
                                     std::string_view name_key, int limit) override {
    std::vector<std::pair<std::string, Doctor>> hits;  // by kana key, then id
    for (const auto& [id, d] : t_.doctors) {
      auto home = t_.organisations.find(d.home_association_id);
      if (home == t_.organisations.end() || !CodeUnder(home->second.code, prefix)) continue;
      std::string kana_key = SearchKey(d.kana);
      bool named = !name_key.empty() &&
                   (Contains(SearchKey(d.name), name_key) || Contains(kana_key, name_key));
      if (d.registry_number == query || named) hits.emplace_back(kana_key, d);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Doctor> out;
    for (auto& [key, d] : hits) {
      if (static_cast<int>(out.size()) >= limit) break;
      out.push_back(std::move(d));
    }
    return out;
  }
  Result<std::unordered_map<std::string, Id>> RegistryIndex() override {
    std::unordered_map<std::string, Id> out;
    for (const auto& [id, d] : t_.doctors) out.emplace(d.registry_number, id);
    return out;
  }
  Result<int64_t> Count() override { return static_cast<int64_t>(t_.doctors.size()); }
  Result<std::vector<Id>> AllIds() override {
    std::vector<Id> out;
    for (const auto& [id, d] : t_.doctors) out.push_back(id);
    return out;
  }

 private:
  // A doctor other than `self` holds the registry number or the member ID.
  bool Clashes(const Doctor& d, Id self) const {
    return std::any_of(t_.doctors.begin(), t_.doctors.end(), [&](const auto& row) {
      const Doctor& o = row.second;
      return o.id != self && (o.registry_number == d.registry_number ||
                              (d.member_id && o.member_id == d.member_id));
    });
  }
  MemoryTables& t_;
};

// An area is "" (all), a prefecture code or a county association code.
bool InArea(const Institution& i, std::string_view area) {
  if (area.empty()) return true;
  if (area.size() == 2) return i.PrefectureCode() == area;
  return i.association_code == area;
}

std::string DayKey(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

class Institutions final : public InstitutionRepository {
 public:
  explicit Institutions(MemoryTables& t) : t_(t) {}
  Result<Id> Insert(const Institution& inst) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (FindCode(inst.code)) return tl::unexpected(AlreadyRecorded());
    return InsertWithNextId(t_.institutions, inst);
  }
  Status Update(const Institution& inst) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.institutions.find(inst.id);
    if (it == t_.institutions.end()) return {};
    std::string code = it->second.code;  // the code stays
    it->second = inst;
    it->second.code = code;
    return {};
  }
  Result<std::optional<Institution>> FindById(Id id) override {
    return FindRow(t_.institutions, id);
  }
  Result<std::optional<Institution>> FindByCode(std::string_view code) override {
    return FindCode(code);
  }
  Result<std::unordered_map<std::string, Id>> CodeIndex() override {
    std::unordered_map<std::string, Id> out;
    for (const auto& [id, i] : t_.institutions) out.emplace(i.code, id);
    return out;
  }
  Result<std::vector<Institution>> Search(std::string_view area, std::string_view query,
                                          std::string_view name_key, int limit) override {
    std::vector<std::pair<std::string, Institution>> hits;
    for (const auto& [id, i] : t_.institutions) {
      if (!InArea(i, area)) continue;
      std::string kana_key = SearchKey(i.kana);
      bool named = !name_key.empty() &&
                   (Contains(SearchKey(i.name), name_key) || Contains(kana_key, name_key));
      if (i.code == query || named) hits.emplace_back(kana_key, i);
    }
    std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second.code) < std::tie(b.first, b.second.code);
    });
    std::vector<Institution> out;
    for (auto& [key, i] : hits) {
      if (static_cast<int>(out.size()) >= limit) break;
      out.push_back(std::move(i));
    }
    return out;
  }
  Result<std::vector<CoverageSite>> ReportableSites(std::string_view area) override {
    std::vector<CoverageSite> out;
    for (const auto& [id, i] : t_.institutions) {
      if (IsReportable(i) && InArea(i, area)) {
        out.push_back({id, i.code, i.name,
                       i.association_code.empty() ? i.PrefectureCode() : i.association_code});
      }
    }
    std::sort(out.begin(), out.end(),
              [](const CoverageSite& a, const CoverageSite& b) { return a.code < b.code; });
    return out;
  }
  Result<Id> AddAffiliation(const Affiliation& a) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    KAKARI_TRY(existing, FindAffiliationByKey(a.doctor_id, a.institution_id, a.started_on));
    if (existing) return tl::unexpected(AlreadyRecorded());
    Affiliation row = a;
    row.version = 1;
    return InsertWithNextId(t_.affiliations, row);
  }
  Result<std::optional<Affiliation>> FindAffiliation(Id id) override {
    return FindRow(t_.affiliations, id);
  }
  Result<std::optional<Affiliation>> FindAffiliationByKey(
      Id doctor_id, Id institution_id, const std::optional<Date>& started_on) override {
    for (const auto& [id, a] : t_.affiliations) {
      if (a.doctor_id == doctor_id && a.institution_id == institution_id &&
          DayKey(a.started_on) == DayKey(started_on)) {
        return std::optional(a);
      }
    }
    return std::optional<Affiliation>();
  }
  Result<bool> UpdateAffiliation(const Affiliation& a, int64_t expected_version) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    auto it = t_.affiliations.find(a.id);
    if (it == t_.affiliations.end() || it->second.version != expected_version) return false;
    Affiliation& row = it->second;
    row.started_on = a.started_on;
    row.ended_on = a.ended_on;
    row.employment = a.employment;
    row.state = a.state;
    ++row.version;
    return true;
  }
  Result<std::vector<Affiliation>> AffiliationsOfDoctor(Id doctor_id) override {
    return NewestFirst([&](const Affiliation& a) { return a.doctor_id == doctor_id; });
  }
  Result<std::vector<Affiliation>> AffiliationsOfInstitution(Id institution_id) override {
    return NewestFirst([&](const Affiliation& a) { return a.institution_id == institution_id; });
  }
  Result<std::vector<CoverageLink>> ActiveLinks(std::string_view area, const Date& day) override {
    std::vector<CoverageLink> out;
    for (const auto& [id, a] : t_.affiliations) {
      if (a.state != AffiliationState::kConfirmed || !ActiveOn(a, day)) continue;
      auto inst = t_.institutions.find(a.institution_id);
      if (inst != t_.institutions.end() && InArea(inst->second, area)) {
        out.push_back({a.institution_id, a.doctor_id});
      }
    }
    return out;
  }

 private:
  std::optional<Institution> FindCode(std::string_view code) const {
    for (const auto& [id, i] : t_.institutions) {
      if (i.code == code) return i;
    }
    return std::nullopt;
  }
  template <class Pred>
  std::vector<Affiliation> NewestFirst(Pred keep) const {
    std::vector<Affiliation> out;
    for (auto it = t_.affiliations.rbegin(); it != t_.affiliations.rend(); ++it) {
      if (keep(it->second)) out.push_back(it->second);
    }
    return out;
  }
  MemoryTables& t_;
};

bool InWindow(int32_t days, const std::optional<DateRange>& window) {
  if (!window) return true;
  int64_t from = window->from ? window->from->ToDays() : INT32_MIN;
  int64_t to = window->to ? window->to->ToDays() : INT32_MAX;
  return days >= from && days <= to;
}

class Credits final : public CreditRepository {
 public:
  explicit Credits(MemoryTables& t) : t_(t) {}
  Result<Id> LectureId(std::string_view title, std::string_view organizer) override {
    for (const auto& [id, l] : t_.lectures) {
      if (l.first == title && l.second == organizer) return id;
    }
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    Id id = NextId(t_.lectures);
    t_.lectures[id] = {std::string(title), std::string(organizer)};
    return id;
  }
  Result<std::vector<Id>> LectureIds(std::span<const LectureName> names) override {
    std::vector<Id> ids;
    for (const auto& n : names) {
      auto id = LectureId(n.title, n.organizer);
      KAKARI_RETURN_IF_ERROR(id);
      ids.push_back(*id);
    }
    return ids;
  }
  Result<Id> StartImport(std::string_view source) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    import_id_ = NextId(t_.credit_imports);
    t_.credit_imports[import_id_] = std::string(source);
    return import_id_;
  }
  Result<int64_t> InsertMany(std::span<const Row> rows) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    // As the engines' reference checks: all rows or none.
    for (const Row& r : rows) {
      if (!t_.doctors.contains(r.doctor_id) || !t_.lectures.contains(r.lecture_id)) {
        return Fail(ErrorCode::kInternal, "講習の記録が存在しない医師または講習を指しています",
                    "a lecture credit names a doctor or lecture that does not exist");
      }
    }
    int64_t inserted = 0;
    for (const Row& r : rows) {
      if (!t_.credit_identities.emplace(r.doctor_id, r.taken_on_days, r.lecture_id, r.half_units)
               .second) {
        continue;
      }
      t_.credits[NextId(t_.credits)] = {r.doctor_id,  r.lecture_id,      r.taken_on_days,
                                        r.half_units, r.curriculum_code, import_id_};
      ++inserted;
    }
    return inserted;
  }
  Result<HalfUnits> LectureUnits(Id doctor_id, const std::optional<DateRange>& window) override {
    int64_t halves = 0;
    for (const auto& [id, c] : t_.credits) {
      if (c.doctor_id == doctor_id && InWindow(c.taken_on_days, window)) halves += c.half_units;
    }
    return HalfUnits::FromHalves(halves);
  }
  Result<std::vector<std::pair<Id, HalfUnits>>> LectureUnitsByDoctor(
      const std::optional<DateRange>& window) override {
    std::map<Id, int64_t> halves;
    for (const auto& [id, c] : t_.credits) {
      if (InWindow(c.taken_on_days, window)) halves[c.doctor_id] += c.half_units;
    }
    std::vector<std::pair<Id, HalfUnits>> out;
    for (const auto& [doctor, h] : halves) out.emplace_back(doctor, HalfUnits::FromHalves(h));
    return out;
  }
  Result<std::vector<LectureCredit>> ListForDoctor(Id doctor_id) override {
    return CreditsOf(doctor_id, DateRange{});
  }
  Result<std::pair<int64_t, std::vector<LectureCredit>>> PageForDoctor(Id doctor_id,
                                                                       const DateRange& range,
                                                                       int offset,
                                                                       int limit) override {
    std::vector<LectureCredit> all = CreditsOf(doctor_id, range);
    auto total = static_cast<int64_t>(all.size());
    std::vector<LectureCredit> page;
    for (int64_t i = offset; i < total && static_cast<int>(page.size()) < limit; ++i) {
      page.push_back(all[static_cast<size_t>(i)]);
    }
    return std::pair(total, std::move(page));
  }

 private:
  // Newest first (by date, then id).
  std::vector<LectureCredit> CreditsOf(Id doctor_id, const DateRange& range) const {
    std::vector<LectureCredit> out;
    for (const auto& [id, c] : t_.credits) {
      if (c.doctor_id != doctor_id || !InWindow(c.taken_on_days, range)) continue;
      const auto& lecture = t_.lectures.at(c.lecture_id);
      LectureCredit credit{id,
                           Date::FromDays(c.taken_on_days),
                           HalfUnits::FromHalves(c.half_units),
                           std::nullopt,
                           lecture.first,
                           lecture.second};
      if (c.curriculum_code >= 0) credit.curriculum_code = c.curriculum_code;
      out.push_back(std::move(credit));
    }
    std::sort(out.begin(), out.end(), [](const LectureCredit& a, const LectureCredit& b) {
      return std::pair(a.taken_on.ToDays(), a.id) > std::pair(b.taken_on.ToDays(), b.id);
    });
    return out;
  }
  MemoryTables& t_;
  Id import_id_ = 0;
};

}  // namespace

std::unique_ptr<OrganisationRepository> MemoryOrganisations(MemoryTables& t) {
  return std::make_unique<Organisations>(t);
}
std::unique_ptr<DoctorRepository> MemoryDoctors(MemoryTables& t) {
  return std::make_unique<Doctors>(t);
}
std::unique_ptr<InstitutionRepository> MemoryInstitutions(MemoryTables& t) {
  return std::make_unique<Institutions>(t);
}
std::unique_ptr<CreditRepository> MemoryCredits(MemoryTables& t) {
  return std::make_unique<Credits>(t);
}

}  // namespace kakari::core::testing
