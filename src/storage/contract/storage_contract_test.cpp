// The storage contract: what every implementation of core's ports must do.
// Typed over the implementations: SQLite and the in-memory fake.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <set>
#include <thread>

#include "core/ports/snapshot_store.hpp"
#include "core/services/progress_service.hpp"
#include "core/services/registry_setup.hpp"
#include "core/testing/deterministic_crypto.hpp"
#include "core/testing/fixed_clock.hpp"
#include "storage/contract/storage_contract_fixture.hpp"

namespace kakari::storage {
namespace {

TYPED_TEST_SUITE(StorageContractTest, Implementations, ImplementationNames);

TYPED_TEST(StorageContractTest, SeedHoldsJmaAnd47Prefectures) {
  auto uow = *this->store_->Begin(false);
  auto orgs = *uow->Organisations().List();
  ASSERT_EQ(orgs.size(), 48u);
  EXPECT_EQ(orgs[0].name_ja, "日本医師会");
  auto okinawa = *uow->Organisations().FindByCode("47");
  EXPECT_EQ(okinawa->name_ja, "沖縄県医師会");
  EXPECT_EQ(okinawa->parent_id, orgs[0].id);
  EXPECT_EQ(uow->Programmes().Current()->required_total, HalfUnits::FromUnits(10));
  // Seeding twice adds nothing.
  uow.reset();
  ASSERT_TRUE(core::SeedRegistry(*this->store_).has_value());
  EXPECT_EQ((*this->store_->Begin(false))->Organisations().List()->size(), 48u);
}

TYPED_TEST(StorageContractTest, AnAssociationsContactIsEmptyUntilEnteredAndReadEverywhere) {
  core::Id okinawa = 0;
  {
    auto uow = *this->store_->Begin(true);
    auto found = **uow->Organisations().FindByCode("47");
    EXPECT_EQ(found.contact.postal_code, "");
    EXPECT_EQ(found.contact.address, "");
    okinawa = found.id;
    ASSERT_TRUE(uow->Organisations()
                    .UpdateContact(okinawa, {"9012345", "沖縄県那覇市旭町114-5", "098-888-0087"})
                    .has_value());
  }  // rolled back
  EXPECT_EQ((*(*this->store_->Begin(false))->Organisations().FindById(okinawa))->contact.address,
            "");
  auto uow = *this->store_->Begin(true);
  ASSERT_TRUE(uow->Organisations()
                  .UpdateContact(okinawa, {"9012345", "沖縄県那覇市旭町114-5", "098-888-0087"})
                  .has_value());
  ASSERT_TRUE(uow->Commit().has_value());
  auto r = *this->store_->Begin(false);
  auto by_id = **r->Organisations().FindById(okinawa);
  EXPECT_EQ(by_id.contact.postal_code, "9012345");
  EXPECT_EQ(by_id.contact.address, "沖縄県那覇市旭町114-5");
  EXPECT_EQ(by_id.contact.phone, "098-888-0087");
  EXPECT_EQ((*r->Organisations().FindByCode("47"))->contact.phone, "098-888-0087");
  auto listed = *r->Organisations().List();
  EXPECT_EQ(listed.back().contact.address, "沖縄県那覇市旭町114-5");
  EXPECT_EQ(listed.front().contact.address, "");  // the others are untouched
}

TYPED_TEST(StorageContractTest, DoctorRoundTripAndUniqueRegistry) {
  core::Id id = this->AddDoctor("12345");
  auto uow = *this->store_->Begin(true);
  auto d = *uow->Doctors().FindByRegistryNumber("12345");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->id, id);
  EXPECT_EQ(d->name, "髙橋　太郎");
  EXPECT_EQ(d->birth_date, (Date{1970, 4, 1}));
  core::Doctor again = *d;
  auto dup = uow->Doctors().Insert(again);
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, core::ErrorCode::kAlreadyExists);
  EXPECT_FALSE(uow->Doctors().FindByRegistryNumber("99999")->has_value());
}

TYPED_TEST(StorageContractTest, UncommittedWorkRollsBack) {
  {
    auto uow = *this->store_->Begin(true);
    auto tokyo = *uow->Organisations().FindByCode("13");
    ASSERT_TRUE(
        uow->Doctors()
            .Insert({0, "777", "a", "ア", std::nullopt, Date{1970, 1, 1}, tokyo->id, "", "", ""})
            .has_value());
  }
  EXPECT_EQ(*(*this->store_->Begin(false))->Doctors().Count(), 0);
}

