// The storage contract for the review workflow: the staff queue's filters,
// orders and pages, item versions and history, what doctors submit, and the
// searches and pages the desk and MyPage read.
#include <gtest/gtest.h>

#include "core/domain/text.hpp"
#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

using core::Id;
using core::QueueFilter;
using core::ReviewKind;
using core::ReviewStatus;

template <class Factory>
class ReviewContractTest : public StorageContractTest<Factory> {
 protected:
  void SetUp() override {
    StorageContractTest<Factory>::SetUp();
    auto uow = *this->store_->Begin(true);
    tokyo_ = (*uow->Organisations().FindByCode("13"))->id;
    osaka_ = (*uow->Organisations().FindByCode("27"))->id;
    chiyoda_ = *uow->Organisations().Insert(
        {0, tokyo_, core::OrgLevel::kCounty, "13001", "千代田区医師会", "Chiyoda"});
    abe_ = Doctor(*uow, "1001", "阿部　一郎", "アベ　イチロウ");
    ito_ = Doctor(*uow, "1002", "伊藤　二郎", "イトウ　ジロウ");
    ueno_ = Doctor(*uow, "1003", "上野　三郎", "ウエノ　サブロウ");
    // Applications carry the day they were made, so the order is known.
    a_ = Application(*uow, abe_, tokyo_, "paper", Date{2026, 1, 10});
    b_ = Application(*uow, ito_, chiyoda_, "online", Date{2026, 2, 10});
    c_ = Application(*uow, ueno_, tokyo_, "online", Date{2026, 3, 10});
    Application(*uow, ueno_, osaka_, "online", Date{2026, 1, 1});
    ASSERT_TRUE(uow->Commit().has_value());
  }
  Id Doctor(core::UnitOfWork& uow, const std::string& reg, const std::string& name,
            const std::string& kana) {
    auto id = uow.Doctors().Insert(
        {0, reg, name, kana, std::nullopt, Date{1970, 4, 1}, tokyo_, "", "", ""});
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  Id Application(core::UnitOfWork& uow, Id doctor, Id routed_to, const std::string& channel,
                 Date on) {
    auto id = uow.Applications().Insert(
        {doctor, "kakari-2025", channel, routed_to, ReviewStatus::kSubmitted, on});
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  // The ids of the queue page `f` gives, and its total.
  std::pair<int64_t, std::vector<Id>> Page(QueueFilter f) {
    auto r = *this->store_->Begin(false);
    auto page = r->Reviews().Queue(f);
    EXPECT_TRUE(page.has_value());
    std::vector<Id> ids;
    for (const auto& row : page->rows) ids.push_back(row.item.id);
    return {page->total, ids};
  }
  // The history entry of a doctor's own submission.
  static core::HistoryEntry DoctorSubmitted(std::string at) {
    core::HistoryEntry e;
    e.at = std::move(at);
    e.to = ReviewStatus::kSubmitted;
    e.action = "submit";
    e.actor_role = "doctor";
    return e;
  }
  QueueFilter Tokyo() {
    QueueFilter f;
    f.association_prefix = "13";
    f.kind = ReviewKind::kApplication;
    return f;
  }
  Id tokyo_ = 0, osaka_ = 0, chiyoda_ = 0;
  Id abe_ = 0, ito_ = 0, ueno_ = 0;
  Id a_ = 0, b_ = 0, c_ = 0;
};
TYPED_TEST_SUITE(ReviewContractTest, Implementations, ImplementationNames);

using Ids = std::vector<Id>;

TYPED_TEST(ReviewContractTest, QueueFiltersByChannelDatesAssociationAndName) {
  auto f = this->Tokyo();
  EXPECT_EQ(this->Page(f).second, (Ids{this->a_, this->b_, this->c_}));
  f.channel = "paper";
  EXPECT_EQ(this->Page(f).second, (Ids{this->a_}));
  f = this->Tokyo();
  f.submitted_from = "2026-02-01";
  EXPECT_EQ(this->Page(f).second, (Ids{this->b_, this->c_}));
  f = this->Tokyo();
  f.submitted_to = "2026-02-10";  // inclusive of the whole day
  EXPECT_EQ(this->Page(f).second, (Ids{this->a_, this->b_}));
  f = this->Tokyo();
  f.association_code = "13001";
  EXPECT_EQ(this->Page(f).second, (Ids{this->b_}));
  f = this->Tokyo();
  f.name_key = core::SearchKey("いとう");  // kana typed in hiragana
  EXPECT_EQ(this->Page(f).second, (Ids{this->b_}));
  f.name_key = core::SearchKey("上野");
  EXPECT_EQ(this->Page(f).second, (Ids{this->c_}));
  f.name_key = "1001";  // a registry number
  EXPECT_EQ(this->Page(f).second, (Ids{this->a_}));
  f = this->Tokyo();
  f.association_prefix = "27";
  EXPECT_EQ(this->Page(f).first, 1);
}

TYPED_TEST(ReviewContractTest, QueueSortsAndPages) {
  auto f = this->Tokyo();
  f.descending = true;
  EXPECT_EQ(this->Page(f).second, (Ids{this->c_, this->b_, this->a_}));
  f.sort = "name";
  EXPECT_EQ(this->Page(f).second, (Ids{this->c_, this->b_, this->a_}));
  f.descending = false;
  EXPECT_EQ(this->Page(f).second, (Ids{this->a_, this->b_, this->c_}));
  {
    auto w = *this->store_->Begin(true);
    ASSERT_TRUE(*w->Reviews().UpdateStatus(ReviewKind::kApplication, this->c_, 1,
                                           ReviewStatus::kApproved, ""));
    ASSERT_TRUE(w->Commit().has_value());
  }
  f.sort = "status";  // "approved" before "submitted", then by submission
  EXPECT_EQ(this->Page(f).second, (Ids{this->c_, this->a_, this->b_}));
  f = this->Tokyo();
  f.per_page = 2;
  f.page = 2;
  auto [total, ids] = this->Page(f);
  EXPECT_EQ(total, 3);
  EXPECT_EQ(ids, (Ids{this->c_}));
}

TYPED_TEST(ReviewContractTest, AQueueReadInAWriteThatRollsBackIsNeverServedLater) {
  auto f = this->Tokyo();
  EXPECT_EQ(this->Page(f).first, 3);
  {
    auto w = *this->store_->Begin(true);
    this->Application(*w, this->abe_, this->tokyo_, "paper", Date{2026, 4, 1});
    EXPECT_EQ((*w->Reviews().Queue(f)).total, 4) << "a transaction sees its own change";
  }  // rolled back; no read in between (it would replace a page kept from it)
  {
    // One committed change: Tokyo's generation is now the one the rolled-back
    // transaction had read.
    auto w = *this->store_->Begin(true);
    ASSERT_TRUE(*w->Reviews().UpdateStatus(ReviewKind::kApplication, this->c_, 1,
                                           ReviewStatus::kApproved, ""));
    ASSERT_TRUE(w->Commit().has_value());
  }
  auto r = *this->store_->Begin(false);
  auto page = *r->Reviews().Queue(f);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[2].item.id, this->c_);
  EXPECT_EQ(page.rows[2].item.status, ReviewStatus::kApproved);
}

TYPED_TEST(ReviewContractTest, QueueMixesKindsAndLeavesDraftsOut) {
  Id draft = 0;
  {
    auto w = *this->store_->Begin(true);
    core::ActivityInput in{"school_doctor", "学校医", Date{2020, 4, 1}, std::nullopt, "区", {}};
    ASSERT_TRUE(w->Activities().Submit(this->abe_, in, this->tokyo_).has_value());
    draft = *w->Activities().Insert({this->abe_, "vaccination", "予防接種", Date{2021, 4, 1},
                                     std::nullopt, "市", ReviewStatus::kDraft});
    ASSERT_TRUE(w->Commit().has_value());
  }
  QueueFilter all;
  all.association_prefix = "13";
  EXPECT_EQ(this->Page(all).first, 4);
  all.kind = ReviewKind::kActivity;
  EXPECT_EQ(this->Page(all).first, 1);
  auto r = *this->store_->Begin(false);
  auto found = *r->Reviews().Find(ReviewKind::kActivity, draft);
  ASSERT_TRUE(found.has_value());  // a draft is found by id, never queued
  EXPECT_EQ(found->status, ReviewStatus::kDraft);
  EXPECT_EQ(found->routed_to_code, "13");  // routed to the doctor's home
  auto mine = *r->Reviews().ListForDoctor(this->abe_);
  ASSERT_EQ(mine.size(), 2u);  // the submitted activity, newest, then the application
  EXPECT_EQ(mine[0].kind, ReviewKind::kActivity);
  EXPECT_EQ(mine[1].id, this->a_);
  EXPECT_EQ(mine[0].routed_to_code, "13");  // a doctor's own list names where it went
  EXPECT_EQ(mine[1].routed_to_code, "13");
}

TYPED_TEST(ReviewContractTest, VersionsReasonsResubmissionAndHistory) {
  auto w = *this->store_->Begin(true);
  auto& reviews = w->Reviews();
  EXPECT_FALSE(*reviews.UpdateStatus(ReviewKind::kApplication, this->a_, 7, ReviewStatus::kApproved,
                                     ""));  // stale
  ASSERT_TRUE(*reviews.UpdateStatus(ReviewKind::kApplication, this->a_, 1, ReviewStatus::kReturned,
                                    "証明書が不鮮明です"));
  ASSERT_TRUE(
      *reviews.UpdateStatus(ReviewKind::kApplication, this->a_, 2, ReviewStatus::kSubmitted, ""));
  auto item = **reviews.Find(ReviewKind::kApplication, this->a_);
  EXPECT_EQ(item.version, 3);
  EXPECT_EQ(item.status, ReviewStatus::kSubmitted);
  EXPECT_EQ(item.last_reason, "証明書が不鮮明です");     // an empty reason keeps the last
  EXPECT_GT(item.submitted_at, "2026-01-10T00:00:00Z");  // resubmitted now
  EXPECT_EQ(item.channel, "paper");
  core::HistoryEntry created = this->DoctorSubmitted("2026-01-10T00:00:00Z");
  core::HistoryEntry returned{"2026-01-11T00:00:00Z",
                              ReviewStatus::kSubmitted,
                              ReviewStatus::kReturned,
                              "return",
                              0,
                              "reviewer",
                              "不鮮明",
                              ""};
  ASSERT_TRUE(reviews.AddHistory(ReviewKind::kApplication, this->a_, created).has_value());
  ASSERT_TRUE(reviews.AddHistory(ReviewKind::kApplication, this->a_, returned).has_value());
  ASSERT_TRUE(reviews.AddHistory(ReviewKind::kActivity, this->a_, created).has_value());
  auto history = *reviews.History(ReviewKind::kApplication, this->a_);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_FALSE(history[0].from.has_value());
  EXPECT_EQ(history[1].action, "return");
  EXPECT_EQ(history[1].from, ReviewStatus::kSubmitted);
  EXPECT_EQ(history[1].reason, "不鮮明");
}

// Lists name what an item is about and whether proof is attached; a
// timeline names the association whose staff member acted.
TYPED_TEST(ReviewContractTest, ItemsSayWhatTheyAreAboutAndWhoDecided) {
  auto w = *this->store_->Begin(true);
  core::ActivityInput in{"school_doctor", "学校医",     Date{2020, 4, 1},
                         std::nullopt,    "区立小学校", {}};
  Id act = *w->Activities().Submit(this->ito_, in, this->chiyoda_);
  core::DeclarationInput d{
      Date{2025, 5, 1}, core::HalfUnits::FromHalves(3), "地域包括ケア研修", "医師会", {}};
  Id decl = *w->Declarations().Submit(this->ito_, d, this->chiyoda_);
  core::UserRecord staff;
  staff.login = "chiyoda-reviewer";
  staff.role = core::Role::kReviewer;
  staff.organisation_id = this->chiyoda_;
  auto inserted = w->Users().Insert(staff);
  ASSERT_TRUE(inserted.has_value());
  Id reviewer = *inserted;
  core::StoredFileMeta meta;
  meta.uploaded_by = reviewer;
  meta.content_type = "application/pdf";
  meta.name = "proof.pdf";
  meta.size = 4;
  meta.sha256 = std::string(64, 'a');
  auto file = w->Files().Insert(meta, "%PDF");
  ASSERT_TRUE(file.has_value()) << file.error().detail;
  ASSERT_TRUE(w->Files().Attach(*file, ReviewKind::kActivity, act, this->ito_).has_value());
  core::HistoryEntry approved{"2026-01-11T00:00:00Z",
                              ReviewStatus::kSubmitted,
                              ReviewStatus::kApproved,
                              "approve",
                              reviewer,
                              "reviewer",
                              "",
                              ""};
  core::HistoryEntry created = this->DoctorSubmitted("2026-01-10T00:00:00Z");
  ASSERT_TRUE(w->Reviews().AddHistory(ReviewKind::kActivity, act, created).has_value());
  ASSERT_TRUE(w->Reviews().AddHistory(ReviewKind::kActivity, act, approved).has_value());
  ASSERT_TRUE(w->Commit().has_value());

  auto r = *this->store_->Begin(false);
  auto found = **r->Reviews().Find(ReviewKind::kActivity, act);
  EXPECT_EQ(found.subject.category, "school_doctor");
  EXPECT_EQ(found.subject.text, "区立小学校");
  EXPECT_TRUE(found.subject.has_proof);
  auto mine = *r->Reviews().ListForDoctor(this->ito_);
  ASSERT_EQ(mine.size(), 3u);
  for (const auto& item : mine) {
    if (item.kind == ReviewKind::kDeclaration) {
      EXPECT_EQ(item.subject.text, "地域包括ケア研修");
      EXPECT_EQ(item.subject.category, "");
      EXPECT_FALSE(item.subject.has_proof);
    }
    if (item.kind == ReviewKind::kApplication) {
      EXPECT_EQ(item.subject.text, "");
    }
  }
  QueueFilter f = this->Tokyo();
  f.kind = ReviewKind::kActivity;
  auto page = *r->Reviews().Queue(f);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_TRUE(page.rows[0].item.subject.has_proof);
  EXPECT_EQ(page.rows[0].item.subject.text, "区立小学校");
  f.kind = ReviewKind::kDeclaration;
  f.name_key = core::SearchKey("伊藤");  // the joined path reads the same columns
  page = *r->Reviews().Queue(f);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].item.id, decl);
  EXPECT_FALSE(page.rows[0].item.subject.has_proof);
  auto history = *r->Reviews().History(ReviewKind::kActivity, act);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].actor_association, "");  // the doctor
  EXPECT_EQ(history[1].actor_association, "千代田区医師会");
}

