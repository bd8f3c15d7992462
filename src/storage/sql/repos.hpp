// The repositories behind core's ports, in storage/sql's one SQL dialect, shared by every engine.
// Not thread-safe: repositories belong to their unit of work's connection and thread.
#pragma once

#include "core/ports/store.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/queue_cache.hpp"

namespace kakari::storage::sql {

// Reading statements prepared and bound but not yet stepped, each shared by
// its repository method and StandingFactsOf, which runs them together.
core::Result<Statement*> BindCurrentProgramme(Connection& c);
core::Result<Statement*> BindDoctorById(Connection& c, core::Id id);
// Step a bound statement above and read its row.
core::Result<core::Programme> ReadCurrentProgramme(Statement& st);  // kUnavailable when none
core::Result<std::optional<core::Doctor>> ReadOneDoctor(Statement* st);

class SqlOrganisations final : public core::OrganisationRepository {
 public:
  explicit SqlOrganisations(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::Organisation& org) override;
  core::Result<std::optional<core::Organisation>> FindByCode(std::string_view code) override;
  core::Result<std::optional<core::Organisation>> FindById(core::Id id) override;
  core::Result<std::vector<core::Organisation>> List() override;
  core::Status UpdateContact(core::Id id, const core::OrganisationContact& contact) override;

 private:
  core::Result<std::optional<core::Organisation>> FindOne(Statement* st);
  Connection& c_;
};

class SqlDoctors final : public core::DoctorRepository {
 public:
  explicit SqlDoctors(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::Doctor& d) override;
  core::Status Update(const core::Doctor& d) override;
  core::Result<std::optional<core::Doctor>> FindByRegistryNumber(std::string_view reg) override;
  core::Result<std::optional<core::Doctor>> FindById(core::Id id) override;
  core::Result<std::vector<core::Doctor>> Search(std::string_view association_prefix,
                                                 std::string_view query, std::string_view name_key,
                                                 int limit) override;
  core::Result<std::unordered_map<std::string, core::Id>> RegistryIndex() override;
  core::Result<int64_t> Count() override;
  core::Result<std::vector<core::Id>> AllIds() override;

 private:
  Connection& c_;
};

class SqlInstitutions final : public core::InstitutionRepository {
 public:
  explicit SqlInstitutions(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::Institution& inst) override;
  core::Status Update(const core::Institution& inst) override;
  core::Result<std::optional<core::Institution>> FindById(core::Id id) override;
  core::Result<std::optional<core::Institution>> FindByCode(std::string_view code) override;
  core::Result<std::unordered_map<std::string, core::Id>> CodeIndex() override;
  core::Result<std::vector<core::Institution>> Search(std::string_view area, std::string_view query,
                                                      std::string_view name_key,
                                                      int limit) override;
  core::Result<std::vector<core::CoverageSite>> ReportableSites(std::string_view area) override;
  core::Result<core::Id> AddAffiliation(const core::Affiliation& a) override;
  core::Result<std::optional<core::Affiliation>> FindAffiliation(core::Id id) override;
  core::Result<std::optional<core::Affiliation>> FindAffiliationByKey(
      core::Id doctor_id, core::Id institution_id,
      const std::optional<core::Date>& started_on) override;
  core::Result<bool> UpdateAffiliation(const core::Affiliation& a,
                                       int64_t expected_version) override;
  core::Result<std::vector<core::Affiliation>> AffiliationsOfDoctor(core::Id doctor_id) override;
  core::Result<std::vector<core::Affiliation>> AffiliationsOfInstitution(
      core::Id institution_id) override;
  core::Result<std::vector<core::CoverageLink>> ActiveLinks(std::string_view area,
                                                            const core::Date& day) override;