TYPED_TEST(StorageContractTest, CreditsDeduplicateAndKeepTotals) {
  core::Id doc = this->AddDoctor("12345");
  auto uow = *this->store_->Begin(true);
  auto& credits = uow->Credits();
  core::Id lec = *credits.LectureId("講習会", "東京都医師会");
  EXPECT_EQ(*credits.LectureId("講習会", "東京都医師会"), lec);
  auto day = [](Date d) { return static_cast<int32_t>(d.ToDays()); };
  std::vector<core::CreditRepository::Row> rows = {
      {doc, lec, day({2025, 3, 31}), 2, 5},   // FY2024
      {doc, lec, day({2025, 4, 1}), 3, -1},   // FY2025
      {doc, lec, day({2026, 3, 31}), 1, 84},  // FY2025
  };
  EXPECT_EQ(*credits.InsertMany(rows), 3);
  EXPECT_EQ(*credits.InsertMany(rows), 0);  // same identities again
  rows[0].half_units = 4;                   // other units: another credit
  EXPECT_EQ(*credits.InsertMany(std::span(rows).first(1)), 1);
  EXPECT_EQ(credits.LectureUnits(doc, std::nullopt)->halves(), 10);
  core::DateRange fy2025{Date{2025, 4, 1}, Date{2026, 3, 31}};
  EXPECT_EQ(credits.LectureUnits(doc, fy2025)->halves(), 4);
  core::DateRange cut{Date{2025, 4, 2}, std::nullopt};  // not FY-aligned
  EXPECT_EQ(credits.LectureUnits(doc, cut)->halves(), 1);
  auto all = *credits.LectureUnitsByDoctor(std::nullopt);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].second.halves(), 10);
  EXPECT_EQ((*credits.LectureUnitsByDoctor(cut))[0].second.halves(), 1);
  auto listed = *credits.ListForDoctor(doc);
  ASSERT_EQ(listed.size(), 4u);
  EXPECT_EQ(listed[0].taken_on, (Date{2026, 3, 31}));
  EXPECT_EQ(listed[0].curriculum_code, 84);
}

// Large batches take PostgreSQL's COPY path: the same answers as row by row.
// A credit must name a stored doctor and lecture, one row or many (on
// PostgreSQL many go through COPY and a statement-level check).
TYPED_TEST(StorageContractTest, CreditsNamingNoDoctorAreRefused) {
  core::Id doc = this->AddDoctor("34567");
  for (size_t count : {size_t{1}, size_t{300}}) {
    auto uow = *this->store_->Begin(true);
    auto& credits = uow->Credits();
    core::Id lec = *credits.LectureId("講習会", "東京都医師会");
    std::vector<core::CreditRepository::Row> rows;
    for (size_t i = 0; i < count; ++i) {
      rows.push_back({doc, lec, static_cast<int32_t>(20000 + i), 2, -1});
    }
    rows.back().doctor_id = doc + 1000000;  // nobody
    EXPECT_FALSE(credits.InsertMany(rows).has_value()) << count << " rows";
  }
  auto uow = *this->store_->Begin(false);
  EXPECT_TRUE(uow->Credits().ListForDoctor(doc)->empty());
}