TYPED_TEST(ReviewContractTest, StandingFactsAreTheirPartsReadTogether) {
  auto w = *this->store_->Begin(true);
  Id lecture = *w->Credits().LectureId("在宅医療の基礎", "医師会");
  auto day = [](Date d) { return static_cast<int32_t>(d.ToDays()); };
  std::vector<core::CreditRepository::Row> credits = {
      {this->ito_, lecture, day(Date{2025, 5, 1}), 3, -1},    // inside every window
      {this->ito_, lecture, day(Date{2025, 12, 1}), 4, -1},   // inside the fiscal year only
      {this->ito_, lecture, day(Date{2023, 5, 1}), 10, -1}};  // before both
  ASSERT_EQ(*w->Credits().InsertMany(credits), 3);
  std::vector<Id> approved;
  for (auto status : {core::ActivityStatus::kApproved, core::ActivityStatus::kSubmitted,
                      core::ActivityStatus::kApproved}) {
    Id id = *w->Activities().Insert(
        {this->ito_, "school_doctor", "学校医", Date{2024, 4, 1}, std::nullopt, "小学校", status});
    if (status == core::ActivityStatus::kApproved) approved.push_back(id);
  }
  core::DeclarationInput d{Date{2025, 6, 1}, core::HalfUnits::FromHalves(3), "研修", "会", {}};
  ASSERT_TRUE(w->Declarations().Submit(this->ito_, d, this->chiyoda_).has_value());
  d.units = core::HalfUnits::FromHalves(5);
  ASSERT_TRUE(w->Declarations().Submit(this->ito_, d, this->chiyoda_).has_value());
  d.units = core::HalfUnits::FromHalves(7);
  Id decided = *w->Declarations().Submit(this->ito_, d, this->chiyoda_);
  auto version = (*w->Reviews().Find(ReviewKind::kDeclaration, decided))->version;
  ASSERT_TRUE(*w->Reviews().UpdateStatus(ReviewKind::kDeclaration, decided, version,
                                         ReviewStatus::kReturned, "証明書類がありません"));
  core::Programme programme = *w->Programmes().Current();
  ASSERT_TRUE(w->Commit().has_value());

  struct Case {
    std::optional<core::DateRange> window;
    int lecture_halves;
  };
  std::vector<Case> cases = {
      {std::nullopt, 17},
      {core::DateRange{Date{2025, 4, 1}, Date{2026, 3, 31}}, 7},   // one fiscal year
      {core::DateRange{Date{2025, 4, 15}, Date{2025, 6, 30}}, 3},  // cuts a fiscal year
      {core::DateRange{std::nullopt, Date{2025, 4, 30}}, 10},      // open at the start
  };
  for (const auto& c : cases) {
    programme.credit_window = c.window;
    {
      auto set = *this->store_->Begin(true);
      ASSERT_TRUE(set->Programmes().Upsert(programme).has_value());
      ASSERT_TRUE(set->Commit().has_value());
    }
    auto r = *this->store_->Begin(false);  // the facts are the first statements sent
    auto facts = r->Reviews().StandingFactsOf(this->ito_);
    ASSERT_TRUE(facts.has_value()) << facts.error().detail;
    ASSERT_TRUE(facts->doctor.has_value());
    EXPECT_EQ(facts->doctor->registry_number, "1002");
    EXPECT_EQ(facts->programme.code, programme.code);
    EXPECT_EQ(facts->programme.credit_window.has_value(), c.window.has_value());
    EXPECT_EQ(facts->lecture.halves(), c.lecture_halves);
    EXPECT_EQ(facts->lecture, *r->Credits().LectureUnits(this->ito_, c.window));
    EXPECT_EQ(facts->approved_activity_ids, approved);
    EXPECT_EQ(facts->submitted_declaration_units.halves(), 8);  // 3 + 5; the returned one not
    auto items = *r->Reviews().ListForDoctor(this->ito_);
    ASSERT_EQ(facts->items.size(), items.size());
    ASSERT_EQ(items.size(), 7u);  // an application, three activities, three declarations
    for (size_t i = 0; i < items.size(); ++i) {
      EXPECT_EQ(facts->items[i].kind, items[i].kind);
      EXPECT_EQ(facts->items[i].id, items[i].id);
      EXPECT_EQ(facts->items[i].status, items[i].status);
    }
  }
  auto r = *this->store_->Begin(false);
  auto abe = *r->Reviews().StandingFactsOf(this->abe_);
  EXPECT_EQ(abe.lecture.halves(), 0);
  EXPECT_TRUE(abe.approved_activity_ids.empty());
  EXPECT_EQ(abe.items.size(), 1u);  // the application of the fixture
  EXPECT_EQ(abe.submitted_declaration_units.halves(), 0);
  auto nobody = *r->Reviews().StandingFactsOf(this->ueno_ + 1000);
  EXPECT_FALSE(nobody.doctor.has_value());
  EXPECT_TRUE(nobody.items.empty());
}

