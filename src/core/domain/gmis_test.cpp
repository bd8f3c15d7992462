#include "core/domain/gmis.hpp"

#include <gtest/gtest.h>

#include "core/domain/gmis_document.hpp"
#include "core/domain/programme.hpp"

namespace kakari::core {
namespace {

using CS = CertificateStatus;

CertificateFact Cert(const char* number, int version, Date issued, CS status,
                     std::optional<int> years = std::nullopt) {
  return {number, version, issued, status, years, "kakari-2025", ""};
}

TEST(Gmis, ExpiryOfKeepsTheDayAndMovesLeapDays) {
  EXPECT_EQ(ExpiryOf(Date{2025, 6, 1}, 5), (Date{2030, 6, 1}));
  EXPECT_EQ(ExpiryOf(Date{2024, 2, 29}, 1), (Date{2025, 3, 1}));
}

// A table of certificate histories and the day asked about.
TEST(Gmis, InForceOnFollowsStatusVersionsAndValidity) {
  const Date issued{2025, 6, 1};
  const Date reissued{2025, 9, 1};
  struct Case {
    const char* what;
    std::vector<CertificateFact> versions;
    Date day;
    std::optional<int> want_version;  // none: nothing in force
  } cases[] = {
      {"valid, asked after issue", {Cert("A", 1, issued, CS::kValid)}, Date{2026, 1, 15}, 1},
      {"valid, asked on the issue day", {Cert("A", 1, issued, CS::kValid)}, issued, 1},
      {"valid, asked before issue", {Cert("A", 1, issued, CS::kValid)}, Date{2025, 5, 31}, {}},
      {"revoked", {Cert("A", 1, issued, CS::kRevoked)}, Date{2026, 1, 15}, {}},
      {"superseded, newer valid",
       {Cert("A", 1, issued, CS::kSuperseded), Cert("A", 2, reissued, CS::kValid)},
       Date{2026, 1, 15},
       2},
      {"superseded, asked between the versions",
       {Cert("A", 1, issued, CS::kSuperseded), Cert("A", 2, reissued, CS::kValid)},
       Date{2025, 7, 1},
       1},
      {"superseded, newest revoked",
       {Cert("A", 1, issued, CS::kSuperseded), Cert("A", 2, reissued, CS::kRevoked)},
       Date{2026, 1, 15},
       {}},
      {"superseded without a newer version",
       {Cert("A", 1, issued, CS::kSuperseded)},
       Date{2026, 1, 15},
       {}},
      {"validity not yet run out", {Cert("A", 1, issued, CS::kValid, 1)}, Date{2026, 5, 31}, 1},
      {"validity run out", {Cert("A", 1, issued, CS::kValid, 1)}, Date{2026, 6, 1}, {}},
      {"validity counts from the first issue",
       {Cert("A", 1, issued, CS::kSuperseded, 1), Cert("A", 2, reissued, CS::kValid, 1)},
       Date{2026, 6, 1},
       {}},
      {"a revoked number and a later valid one",
       {Cert("A", 1, issued, CS::kRevoked), Cert("B", 1, reissued, CS::kValid)},
       Date{2026, 1, 15},
       1},
  };
  for (const auto& c : cases) {
    const auto* got = InForceOn(c.versions, c.day);
    if (!c.want_version) {
      EXPECT_EQ(got, nullptr) << c.what;
    } else {
      ASSERT_NE(got, nullptr) << c.what;
      EXPECT_EQ(got->version, *c.want_version) << c.what;
    }
  }
}

Eligibility Complete() {
  Eligibility e;
  e.complete = true;
  return e;
}

Eligibility ShortOfLectures() {
  Programme p = DefaultProgramme();
  UnitTally t;
  t.lecture = HalfUnits::FromUnits(2);
  t.approved_activities = 1;
  return Evaluate(p, t);
}

GmisDoctor Doctor(Id id, AffiliationState state, std::vector<CertificateFact> certs,
                  Eligibility e) {
  GmisDoctor d;
  d.doctor_id = id;
  d.registry_number = std::to_string(100000 + id);
  d.name = "医師" + std::to_string(id);
  d.affiliation.doctor_id = id;
  d.affiliation.state = state;
  d.certificates = std::move(certs);
  d.eligibility = std::move(e);
  return d;
}

Institution Clinic(const char* code = "1311234567", bool advanced = false) {
  Institution i;
  i.code = code;
  i.name = "テスト医院";
  i.advanced_treatment = advanced;
  return i;
}

const Date kDay{2027, 1, 15};

TEST(Gmis, YesWhenAConfirmedDoctorHoldsACertificateInForce) {
  std::vector<GmisDoctor> ds = {
      Doctor(1, AffiliationState::kConfirmed,
             {Cert("第K2026-000001号", 1, {2026, 5, 1}, CS::kValid)}, Complete()),
      Doctor(2, AffiliationState::kConfirmed, {}, ShortOfLectures()),
  };
  auto a = DecideGmis(Clinic(), kDay, ds);
  ASSERT_TRUE(a.answer);
  EXPECT_TRUE(*a.answer);
  ASSERT_EQ(a.completed.size(), 1u);
  EXPECT_EQ(a.completed[0].certificate_number, "第K2026-000001号");
  EXPECT_EQ(a.completed[0].issued_on, (Date{2026, 5, 1}));
  ASSERT_EQ(a.short_of.size(), 1u);
  EXPECT_EQ(a.short_of[0].registry_number, "100002");
  ASSERT_EQ(a.short_of[0].missing_ja.size(), 1u);
  EXPECT_EQ(a.short_of[0].missing_ja[0], "座学研修（知識）があと3単位必要です");
}

TEST(Gmis, NoWhenTheOnlyCertifiedDoctorIsNotConfirmedOrHasLeft) {
  auto certified = [](AffiliationState s) {
    return Doctor(1, s, {Cert("A", 1, {2026, 5, 1}, CS::kValid)}, Complete());
  };
  for (auto s : {AffiliationState::kAwaitingInstitution, AffiliationState::kAwaitingDoctor,
                 AffiliationState::kDeclined}) {
    std::vector<GmisDoctor> ds = {certified(s)};
    auto a = DecideGmis(Clinic(), kDay, ds);
    ASSERT_TRUE(a.answer);
    EXPECT_FALSE(*a.answer) << AffiliationStateName(s);
    EXPECT_TRUE(a.short_of.empty()) << "an unagreed doctor is not listed at all";
  }
  std::vector<GmisDoctor> left = {certified(AffiliationState::kConfirmed)};
  left[0].affiliation.ended_on = Date{2026, 12, 31};
  auto a = DecideGmis(Clinic(), kDay, left);
  EXPECT_FALSE(*a.answer);
  EXPECT_TRUE(a.completed.empty());
  // On a date while they still worked there, the answer was yes.
  EXPECT_TRUE(*DecideGmis(Clinic(), Date{2026, 12, 31}, left).answer);
}

TEST(Gmis, RevokedCertificateLeavesTheDoctorShortAndSaysWhy) {
  std::vector<GmisDoctor> ds = {Doctor(1, AffiliationState::kConfirmed,
                                       {Cert("A", 1, {2026, 5, 1}, CS::kRevoked)}, Complete())};
  auto a = DecideGmis(Clinic(), kDay, ds);
  EXPECT_FALSE(*a.answer);
  ASSERT_EQ(a.short_of.size(), 1u);
  EXPECT_EQ(a.short_of[0].missing_en.back(),
            "the certificate was revoked; a new application is needed");
}

TEST(Gmis, CompleteWithoutCertificateIsShortOfAnApplication) {
  std::vector<GmisDoctor> ds = {Doctor(1, AffiliationState::kConfirmed, {}, Complete())};
  auto a = DecideGmis(Clinic(), kDay, ds);
  EXPECT_FALSE(*a.answer);
  EXPECT_EQ(a.short_of[0].missing_ja,
            std::vector<std::string>{
                "修了要件を満たしています。修了申請をして修了証の発行を受けてください"});
}

TEST(Gmis, ExemptInstitutionsHaveNoAnswer) {
  std::vector<GmisDoctor> ds = {Doctor(1, AffiliationState::kConfirmed,
                                       {Cert("A", 1, {2026, 5, 1}, CS::kValid)}, Complete())};
  auto dental = DecideGmis(Clinic("1331234567"), kDay, ds);
  EXPECT_EQ(dental.exempt, ExemptReason::kDental);
  EXPECT_FALSE(dental.answer);
  auto advanced = DecideGmis(Clinic("1311234567", true), kDay, ds);
  EXPECT_EQ(advanced.exempt, ExemptReason::kAdvancedTreatment);
  EXPECT_FALSE(advanced.answer);
}

TEST(Gmis, ADoctorWithTwoPeriodsCountsOnce) {
  auto d =
      Doctor(1, AffiliationState::kConfirmed, {Cert("A", 1, {2026, 5, 1}, CS::kValid)}, Complete());
  std::vector<GmisDoctor> ds = {d, d};
  EXPECT_EQ(DecideGmis(Clinic(), kDay, ds).completed.size(), 1u);
}

TEST(Coverage, CountsCoveredSitesAndHowCloseTheOthersAre) {
  std::vector<CoverageSite> sites = {{1, "0111111111", "A", "01001"},
                                     {2, "0122222222", "B", "01"},
                                     {3, "1333333333", "C", "13"},
                                     {4, "1344444444", "D", "13"}};
  // Institution 9 is not a site (exempt): its link counts nowhere.
  std::vector<CoverageLink> links = {{1, 10}, {9, 11}, {1, 11}, {2, 20}, {2, 21}, {3, 30}};
  auto certified = [](Id d) { return d == 11; };
  auto shortfall = [](Id d) {
    return d == 20 ? HalfUnits::FromUnits(3) : d == 21 ? HalfUnits::FromHalves(1) : HalfUnits();
  };
  auto c = ComputeCoverage(sites, links, certified, shortfall);
  EXPECT_EQ(c.reportable, 4);
  EXPECT_EQ(c.covered, 1);
  ASSERT_EQ(c.without.size(), 3u);
  EXPECT_EQ(c.without[0].code, "0122222222");
  EXPECT_EQ(c.without[0].doctors, 2);
  EXPECT_EQ(c.without[0].closest_shortfall, HalfUnits::FromHalves(1));
  EXPECT_EQ(c.without[1].closest_shortfall, HalfUnits());  // complete, not certified
  EXPECT_EQ(c.without[2].doctors, 0);
  EXPECT_FALSE(c.without[2].closest_shortfall);
  ASSERT_EQ(c.prefectures.size(), 2u);
  EXPECT_EQ(c.prefectures[0].prefecture_code, "01");
  EXPECT_EQ(c.prefectures[0].covered, 1);
  EXPECT_EQ(c.prefectures[1].reportable, 2);
  EXPECT_EQ(c.prefectures[1].covered, 0);
  // By the association whose staff see each site: 01, 01001, 13.
  ASSERT_EQ(c.areas.size(), 3u);
  EXPECT_EQ(c.areas[0].prefecture_code, "01");
  EXPECT_EQ(c.areas[0].covered, 0);
  EXPECT_EQ(c.areas[1].prefecture_code, "01001");
  EXPECT_EQ(c.areas[1].covered, 1);
  EXPECT_EQ(c.areas[2].reportable, 2);
}

TEST(GmisDocument, CsvQuotesFieldsAndSaysTheAnswer) {
  Institution i = Clinic();
  i.name = "\"みなと\"医院, 本院";
  std::vector<GmisDoctor> ds = {Doctor(1, AffiliationState::kConfirmed,
                                       {Cert("第K2026-000001号", 1, {2026, 5, 1}, CS::kValid)},
                                       Complete())};
  std::string csv = AnswerCsv(DecideGmis(i, kDay, ds), "https://k.example/");
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("\"\"\"みなと\"\"医院, 本院\",2027-01-15,有り"), std::string::npos) << csv;
  EXPECT_NE(csv.find("https://k.example/verify/"), std::string::npos);
  EXPECT_EQ(AnswerWords(DecideGmis(Clinic("1331234567"), kDay, ds)), "報告対象外（歯科医療機関）");
}

TEST(Coverage, EmptyAreaIsZeroNotAnError) {
  auto c = ComputeCoverage(
      {}, {}, [](Id) { return false; }, [](Id) { return HalfUnits(); });
  EXPECT_EQ(c.reportable, 0);
  EXPECT_TRUE(c.without.empty());
}

}  // namespace
}  // namespace kakari::core