TYPED_TEST(StorageContractTest, ManyLecturesAndCreditsAtOnceMatchOneByOne) {
  core::Id doc = this->AddDoctor("23456");
  auto uow = *this->store_->Begin(true);
  auto& credits = uow->Credits();
  core::Id known = *credits.LectureId("既存の講習会", "日本医師会");
  std::deque<std::string> titles;  // the names view them
  std::vector<core::CreditRepository::LectureName> names;
  for (int i = 0; i < 600; ++i) {
    titles.push_back("講習会\t第" + std::to_string(i % 500) + "回\\");
    names.push_back({titles.back(), "東京都医師会"});
  }
  names.push_back({"既存の講習会", "日本医師会"});
  auto ids = credits.LectureIds(names);
  ASSERT_TRUE(ids.has_value()) << ids.error().detail;
  ASSERT_EQ(ids->size(), names.size());
  EXPECT_EQ(ids->back(), known);
  EXPECT_EQ((*ids)[0], (*ids)[500]);  // a repeated name: one lecture
  EXPECT_EQ(std::set<core::Id>(ids->begin(), ids->end()).size(), 501u);
  EXPECT_EQ(*credits.LectureId(names[7].title, names[7].organizer),
            (*ids)[7]);  // tab, backslash kept

  auto day = [](Date d) { return static_cast<int32_t>(d.ToDays()); };
  std::vector<core::CreditRepository::Row> rows;
  for (int i = 0; i < 500; ++i) {  // 250 in FY2024 (March), 250 in FY2025 (April)
    rows.push_back({doc, (*ids)[i], day({2025, i % 2 ? 4 : 3, i % 2 ? 1 : 31}), 1,
                    static_cast<int16_t>(i % 2 ? -1 : 7)});
  }
  EXPECT_EQ(*credits.InsertMany(rows), 500);
  rows.resize(300);
  EXPECT_EQ(*credits.InsertMany(rows), 0);  // every identity already there
  EXPECT_EQ(credits.LectureUnits(doc, std::nullopt)->halves(), 500);
  core::DateRange fy2025{Date{2025, 4, 1}, Date{2026, 3, 31}};
  EXPECT_EQ(credits.LectureUnits(doc, fy2025)->halves(), 250);
  auto listed = *credits.ListForDoctor(doc);
  ASSERT_EQ(listed.size(), 500u);
  EXPECT_EQ(std::count_if(listed.begin(), listed.end(),
                          [](const auto& c) { return c.curriculum_code == 7; }),
            250);

  // Part known, part new (a new fiscal year, and more for a year that has a
  // total), one repeated within the batch: only the new rows count, once.
  std::vector<core::CreditRepository::Row> mixed(rows.begin() + 100, rows.end());  // 200 known
  for (int i = 0; i < 100; ++i) mixed.push_back({doc, (*ids)[i], day({2026, 4, 1}), 2, -1});
  for (int i = 0; i < 10; ++i) mixed.push_back({doc, (*ids)[i], day({2025, 5, 1}), 1, 3});
  mixed.push_back(mixed.back());
  EXPECT_EQ(*credits.InsertMany(mixed), 110);
  EXPECT_EQ(credits.LectureUnits(doc, std::nullopt)->halves(), 710);
  EXPECT_EQ(credits.LectureUnits(doc, fy2025)->halves(), 260);
  core::DateRange fy2026{Date{2026, 4, 1}, Date{2027, 3, 31}};
  EXPECT_EQ(credits.LectureUnits(doc, fy2026)->halves(), 200);
  EXPECT_EQ(credits.ListForDoctor(doc)->size(), 610u);
}

TYPED_TEST(StorageContractTest, ApprovedActivitiesCounted) {
  core::Id doc = this->AddDoctor("5");
  auto uow = *this->store_->Begin(true);
  for (auto s : {core::ActivityStatus::kApproved, core::ActivityStatus::kSubmitted,
                 core::ActivityStatus::kApproved, core::ActivityStatus::kReturned}) {
    ASSERT_TRUE(uow->Activities()
                    .Insert({doc, "school_doctor", "学校医", Date{2020, 4, 1}, std::nullopt,
                             "市立小学校", s})
                    .has_value());
  }
  EXPECT_EQ(*uow->Activities().CountApproved(doc), 2);
  auto all = *uow->Activities().CountApprovedByDoctor();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].second, 2);
}

TYPED_TEST(StorageContractTest, SummaryCountsEveryDoctorOnce) {
  // complete: 1 activity + 5 units; lecture short: 1 activity + 4.5;
  // practical missing: 20 units, no approved activity; and one with nothing.
  std::vector<std::pair<int, bool>> records = {{10, true}, {9, true}, {40, false}, {0, false}};
  {
    std::vector<core::Id> ids;
    for (size_t i = 0; i < records.size(); ++i)
      ids.push_back(this->AddDoctor(std::to_string(i + 1)));
    auto uow = *this->store_->Begin(true);
    core::Id lec = *uow->Credits().LectureId("講習会", "主催");
    for (size_t i = 0; i < records.size(); ++i) {
      if (records[i].first > 0) {
        std::vector<core::CreditRepository::Row> row = {
            {ids[i], lec, static_cast<int32_t>(Date{2025, 5, 1}.ToDays()), records[i].first, -1}};
        ASSERT_EQ(*uow->Credits().InsertMany(row), 1);
      }
      if (records[i].second) {
        ASSERT_TRUE(uow->Activities()
                        .Insert({ids[i], "vaccination", "予防接種", Date{2020, 4, 1}, std::nullopt,
                                 "市", core::ActivityStatus::kApproved})
                        .has_value());
      }
    }
    ASSERT_TRUE(uow->Commit().has_value());
  }
  int seen = 0;
  core::testing::DeterministicCrypto crypto;
  core::testing::FixedClock clock(1780272000);
  core::Deps deps{*this->store_, crypto, clock};
  auto summary = core::SummariseAll(deps, core::CommandLineCaller(),
                                    [&](core::Id, const core::Eligibility&) { ++seen; });
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->doctors, 4);
  EXPECT_EQ(seen, 4);
  EXPECT_EQ(summary->complete, 1);
  EXPECT_EQ(summary->lecture_only_short, 1);
  EXPECT_EQ(summary->practical_missing, 2);
}