 private:
  Connection& c_;
};

class SqlCredits final : public core::CreditRepository {
 public:
  explicit SqlCredits(Connection& c) : c_(c) {}
  core::Result<core::Id> LectureId(std::string_view title, std::string_view organizer) override;
  core::Result<std::vector<core::Id>> LectureIds(std::span<const LectureName> names) override;
  core::Result<core::Id> StartImport(std::string_view source) override;
  core::Result<int64_t> InsertMany(std::span<const Row> rows) override;
  core::Result<core::HalfUnits> LectureUnits(core::Id doctor_id,
                                             const std::optional<core::DateRange>& window) override;
  core::Result<std::vector<std::pair<core::Id, core::HalfUnits>>> LectureUnitsByDoctor(
      const std::optional<core::DateRange>& window) override;
  core::Result<std::vector<core::LectureCredit>> ListForDoctor(core::Id doctor_id) override;
  core::Result<std::pair<int64_t, std::vector<core::LectureCredit>>> PageForDoctor(
      core::Id doctor_id, const core::DateRange& range, int offset, int limit) override;

 private:
  core::Status AddToTotals(const std::vector<std::tuple<core::Id, int, int64_t>>& deltas);
  // PostgreSQL's bulk paths (credit_bulk.cpp), from this many rows on: below
  // it the round trips of COPY and its statements cost more than they save.
  static constexpr size_t kCopyFromRows = 256;
  bool UsesCopy(size_t rows) const {
    return c_.engine() == Engine::kPostgres && rows >= kCopyFromRows;
  }
  core::Result<std::vector<core::Id>> LectureIdsByCopy(std::span<const LectureName> names);
  core::Result<int64_t> InsertManyByCopy(std::span<const Row> rows);
  Connection& c_;
  core::Id import_id_ = 0;  // 0: none started
};

class SqlActivities final : public core::ActivityRepository {
 public:
  explicit SqlActivities(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::NewActivity& a) override;
  core::Result<int> CountApproved(core::Id doctor_id) override;
  core::Result<std::vector<std::pair<core::Id, int>>> CountApprovedByDoctor() override;
  core::Result<core::Id> Submit(core::Id doctor_id, const core::ActivityInput& in,
                                core::Id routed_to) override;
  core::Status Edit(core::Id id, const core::ActivityInput& in) override;
  core::Result<std::optional<core::ActivityInput>> Find(core::Id id) override;
  core::Result<std::vector<core::Id>> ApprovedIds(core::Id doctor_id) override;
  core::Result<std::vector<core::ActivityCategory>> Categories() override;

 private:
  Connection& c_;
};

class SqlApplications final : public core::ApplicationRepository {
 public:
  explicit SqlApplications(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::NewApplication& a) override;
  core::Result<core::Id> Submit(const core::NewApplication& a,
                                const core::ApplicationSnapshot& snapshot,
                                std::optional<core::Id> scan_file_id) override;
  core::Result<std::optional<core::ApplicationSnapshot>> Snapshot(core::Id id) override;
  core::Status ReplaceSnapshot(core::Id id, const core::ApplicationSnapshot& snapshot) override;

 private:
  Connection& c_;
};

class SqlProgrammes final : public core::ProgrammeRepository {
 public:
  explicit SqlProgrammes(Connection& c) : c_(c) {}
  core::Status Upsert(const core::Programme& p) override;
  core::Result<core::Programme> Current() override;

 private:
  Connection& c_;
};

// A repository that only holds the connection (the common case).
#define KAKARI_SQL_REPO(Name, Port)                   \
  class Name final : public core::Port {              \
   public:                                            \
    explicit Name(Connection& c) : c_(c) {}           \
    KAKARI_##Name##_METHODS private : Connection& c_; \
  }

#define KAKARI_SqlDeclarations_METHODS                                                \
  core::Result<core::Id> Submit(core::Id doctor_id, const core::DeclarationInput& in, \
                                core::Id routed_to) override;                         \
  core::Status Edit(core::Id id, const core::DeclarationInput& in) override;          \
  core::Result<std::optional<core::DeclarationInput>> Find(core::Id id) override;     \
  core::Status LinkCredit(core::Id id, core::Id lecture_id) override;
KAKARI_SQL_REPO(SqlDeclarations, DeclarationRepository);

class SqlReviews final : public core::ReviewRepository {
 public:
  // `cache` is null in write transactions: a page read there may show the
  // transaction's own changes, which a rollback would never commit.
  SqlReviews(Connection& c, QueueCache* cache) : c_(c), cache_(cache) {}
  core::Result<std::optional<core::ReviewItem>> Find(core::ReviewKind kind, core::Id id) override;
  core::Result<bool> UpdateStatus(core::ReviewKind kind, core::Id id, int64_t expected_version,
                                  core::ReviewStatus to, std::string_view reason) override;
  core::Status AddHistory(core::ReviewKind kind, core::Id id, const core::HistoryEntry& e) override;
  core::Result<std::vector<core::HistoryEntry>> History(core::ReviewKind kind,
                                                        core::Id id) override;
  core::Result<core::QueuePage> Queue(const core::QueueFilter& filter) override;
  core::Result<std::vector<core::ReviewItem>> ListForDoctor(core::Id doctor_id) override;
  core::Result<core::StandingFacts> StandingFactsOf(core::Id doctor_id) override;