TYPED_TEST(ReviewContractTest, SubmissionsEditsAndSnapshots) {
  auto w = *this->store_->Begin(true);
  core::ActivityInput in{"home_care", "訪問診療", Date{2024, 4, 1}, Date{2025, 3, 31}, "医院", {}};
  Id act = *w->Activities().Submit(this->ito_, in, this->chiyoda_);
  in.description = "在宅訪問診療";
  in.ended_on.reset();
  ASSERT_TRUE(w->Activities().Edit(act, in).has_value());
  auto read = **w->Activities().Find(act);
  EXPECT_EQ(read.description, "在宅訪問診療");
  EXPECT_FALSE(read.ended_on.has_value());
  EXPECT_EQ((*w->Reviews().Find(ReviewKind::kActivity, act))->routed_to_code, "13001");
  auto categories = *w->Activities().Categories();
  ASSERT_EQ(categories.size(), 9u);
  EXPECT_EQ(categories[0].code, "school_doctor");
  EXPECT_EQ(categories[0].name_ja, "学校医");

  core::DeclarationInput d{
      Date{2025, 5, 1}, core::HalfUnits::FromHalves(3), "研修会", "医師会", {}};
  Id decl = *w->Declarations().Submit(this->ito_, d, this->chiyoda_);
  d.units = core::HalfUnits::FromHalves(4);
  ASSERT_TRUE(w->Declarations().Edit(decl, d).has_value());
  EXPECT_EQ((*w->Declarations().Find(decl))->units.halves(), 4);
  EXPECT_FALSE(w->Declarations().Find(decl + 100)->has_value());

  Id other = *w->Activities().Submit(this->ito_, in, this->chiyoda_);
  core::ApplicationSnapshot snap{
      core::HalfUnits::FromHalves(4), {other, act}, core::HalfUnits::FromHalves(14), "county"};
  core::NewApplication app{
      this->ito_,      "kakari-2025", "online", this->chiyoda_, ReviewStatus::kSubmitted,
      Date{2026, 6, 1}};
  auto submitted = w->Applications().Submit(app, snap, std::nullopt);
  ASSERT_TRUE(submitted.has_value()) << submitted.error().detail;
  Id id = *submitted;
  auto kept = **w->Applications().Snapshot(id);
  EXPECT_EQ(kept.activity_ids, (Ids{act, other}));
  EXPECT_EQ(kept.total_units.halves(), 14);
  EXPECT_EQ(kept.routing_reason, "county");
  ASSERT_TRUE(
      w->Applications()
          .ReplaceSnapshot(
              id,
              {core::HalfUnits::FromHalves(6), {other}, core::HalfUnits::FromHalves(16), "changed"})
          .has_value());
  kept = **w->Applications().Snapshot(id);
  EXPECT_EQ(kept.activity_ids, (Ids{other}));
  EXPECT_EQ(kept.lecture_units.halves(), 6);
  EXPECT_EQ(kept.routing_reason, "county");  // how it was routed stays
  EXPECT_FALSE(w->Applications().Snapshot(id + 100)->has_value());
}