// Not a cryptographic hash: enough to tell records apart in a chain test.
class TestHasher final : public core::Hasher {
 public:
  std::string Sha256Hex(std::string_view data) const override {
    char hex[65];
    size_t h = std::hash<std::string_view>{}(data);
    std::snprintf(hex, sizeof hex, "%064zx", h);
    return hex;
  }
};

TYPED_TEST(StorageContractTest, ConcurrentAuditAppendsFormOneUnbrokenChain) {
  TestHasher hasher;
  constexpr int kThreads = 6;
  constexpr int kEach = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        core::AuditRecord r;
        r.at = "2026-11-21T00:00:00Z";
        r.action = "queue.view";
        r.subject_type = "association";
        r.subject_id = std::to_string(t) + "-" + std::to_string(i);
        if (!this->store_->AppendAudit(r, hasher)) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto uow = *this->store_->Begin(false);
  core::AuditChainVerifier verifier(hasher);
  std::set<std::string> subjects;
  ASSERT_TRUE(uow->Audit()
                  .ForEach([&](const core::AuditRecord& r) {
                    subjects.insert(r.subject_id);
                    return verifier.Feed(r);
                  })
                  .has_value());
  EXPECT_FALSE(verifier.first_broken().has_value()) << verifier.reason();
  EXPECT_EQ(verifier.checked(), kThreads * kEach);
  EXPECT_EQ(subjects.size(), static_cast<size_t>(kThreads * kEach));
}

// An audit record is written with the transaction's next exchange on a
// database server (RunWithNext): rolled back, it is never written and the
// connection goes back to the pool clean; one that cannot be written fails
// the transaction (at the append or at the commit) and keeps nothing of it.
TYPED_TEST(StorageContractTest, AnAuditRecordGoesOrStaysWithItsTransaction) {
  TestHasher hasher;
  auto record = [&](std::string subject) {
    core::AuditRecord r;
    r.at = "2026-11-21T00:00:00Z";
    r.action = "doctor.update";
    r.subject_type = "doctor";
    r.subject_id = std::move(subject);
    return r;
  };
  auto tail = [&] { return (*(*this->store_->Begin(false))->Audit().Tail()).first; };
  ASSERT_TRUE(this->store_->AppendAudit(record("first"), hasher).has_value());
  core::Id first = tail();
  for (int round = 0; round < 3; ++round) {  // the pooled connection is reused clean
    auto uow = *this->store_->Begin(true);
    core::AuditRecord r = record("rolled back");
    core::AuditRecord* one[] = {&r};
    ASSERT_TRUE(core::AppendChained(*uow, one, hasher).has_value());
  }
  EXPECT_EQ(tail(), first);

  core::Status failed;
  {
    auto uow = *this->store_->Begin(true);
    auto tokyo = *uow->Organisations().FindByCode("13");
    ASSERT_TRUE(
        uow->Doctors()
            .Insert({0, "778", "a", "ア", std::nullopt, Date{1970, 1, 1}, tokyo->id, "", "", ""})
            .has_value());
    core::AuditRecord again = record("same id as the first");
    again.id = first;  // taken: cannot be written
    again.prev_hash = core::kAuditGenesisHash;
    again.hash = hasher.Sha256Hex("x");
    failed = uow->Audit().Append(again);
    if (failed) failed = uow->Commit();
  }
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(*(*this->store_->Begin(false))->Doctors().Count(), 0);
  EXPECT_EQ(tail(), first);
  ASSERT_TRUE(this->store_->AppendAudit(record("after"), hasher).has_value());
  EXPECT_EQ(tail(), first + 1);
}