 private:
  core::Result<core::QueuePage> QueueFromDb(const core::QueueFilter& filter);
  Connection& c_;
  QueueCache* cache_;
};

#define KAKARI_SqlUsers_METHODS                                                                 \
  core::Result<core::Id> Insert(const core::UserRecord& u) override;                            \
  core::Result<std::optional<core::UserRecord>> FindByLogin(std::string_view login) override;   \
  core::Result<std::optional<core::UserRecord>> FindById(core::Id id) override;                 \
  core::Result<std::optional<core::UserRecord>> FindByDoctor(core::Id doctor_id) override;      \
  core::Status SetPasswordHash(core::Id id, std::string_view hash) override;                    \
  core::Result<std::vector<core::UserRecord>> ListStaff(std::string_view code_prefix) override; \
  core::Status SetRoleAndState(core::Id id, core::Role role, bool disabled) override;           \
  core::Result<std::vector<core::UserRecord>> OfInstitution(core::Id institution_id) override;
KAKARI_SQL_REPO(SqlUsers, UserRepository);

#define KAKARI_SqlSessions_METHODS                                                             \
  core::Status Insert(const core::SessionRecord& s) override;                                  \
  core::Result<std::optional<core::SessionRecord>> Find(std::string_view token_hash) override; \
  core::Result<std::optional<core::SessionAndUser>> FindWithUser(std::string_view token_hash)  \
      override;                                                                                \
  core::Status Touch(std::string_view token_hash, int64_t now) override;                       \
  core::Status Delete(std::string_view token_hash) override;                                   \
  core::Status DeleteOthers(core::Id user_id, std::string_view keep_token_hash) override;
KAKARI_SQL_REPO(SqlSessions, SessionRepository);

#define KAKARI_SqlCredentials_METHODS                                                            \
  core::Result<core::ThrottleState> Throttle(std::string_view key) override;                     \
  core::Status PutThrottle(std::string_view key, const core::ThrottleState& s) override;         \
  core::Status ClearThrottle(std::string_view key) override;                                     \
  core::Result<core::Id> InsertCode(const core::OneTimeCodeRecord& c) override;                  \
  core::Result<std::optional<core::OneTimeCodeRecord>> ActiveCode(core::Id user_id, int64_t now) \
      override;                                                                                  \
  core::Status UseCode(core::Id code_id, int64_t now) override;                                  \
  core::Result<core::Id> InsertToken(const core::ApiTokenRecord& t) override;                    \
  core::Result<std::optional<core::ApiTokenRecord>> FindToken(std::string_view hash) override;   \
  core::Result<std::optional<core::ApiTokenRecord>> FindTokenById(core::Id id) override;         \
  core::Result<std::vector<core::ApiTokenRecord>> TokensOf(core::Id user_id) override;           \
  core::Status RevokeToken(core::Id id, int64_t now) override;
KAKARI_SQL_REPO(SqlCredentials, CredentialRepository);

#define KAKARI_SqlFiles_METHODS                                                                  \
  core::Result<core::Id> Insert(const core::StoredFileMeta& m, std::string_view bytes) override; \
  core::Result<std::optional<core::StoredFileMeta>> Find(core::Id id) override;                  \
  core::Result<std::string> Bytes(core::Id id) override;                                         \
  core::Status Attach(core::Id id, core::ReviewKind kind, core::Id item_id, core::Id doctor_id)  \
      override;                                                                                  \
  core::Result<std::vector<core::StoredFileMeta>> AttachedTo(core::ReviewKind kind,              \
                                                             core::Id item_id) override;
KAKARI_SQL_REPO(SqlFiles, FileRepository);

#define KAKARI_SqlAudit_METHODS                                                           \
  core::Result<std::pair<core::Id, std::string>> Tail() override;                         \
  core::Status Append(const core::AuditRecord& r) override;                               \
  core::Status ForEach(const std::function<bool(const core::AuditRecord&)>& fn) override; \
  core::Result<std::vector<core::AuditRecord>> ForSubject(std::string_view type,          \
                                                          std::string_view id) override;
KAKARI_SQL_REPO(SqlAudit, AuditRepository);

#define KAKARI_SqlSettings_METHODS                                                                 \
  core::Result<core::RoutingRule> Routing(std::string_view prefecture_code) override;              \
  core::Status PutRouting(const core::RoutingRule& rule) override;                                 \
  core::Result<std::optional<core::IdempotencyRecord>> Idempotency(core::Id user_id,               \
                                                                   std::string_view key) override; \
  core::Status PutIdempotency(core::Id user_id, std::string_view key,                              \
                              const core::IdempotencyRecord& r) override;
KAKARI_SQL_REPO(SqlSettings, SettingsRepository);

#define KAKARI_SqlNotices_METHODS                                                               \
  core::Result<core::Id> Insert(const core::Notice& n) override;                                \
  core::Result<bool> Given(core::Id user_id, core::NoticeKind kind, std::string_view period)    \
      override;                                                                                 \
  core::Result<std::optional<core::Notice>> Find(core::Id id) override;                         \
  core::Result<std::vector<core::Notice>> ForUser(core::Id user_id, int limit, int offset)      \
      override;                                                                                 \
  core::Result<int64_t> CountUnread(core::Id user_id) override;                                 \
  core::Result<bool> MarkRead(core::Id user_id, core::Id id, int64_t now) override;             \
  core::Result<std::vector<core::Notice>> ClaimDue(int64_t now, int64_t lease_until, int limit) \
      override;                                                                                 \
  core::Status RecordAttempt(const core::Notice& n) override;                                   \
  core::Result<std::vector<core::Notice>> Failed(int limit) override;                           \
  core::Result<bool> WantsReminders(core::Id user_id) override;                                 \
  core::Status SetWantsReminders(core::Id user_id, bool wanted) override;
KAKARI_SQL_REPO(SqlNotices, NoticeRepository);

#define KAKARI_SqlReports_METHODS                                                                  \
  core::Result<std::vector<std::pair<core::Id, std::string>>> DoctorHomes(std::string_view area)   \
      override;                                                                                    \
  core::Result<std::vector<core::ApplicantFact>> Applicants(std::string_view area,                 \
                                                            const core::Date& as_of) override;     \
  core::Result<std::vector<core::WaitingFact>> Waiting(std::string_view area) override;            \
  core::Result<std::vector<core::DecisionFact>> Decisions(std::string_view area,                   \
                                                          const core::StatPeriod& p) override;     \
  core::Result<std::vector<core::CertificateEventFact>> CertificateEvents(                         \
      std::string_view area, const core::StatPeriod& p) override;                                  \
  core::Result<std::vector<core::SubmissionFact>> Submissions(std::string_view area,               \
                                                              const core::StatPeriod& p) override; \
  core::Result<std::vector<core::ReasonCount>> TopReturnReasons(                                   \
      std::string_view area, const core::StatPeriod& p, int limit) override;                       \
  core::Status ForEachDoctor(std::string_view area,                                                \
                             const std::function<core::Status(const core::DoctorListing&)>& fn)    \
      override;                                                                                    \
  core::Status ForEachCertificate(                                                                 \
      std::string_view area,                                                                       \
      const std::function<core::Status(const core::CertificateListing&)>& fn) override;
KAKARI_SQL_REPO(SqlReports, ReportRepository);

}  // namespace kakari::storage::sql
