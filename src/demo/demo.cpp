#include "demo/demo.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

#include "core/domain/prefectures.hpp"
#include "core/domain/validation.hpp"
#include "demo/demo_names.hpp"

namespace kakari::demo {

using core::ActivityStatus;
using core::Affiliation;
using core::AffiliationSource;
using core::AffiliationState;
using core::ApplicationStatus;
using core::AssociationNameJa;
using core::CreditRepository;
using core::Date;
using core::Doctor;
using core::Employment;
using core::ErrorCode;
using core::Fail;
using core::FiscalYear;
using core::FiscalYearStart;
using core::HalfUnits;
using core::HistoryEntry;
using core::Id;
using core::Institution;
using core::InstitutionCodeCheckDigit;
using core::NewActivity;
using core::NewApplication;
using core::OrgLevel;
using core::Prefectures;
using core::ProgressFn;
using core::Result;
using core::ReviewKind;
using core::ReviewStatus;
using core::Status;
using core::Store;
using core::UnitOfWork;

DemoScale SmallDemo() { return {2, 2000, 600, 30}; }
DemoScale NationalDemo() { return {19, 340000, 110000, 32}; }

namespace {

constexpr int64_t kDoctorsPerTransaction = 20000;

std::string Pad(int64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(n));
  return buf;
}

// A decided demo application gets its decision in the review history, so that
// statistics (days to a decision, return reasons) have something to show. The
// delay (1-30 days, never past today) and the reason come from the item's id,
// not from the random stream, which stays as it was.
Status AddDecisionHistory(UnitOfWork& uow, Id id, const NewApplication& app, const Date& today) {
  static constexpr const char* kReasons[] = {
      "実地研修の証明書の日付が読めません。鮮明な写しを添付してください。",
      "講義の受講記録と申請の単位数が一致しません。", "所属医師会の記載が抜けています。"};
  const char* action = app.status == ReviewStatus::kApproved   ? "approve"
                       : app.status == ReviewStatus::kReturned ? "return"
                       : app.status == ReviewStatus::kRejected ? "reject"
                                                               : nullptr;
  if (action == nullptr) return {};
  int64_t day = std::min(app.submitted_on.ToDays() + 1 + id % 30, today.ToDays());
  HistoryEntry e;
  e.at = Date::FromDays(day).ToIso() + "T01:00:00Z";
  e.from = ReviewStatus::kSubmitted;
  e.to = app.status;
  e.action = action;
  e.actor_role = "reviewer";
  if (app.status == ReviewStatus::kReturned) e.reason = kReasons[id % 3];
  if (app.status == ReviewStatus::kRejected) e.reason = "修了要件を満たしていません。";
  return uow.Reviews().AddHistory(ReviewKind::kApplication, id, e);
}

// Builds the synthetic registry step by step, one transaction per chunk.
class DemoGenerator {
 public:
  DemoGenerator(Store& store, const DemoScale& scale, const Date& today, uint64_t seed)
      : store_(store), scale_(scale), today_(today), rng_(seed) {}

  Result<DemoResult> Run(const ProgressFn& progress);

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T>
  const T& Pick(std::span<const T> pool) {
    return pool[static_cast<size_t>(Uniform(0, static_cast<int>(pool.size()) - 1))];
  }

  Status Organisations(UnitOfWork& uow);
  Status Institutions(UnitOfWork& uow);
  Status AddWorkplaces(UnitOfWork& uow, Id doctor);
  Status Lectures(UnitOfWork& uow);
  Status Showcase(UnitOfWork& uow);
  Status DoctorChunk(UnitOfWork& uow, int64_t count);
  Result<Id> AddDoctor(UnitOfWork& uow, const std::string& reg, Id home);
  void AddCredits(Id doctor, int count);
  void AddCredit(Id doctor, Date when, HalfUnits units);
  Status AddActivities(UnitOfWork& uow, Id doctor, Id home);
  ActivityStatus RandomActivityStatus();
  ApplicationStatus RandomApplicationStatus();
  Date RandomDateSince(Date from);