TYPED_TEST(StorageContractTest, ConcurrentWritersAllCommit) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto uow = this->store_->Begin(true);
        if (!uow) {
          ++failures;
          continue;
        }
        auto tokyo = *(*uow)->Organisations().FindByCode("13");
        core::Doctor d{0,
                       std::to_string(100000 + t * 1000 + i),
                       "髙橋　太郎",
                       "タカハシ　タロウ",
                       std::nullopt,
                       Date{1970, 4, 1},
                       tokyo->id,
                       "",
                       "",
                       ""};
        if (!(*uow)->Doctors().Insert(d) || !(*uow)->Commit()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto uow = *this->store_->Begin(false);
  auto found = uow->Doctors().FindByRegistryNumber("103024");
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->has_value());
}

TYPED_TEST(StorageContractTest, SnapshotStoreReadsShareOneTransaction) {
  core::SnapshotStore snapshot(*this->store_);
  {
    auto first = *snapshot.Begin(false);
    EXPECT_FALSE((*first->Doctors().FindByRegistryNumber("200001")).has_value());
  }
  this->AddDoctor("200001");  // committed through the real store meanwhile
  auto again = *snapshot.Begin(false);
  EXPECT_FALSE((*again->Doctors().FindByRegistryNumber("200001")).has_value())
      << "a second read of the same request must see the same snapshot";
  auto fresh = *this->store_->Begin(false);
  EXPECT_TRUE((*fresh->Doctors().FindByRegistryNumber("200001")).has_value());
}

TYPED_TEST(StorageContractTest, QueueTotalsFollowEveryChange) {
  core::Id doctor = this->AddDoctor("300001");
  auto uow = *this->store_->Begin(true);
  core::Id chiyoda = (*uow->Organisations().FindByCode("13"))->id;  // the seed has prefectures
  core::Id osaka = (*uow->Organisations().FindByCode("27"))->id;
  core::ActivityInput a{"school_doctor", "学校医", Date{2020, 4, 1}, std::nullopt, "区", {}};
  std::vector<core::Id> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(*uow->Activities().Submit(doctor, a, chiyoda));
  ASSERT_TRUE(uow->Activities().Submit(doctor, a, osaka).has_value());
  core::DeclarationInput d{Date{2025, 5, 1}, HalfUnits::FromHalves(3), "研修会", "医師会", {}};
  auto decl = uow->Declarations().Submit(doctor, d, chiyoda);
  ASSERT_TRUE(decl.has_value()) << decl.error().detail;
  ASSERT_TRUE(uow->Commit().has_value());

  auto total = [&](std::string prefix, std::optional<core::ReviewStatus> status,
                   std::optional<core::ReviewKind> kind = std::nullopt) {
    auto r = *this->store_->Begin(false);
    core::QueueFilter f;
    f.association_prefix = prefix;
    f.status = status;
    f.kind = kind;
    auto page = r->Reviews().Queue(f);
    EXPECT_TRUE(page.has_value());
    return page->total;
  };
  using S = core::ReviewStatus;
  EXPECT_EQ(total("13", S::kSubmitted), 4);
  EXPECT_EQ(total("13", S::kSubmitted, core::ReviewKind::kActivity), 3);
  EXPECT_EQ(total("27", S::kSubmitted), 1);
  EXPECT_EQ(total("", S::kSubmitted), 5);
  {
    auto w = *this->store_->Begin(true);
    ASSERT_TRUE(
        *w->Reviews().UpdateStatus(core::ReviewKind::kActivity, ids[0], 1, S::kApproved, ""));
    ASSERT_TRUE(w->Commit().has_value());
  }
  EXPECT_EQ(total("13", S::kSubmitted), 3);
  EXPECT_EQ(total("13", S::kApproved), 1);
  EXPECT_EQ(total("13", std::nullopt), 4);
  EXPECT_EQ(total("1", std::nullopt), 4);  // a prefix covers every code under it
  {
    auto w = *this->store_->Begin(true);  // rolled back: the counts too
    ASSERT_TRUE(
        *w->Reviews().UpdateStatus(core::ReviewKind::kActivity, ids[1], 1, S::kRejected, "x"));
  }
  EXPECT_EQ(total("13", S::kSubmitted), 3);
  EXPECT_EQ(total("13", S::kRejected), 0);
}

}  // namespace
}  // namespace kakari::storage