TYPED_TEST(ReviewContractTest, DoctorSearchIndexAndCreditPages) {
  auto w = *this->store_->Begin(true);
  auto& doctors = w->Doctors();
  auto names = [](const std::vector<core::Doctor>& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.registry_number);
    return out;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names(*doctors.Search("13", "", core::SearchKey("ロウ"), 10)),
            (Names{"1001", "1002", "1003"}));  // イチロウ, ジロウ, サブロウ: by kana
  EXPECT_EQ(names(*doctors.Search("13", "1003", "", 10)), (Names{"1003"}));
  EXPECT_EQ(names(*doctors.Search("27", "1003", "", 10)), Names{});  // outside the scope
  EXPECT_EQ(names(*doctors.Search("", "", core::SearchKey("じろう"), 5)), (Names{"1002"}));
  EXPECT_EQ(names(*doctors.Search("", "", core::SearchKey("ロウ"), 1)), (Names{"1001"}));
  EXPECT_EQ(doctors.RegistryIndex()->at("1002"), this->ito_);
  EXPECT_EQ(*doctors.AllIds(), (Ids{this->abe_, this->ito_, this->ueno_}));
  EXPECT_EQ(*doctors.Count(), 3);

  auto& credits = w->Credits();
  Id lec = *credits.LectureId("講習会", "主催");
  std::vector<core::CreditRepository::Row> rows;
  for (int day = 1; day <= 5; ++day) {
    rows.push_back({this->abe_, lec, static_cast<int32_t>(Date{2025, 5, day}.ToDays()), 1, -1});
  }
  ASSERT_EQ(*credits.InsertMany(rows), 5);
  core::DateRange may{Date{2025, 5, 2}, Date{2025, 5, 4}};
  auto [total, page] = *credits.PageForDoctor(this->abe_, may, 1, 5);
  EXPECT_EQ(total, 3);
  ASSERT_EQ(page.size(), 2u);  // newest first, the first skipped
  EXPECT_EQ(page[0].taken_on, (Date{2025, 5, 3}));
  EXPECT_EQ(page[1].taken_on, (Date{2025, 5, 2}));
  EXPECT_EQ(page[1].title, "講習会");
  EXPECT_EQ(credits.PageForDoctor(this->ito_, may, 0, 5)->first, 0);
}

}  // namespace
}  // namespace kakari::storage