  Store& store_;
  DemoScale scale_;
  Date today_;
  std::mt19937_64 rng_;
  std::vector<Id> associations_;  // counties, and prefectures as home for a few
  std::vector<Id> institutions_;
  std::vector<Id> lectures_;
  std::vector<CreditRepository::Row> credit_rows_;
  int64_t next_registry_ = 200001;
  DemoResult result_;
};

Result<DemoResult> DemoGenerator::Run(const ProgressFn& progress) {
  {
    auto uow = store_.Begin(true);
    KAKARI_RETURN_IF_ERROR(uow);
    KAKARI_RETURN_IF_ERROR((*uow)->Credits().StartImport("demo"));
    for (auto step : {&DemoGenerator::Organisations, &DemoGenerator::Institutions,
                      &DemoGenerator::Lectures, &DemoGenerator::Showcase}) {
      KAKARI_RETURN_IF_ERROR((this->*step)(**uow));
    }
    KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  }
  for (int64_t done = 0; done < scale_.doctors;) {
    int64_t n = std::min(kDoctorsPerTransaction, scale_.doctors - done);
    auto uow = store_.Begin(true);
    KAKARI_RETURN_IF_ERROR(uow);
    KAKARI_RETURN_IF_ERROR((*uow)->Credits().StartImport("demo"));
    KAKARI_RETURN_IF_ERROR(DoctorChunk(**uow, n));
    KAKARI_RETURN_IF_ERROR((*uow)->Commit());
    done += n;
    if (progress) progress(static_cast<double>(done) / static_cast<double>(scale_.doctors));
  }
  return result_;
}

Status DemoGenerator::Organisations(UnitOfWork& uow) {
  auto& orgs = uow.Organisations();
  for (const auto& p : Prefectures()) {
    auto pref = orgs.FindByCode(p.code);
    if (!pref || !*pref) return Fail(ErrorCode::kInternal, "初期化されていません", "not seeded");
    associations_.push_back((*pref)->id);
    for (int i = 1; i <= scale_.counties_per_prefecture; ++i) {
      const auto& place = demo::Places()[static_cast<size_t>(i - 1) % demo::Places().size()];
      bool university = i == scale_.counties_per_prefecture && i >= 3;
      std::string name = university
                             ? std::string(place.kanji) + "医科大学医師会"
                             : std::string(place.kanji) + (i % 4 == 0 ? "区" : "市") + "医師会";
      auto id = orgs.Insert({0, (*pref)->id, OrgLevel::kCounty, std::string(p.code) + Pad(i, 3),
                             name, std::string(place.kana) + " (" + std::string(p.name_en) + ")"});
      KAKARI_RETURN_IF_ERROR(id);
      associations_.push_back(*id);
      // A made-up address of the same shape as a real one, for the labels.
      std::string town = std::string(p.name_ja) + name.substr(0, name.size() - 9);
      KAKARI_RETURN_IF_ERROR(orgs.UpdateContact(
          *id, {std::string(p.code) + "0" + Pad(i, 4), town + "中央1-" + std::to_string(i) + "-1",
                "0" + std::string(p.code) + "-000-" + Pad(i, 4)}));
    }
  }
  return {};
}

Status DemoGenerator::Institutions(UnitOfWork& uow) {
  for (int64_t i = 0; i < scale_.institutions; ++i) {
    const auto& pref = Prefectures()[static_cast<size_t>(i % 47)];
    bool dental = Chance(0.05);
    std::string first9 = std::string(pref.code) + (dental ? "3" : "1") + Pad(i / 47 + 1, 6);
    Institution inst;
    inst.code = first9 + std::to_string(InstitutionCodeCheckDigit(first9));
    const auto& who = Pick(demo::Surnames());
    bool hospital = !dental && Chance(0.08);
    inst.kind = hospital ? "hospital" : "clinic";
    inst.name = std::string(who.kanji) + (dental     ? "歯科医院"
                                          : hospital ? "記念病院"
                                                     : (Chance(0.5) ? "内科クリニック" : "医院"));
    inst.advanced_treatment = hospital && Chance(0.02);
    inst.kana = std::string(who.kana);
    inst.association_code =
        std::string(pref.code) + Pad(Uniform(1, scale_.counties_per_prefecture), 3);
    auto id = uow.Institutions().Insert(inst);
    KAKARI_RETURN_IF_ERROR(id);
    institutions_.push_back(*id);
    ++result_.institutions;
  }
  return {};
}

// A realistic mix: one main workplace; a quarter also work part-time
// somewhere; one in twenty left a workplace last year; a few affiliations
// named by the doctor still await the institution, or the other way round.
Status DemoGenerator::AddWorkplaces(UnitOfWork& uow, Id doctor) {
  auto pick = [&] {
    return institutions_[static_cast<size_t>(
        Uniform(0, static_cast<int>(institutions_.size()) - 1))];
  };
  Affiliation main;
  main.doctor_id = doctor;
  main.institution_id = institutions_[static_cast<size_t>(doctor) % institutions_.size()];
  main.started_on = RandomDateSince(Date{2000, 4, 1});
  main.employment = Employment::kFullTime;
  int r = Uniform(0, 99);
  main.source = r < 80 ? AffiliationSource::kImport : AffiliationSource::kDoctor;
  main.state = r < 97   ? AffiliationState::kConfirmed
               : r < 99 ? AffiliationState::kAwaitingInstitution
                        : AffiliationState::kAwaitingDoctor;
  KAKARI_RETURN_IF_ERROR(uow.Institutions().AddAffiliation(main));
  if (Chance(0.25)) {
    Affiliation part = main;
    part.institution_id = pick();
    part.employment = Employment::kPartTime;
    part.state = Chance(0.9) ? AffiliationState::kConfirmed : AffiliationState::kDeclined;
    if (part.institution_id != main.institution_id) {
      KAKARI_RETURN_IF_ERROR(uow.Institutions().AddAffiliation(part));
    }
  }
  if (Chance(0.05)) {
    Affiliation past = main;
    past.institution_id = pick();
    past.started_on = Date{today_.year - 6, 4, 1};
    past.ended_on = Date{today_.year - 1, 3, 31};
    past.state = AffiliationState::kConfirmed;
    if (past.institution_id != main.institution_id) {
      KAKARI_RETURN_IF_ERROR(uow.Institutions().AddAffiliation(past));
    }
  }
  return {};
}

Status DemoGenerator::Lectures(UnitOfWork& uow) {
  std::vector<std::string> organizers = {"日本医師会"};
  for (const auto& p : Prefectures()) organizers.push_back(AssociationNameJa(p));
  for (auto title : demo::LectureTitles()) {
    for (const auto& org : organizers) {
      if (title.starts_with("日医e-ラーニング") && org != "日本医師会") continue;
      auto id = uow.Credits().LectureId(title, org);
      KAKARI_RETURN_IF_ERROR(id);
      lectures_.push_back(*id);
    }
  }
  return {};
}

Date DemoGenerator::RandomDateSince(Date from) {
  int64_t lo = from.ToDays(), hi = today_.ToDays();
  return Date::FromDays(std::uniform_int_distribution<int64_t>(lo, hi)(rng_));
}

Result<Id> DemoGenerator::AddDoctor(UnitOfWork& uow, const std::string& reg, Id home) {
  const auto& sur = Pick(demo::Surnames());
  const auto& given = Pick(demo::GivenNames());
  Doctor d;
  d.registry_number = reg;
  d.name = std::string(sur.kanji) + "　" + std::string(given.kanji);
  d.kana = std::string(sur.kana) + "　" + std::string(given.kana);
  if (Chance(0.72)) d.member_id = Pad(std::stoll(reg) * 7 % 10000000000LL, 10);
  d.birth_date = Date{Uniform(1945, 1997), Uniform(1, 12), Uniform(1, 28)};
  d.home_association_id = home;
  d.email = "dr" + reg + "@example.jp";
  d.postal_code = Pad(Uniform(10, 99), 2) + Pad(Uniform(0, 99999), 5);
  d.address = std::string(Pick(demo::Places()).kanji) + "町" + std::to_string(Uniform(1, 9)) +
              "丁目" + std::to_string(Uniform(1, 30)) + "番" + std::to_string(Uniform(1, 20)) +
              "号";
  auto id = uow.Doctors().Insert(d);
  KAKARI_RETURN_IF_ERROR(id);
  ++result_.doctors;
  KAKARI_RETURN_IF_ERROR(AddWorkplaces(uow, *id));
  return *id;
}

void DemoGenerator::AddCredit(Id doctor, Date when, HalfUnits units) {
  credit_rows_.push_back(
      {doctor, lectures_[static_cast<size_t>(Uniform(0, static_cast<int>(lectures_.size()) - 1))],
       static_cast<int32_t>(when.ToDays()), static_cast<int32_t>(units.halves()),
       static_cast<int16_t>(Uniform(0, 84))});
}

void DemoGenerator::AddCredits(Id doctor, int count) {
  static constexpr int kHalves[] = {1, 2, 2, 2, 3, 4, 6};
  Date since = FiscalYearStart(FiscalYear(today_) - 4);
  for (int i = 0; i < count; ++i) {
    HalfUnits u = HalfUnits::FromHalves(kHalves[Uniform(0, 6)]);
    AddCredit(doctor, RandomDateSince(since), u);
  }
}

ActivityStatus DemoGenerator::RandomActivityStatus() {
  int r = Uniform(0, 99);
  if (r < 70) return ActivityStatus::kApproved;
  if (r < 85) return ActivityStatus::kSubmitted;
  if (r < 90) return ActivityStatus::kReturned;
  if (r < 95) return ActivityStatus::kDraft;
  if (r < 98) return ActivityStatus::kRejected;
  return ActivityStatus::kWithdrawn;
}

ApplicationStatus DemoGenerator::RandomApplicationStatus() {
  int r = Uniform(0, 99);
  if (r < 60) return ApplicationStatus::kApproved;
  if (r < 85) return ApplicationStatus::kSubmitted;
  if (r < 93) return ApplicationStatus::kReturned;
  if (r < 96) return ApplicationStatus::kRejected;
  return ApplicationStatus::kWithdrawn;
}

Status DemoGenerator::AddActivities(UnitOfWork& uow, Id doctor, Id home) {
  int count = Chance(0.55) ? (Chance(0.15) ? 2 : 1) : 0;
  bool approved = false;
  for (int i = 0; i < count; ++i) {
    NewActivity a{doctor,
                  std::string(Pick(demo::ActivityCategories())),
                  "地域の医療活動への継続的な参加",
                  RandomDateSince(Date{2015, 4, 1}),
                  std::nullopt,
                  "市立小学校",
                  RandomActivityStatus()};
    approved = approved || a.status == ActivityStatus::kApproved;
    auto id = uow.Activities().Insert(a);
    KAKARI_RETURN_IF_ERROR(id);
    ++result_.activities;
  }
  if (approved && Chance(0.4)) {
    NewApplication app{doctor,
                       "kakari-2025",
                       Chance(0.8) ? "online" : "paper",
                       home,
                       RandomApplicationStatus(),
                       RandomDateSince(Date{2025, 4, 1})};
    auto id = uow.Applications().Insert(app);
    KAKARI_RETURN_IF_ERROR(id);
    KAKARI_RETURN_IF_ERROR(AddDecisionHistory(uow, *id, app, today_));
    ++result_.applications;
  }
  return {};
}

Status DemoGenerator::Showcase(UnitOfWork& uow) {
  struct Spec {
    const char* reg;
    const char* name;
    const char* kana;
    std::vector<int> credit_halves;
    std::vector<ActivityStatus> activities;
    const char* what;
  };
  using AS = ActivityStatus;
  const std::vector<Spec> specs = {
      {"100001",
       "髙橋　太郎",
       "タカハシ　タロウ",
       {4, 2, 3, 4},
       {AS::kApproved},
       "complete: 1 activity (5) + 6.5 lecture units = 11.5"},
      {"100002",
       "山﨑　花子",
       "ヤマザキ　ハナコ",
       {2, 3},
       {AS::kApproved, AS::kReturned},
       "short: 1 activity (5) + 2.5 lecture units; needs 2.5 more lecture units"},
      {"100003",
       "𠮷田　健一",
       "ヨシダ　ケンイチ",
       {6, 6, 6, 1},
       {AS::kSubmitted},
       "short: 9.5 lecture units, activity awaiting review; needs 1 activity"},
      {"100004",
       "勅使河原　寿々花之丞",
       "テシガワラ　スズカノジョウ",
       {},
       {AS::kApproved, AS::kApproved, AS::kApproved},
       "short: 3 activities (15), no lecture units; needs 0.5 lecture units"},
  };
  auto tokyo_county = uow.Organisations().FindByCode("13001");
  KAKARI_RETURN_IF_ERROR(tokyo_county);
  Id home = *tokyo_county ? (**tokyo_county).id : associations_.front();
  std::vector<CreditRepository::Row> rows;
  for (const auto& spec : specs) {
    Doctor d{0,
             spec.reg,
             spec.name,
             spec.kana,
             std::string("99") + spec.reg,
             Date{1970, 4, 1},
             home,
             std::string("dr") + spec.reg + "@example.jp",
             "1138621",
             "東京都文京区本駒込2-28-16"};
    auto id = uow.Doctors().Insert(d);
    KAKARI_RETURN_IF_ERROR(id);
    for (size_t i = 0; i < spec.credit_halves.size(); ++i) {
      Date when = Date::FromDays(today_.ToDays() - 10 - 7 * static_cast<int64_t>(i));
      rows.push_back({*id, lectures_[i], static_cast<int32_t>(when.ToDays()), spec.credit_halves[i],
                      static_cast<int16_t>(i)});
    }
    for (auto status : spec.activities) {
      NewActivity a{*id,
                    "school_doctor",
                    "市立小学校の学校医",
                    Date{2018, 4, 1},
                    std::nullopt,
                    "文京区教育委員会",
                    status};
      KAKARI_RETURN_IF_ERROR(uow.Activities().Insert(a));
    }
    result_.showcase.push_back({spec.reg, spec.name, spec.what});
  }
  auto n = uow.Credits().InsertMany(rows);
  KAKARI_RETURN_IF_ERROR(n);
  return {};
}

Status DemoGenerator::DoctorChunk(UnitOfWork& uow, int64_t count) {
  credit_rows_.clear();
  for (int64_t i = 0; i < count; ++i) {
    next_registry_ += Uniform(1, 3);
    Id home =
        associations_[static_cast<size_t>(Uniform(0, static_cast<int>(associations_.size()) - 1))];
    auto id = AddDoctor(uow, std::to_string(next_registry_), home);
    KAKARI_RETURN_IF_ERROR(id);
    AddCredits(*id, Uniform(0, 2 * scale_.mean_credits_per_doctor));
    KAKARI_RETURN_IF_ERROR(AddActivities(uow, *id, home));
  }
  std::sort(credit_rows_.begin(), credit_rows_.end(), [](const auto& a, const auto& b) {
    return std::tie(a.doctor_id, a.taken_on_days) < std::tie(b.doctor_id, b.taken_on_days);
  });
  auto n = uow.Credits().InsertMany(credit_rows_);
  KAKARI_RETURN_IF_ERROR(n);
  result_.credits += *n;
  return {};
}

}  // namespace

Result<DemoResult> GenerateDemo(Store& store, const DemoScale& scale, const Date& today,
                                uint64_t seed, const ProgressFn& progress) {
  DemoGenerator generator(store, scale, today, seed);
  return generator.Run(progress);
}

}  // namespace kakari::demo
