// Ports: the storage interfaces the services need. One implementation per
// database lives in src/storage; tests may fake them. A UnitOfWork is one
// transaction: everything done through its repositories commits together or
// not at all (it rolls back when destroyed uncommitted).
// Thread-safety: a UnitOfWork belongs to one thread; a Store may be shared.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/domain/audit.hpp"
#include "core/domain/certificate.hpp"
#include "core/domain/entities.hpp"
#include "core/domain/gmis.hpp"
#include "core/domain/institution.hpp"
#include "core/domain/notice.hpp"
#include "core/domain/programme.hpp"
#include "core/domain/result.hpp"
#include "core/domain/routing.hpp"
#include "core/domain/statistics.hpp"
#include "core/domain/workflow.hpp"

namespace kakari::core {

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const Organisation& org) = 0;
  [[nodiscard]] virtual Result<std::optional<Organisation>> FindByCode(std::string_view code) = 0;
  [[nodiscard]] virtual Result<std::optional<Organisation>> FindById(Id id) = 0;
  [[nodiscard]] virtual Result<std::vector<Organisation>> List() = 0;
  // Replaces the postal address and telephone number (already validated).
  [[nodiscard]] virtual Status UpdateContact(Id id, const OrganisationContact& contact) = 0;
};

class DoctorRepository {
 public:
  virtual ~DoctorRepository() = default;
  // kAlreadyExists when the registry number is taken.
  [[nodiscard]] virtual Result<Id> Insert(const Doctor& doctor) = 0;
  [[nodiscard]] virtual Status Update(const Doctor& doctor) = 0;
  [[nodiscard]] virtual Result<std::optional<Doctor>> FindByRegistryNumber(
      std::string_view registry_number) = 0;
  [[nodiscard]] virtual Result<std::optional<Doctor>> FindById(Id id) = 0;
  // Doctors whose home association code starts with `association_prefix`
  // and whose registry number equals `query` or whose name or kana search
  // key contains `name_key`; at most `limit`.
  [[nodiscard]] virtual Result<std::vector<Doctor>> Search(std::string_view association_prefix,
                                                           std::string_view query,
                                                           std::string_view name_key,
                                                           int limit) = 0;
  // Every registry number with its doctor id, for bulk imports.
  [[nodiscard]] virtual Result<std::unordered_map<std::string, Id>> RegistryIndex() = 0;
  [[nodiscard]] virtual Result<int64_t> Count() = 0;
  // Every doctor's id, ascending.
  [[nodiscard]] virtual Result<std::vector<Id>> AllIds() = 0;
};

class InstitutionRepository {
 public:
  virtual ~InstitutionRepository() = default;
  // kAlreadyExists when the code is taken.
  [[nodiscard]] virtual Result<Id> Insert(const Institution& inst) = 0;
  // Refreshes every field but the code, by id.
  [[nodiscard]] virtual Status Update(const Institution& inst) = 0;
  [[nodiscard]] virtual Result<std::optional<Institution>> FindById(Id id) = 0;
  [[nodiscard]] virtual Result<std::optional<Institution>> FindByCode(std::string_view code) = 0;
  // Every institution code with its id, for bulk imports.
  [[nodiscard]] virtual Result<std::unordered_map<std::string, Id>> CodeIndex() = 0;
  // Institutions of an area (see InArea) whose code equals `query` or whose
  // name or kana search key contains `name_key`, by kana; at most `limit`.
  [[nodiscard]] virtual Result<std::vector<Institution>> Search(std::string_view area,
                                                                std::string_view query,
                                                                std::string_view name_key,
                                                                int limit) = 0;
  // The reportable institutions of an area, by code. An area is "" (all),
  // a prefecture code ("13": codes starting 13) or a county association
  // code ("13001": institutions whose association_code is that).
  [[nodiscard]] virtual Result<std::vector<CoverageSite>> ReportableSites(
      std::string_view area) = 0;

  // kAlreadyExists when the doctor already has an affiliation with the
  // institution starting on the same day (or both without a start).
  [[nodiscard]] virtual Result<Id> AddAffiliation(const Affiliation& a) = 0;
  [[nodiscard]] virtual Result<std::optional<Affiliation>> FindAffiliation(Id id) = 0;
  [[nodiscard]] virtual Result<std::optional<Affiliation>> FindAffiliationByKey(
      Id doctor_id, Id institution_id, const std::optional<Date>& started_on) = 0;
  // Writes state, dates and employment when the version still equals
  // `expected_version`, and bumps it; false when someone changed it first.
  [[nodiscard]] virtual Result<bool> UpdateAffiliation(const Affiliation& a,
                                                       int64_t expected_version) = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<Affiliation>> AffiliationsOfDoctor(Id doctor_id) = 0;
  [[nodiscard]] virtual Result<std::vector<Affiliation>> AffiliationsOfInstitution(
      Id institution_id) = 0;
  // Confirmed affiliations covering `day` of institutions in the area,
  // reportable or not (coverage keeps those of its sites).
  [[nodiscard]] virtual Result<std::vector<CoverageLink>> ActiveLinks(std::string_view area,
                                                                      const Date& day) = 0;
};

class CreditRepository {
 public:
  virtual ~CreditRepository() = default;
  // The id of the lecture (title, organiser), created when new.
  [[nodiscard]] virtual Result<Id> LectureId(std::string_view title,
                                             std::string_view organizer) = 0;
  // The ids of many lectures at once, in the order given, each created when
  // new (an import whose rows mostly name distinct lectures pays per batch,
  // not per lecture). Names may repeat; repeats get the same id. A name
  // views text the caller keeps alive for the call.
  struct LectureName {
    std::string_view title;
    std::string_view organizer;
  };
  [[nodiscard]] virtual Result<std::vector<Id>> LectureIds(std::span<const LectureName> names) = 0;
  // Opens an import (its provenance: "csv", "demo", ...); the credits that
  // InsertMany records afterwards in this unit of work belong to it.
  [[nodiscard]] virtual Result<Id> StartImport(std::string_view source) = 0;
  // Records credits whose lecture ids came from LectureId(s), skipping any whose
  // identity is already recorded. Returns how many were recorded.
  struct Row {
    Id doctor_id;
    Id lecture_id;
    int32_t taken_on_days;  // Date::ToDays()
    int32_t half_units;
    int16_t curriculum_code;  // -1 when none
  };
  [[nodiscard]] virtual Result<int64_t> InsertMany(std::span<const Row> rows) = 0;
  // Lecture units of one doctor, counting only credits inside `window`.
  [[nodiscard]] virtual Result<HalfUnits> LectureUnits(Id doctor_id,
                                                       const std::optional<DateRange>& window) = 0;
  // Lecture units of every doctor with any, ascending by doctor id.
  [[nodiscard]] virtual Result<std::vector<std::pair<Id, HalfUnits>>> LectureUnitsByDoctor(
      const std::optional<DateRange>& window) = 0;
  [[nodiscard]] virtual Result<std::vector<LectureCredit>> ListForDoctor(Id doctor_id) = 0;
  // One page of a doctor's credits taken inside `range`, newest first, and
  // how many there are in all.
  [[nodiscard]] virtual Result<std::pair<int64_t, std::vector<LectureCredit>>> PageForDoctor(
      Id doctor_id, const DateRange& range, int offset, int limit) = 0;
};

class ActivityRepository {
 public:
  virtual ~ActivityRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const NewActivity& activity) = 0;
  // A reported activity, routed; starts submitted.
  [[nodiscard]] virtual Result<Id> Submit(Id doctor_id, const ActivityInput& input,
                                          Id routed_to) = 0;
  [[nodiscard]] virtual Status Edit(Id id, const ActivityInput& input) = 0;
  [[nodiscard]] virtual Result<std::optional<ActivityInput>> Find(Id id) = 0;
  // Ids of the doctor's approved activities, oldest first.
  [[nodiscard]] virtual Result<std::vector<Id>> ApprovedIds(Id doctor_id) = 0;
  [[nodiscard]] virtual Result<std::vector<ActivityCategory>> Categories() = 0;
  [[nodiscard]] virtual Result<int> CountApproved(Id doctor_id) = 0;
  // Ascending by doctor id; doctors without an approved activity are absent.
  [[nodiscard]] virtual Result<std::vector<std::pair<Id, int>>> CountApprovedByDoctor() = 0;
};

class ApplicationRepository {
 public:
  virtual ~ApplicationRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const NewApplication& application) = 0;
  // A submitted application with what counted, routed.
  [[nodiscard]] virtual Result<Id> Submit(const NewApplication& application,
                                          const ApplicationSnapshot& snapshot,
                                          std::optional<Id> scan_file_id) = 0;
  [[nodiscard]] virtual Result<std::optional<ApplicationSnapshot>> Snapshot(Id id) = 0;
  [[nodiscard]] virtual Status ReplaceSnapshot(Id id, const ApplicationSnapshot& snapshot) = 0;
};

class DeclarationRepository {
 public:
  virtual ~DeclarationRepository() = default;
  [[nodiscard]] virtual Result<Id> Submit(Id doctor_id, const DeclarationInput& input,
                                          Id routed_to) = 0;
  [[nodiscard]] virtual Status Edit(Id id, const DeclarationInput& input) = 0;
  [[nodiscard]] virtual Result<std::optional<DeclarationInput>> Find(Id id) = 0;
  // Links an approved declaration to the lecture credit recorded for it.
  [[nodiscard]] virtual Status LinkCredit(Id id, Id lecture_id) = 0;
};

// What a doctor's progress is computed from, read together so that a
// database server answers all of it in one round trip.
struct StandingFacts {
  std::optional<Doctor> doctor;           // none: no such doctor (and nothing below)
  Programme programme;                    // the current one
  HalfUnits lecture;                      // credits inside the programme's window
  std::vector<Id> approved_activity_ids;  // oldest first
  std::vector<ReviewItem> items;          // every item, newest first
  HalfUnits submitted_declaration_units;  // declarations awaiting review
};

// The common review fields of all three kinds, their history and the queue.
class ReviewRepository {
 public:
  virtual ~ReviewRepository() = default;
  [[nodiscard]] virtual Result<std::optional<ReviewItem>> Find(ReviewKind kind, Id id) = 0;
  // Sets the status when the version still equals `expected_version` and
  // bumps it; false when someone else changed the item first.
  [[nodiscard]] virtual Result<bool> UpdateStatus(ReviewKind kind, Id id, int64_t expected_version,
                                                  ReviewStatus to, std::string_view reason) = 0;
  [[nodiscard]] virtual Status AddHistory(ReviewKind kind, Id id, const HistoryEntry& e) = 0;
  [[nodiscard]] virtual Result<std::vector<HistoryEntry>> History(ReviewKind kind, Id id) = 0;
  [[nodiscard]] virtual Result<QueuePage> Queue(const QueueFilter& filter) = 0;
  // Every item of one doctor, newest first.
  [[nodiscard]] virtual Result<std::vector<ReviewItem>> ListForDoctor(Id doctor_id) = 0;
  // What DoctorRepository::FindById, ProgrammeRepository::Current,
  // CreditRepository::LectureUnits (in the programme's window),
  // ActivityRepository::ApprovedIds and ListForDoctor read, together, with
  // the units of the doctor's submitted declarations. kUnavailable when no
  // programme is configured.
  [[nodiscard]] virtual Result<StandingFacts> StandingFactsOf(Id doctor_id) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kAlreadyExists when the login is taken.
  [[nodiscard]] virtual Result<Id> Insert(const UserRecord& user) = 0;
  // By login, or by a doctor's e-mail address.
  [[nodiscard]] virtual Result<std::optional<UserRecord>> FindByLogin(std::string_view login) = 0;
  [[nodiscard]] virtual Result<std::optional<UserRecord>> FindById(Id id) = 0;
  [[nodiscard]] virtual Result<std::optional<UserRecord>> FindByDoctor(Id doctor_id) = 0;
  [[nodiscard]] virtual Status SetPasswordHash(Id id, std::string_view hash) = 0;
  // Staff accounts (reviewers, administrators, JMA) of associations whose
  // code starts with `code_prefix` ("" = all), by association and login.
  [[nodiscard]] virtual Result<std::vector<UserRecord>> ListStaff(std::string_view code_prefix) = 0;
  [[nodiscard]] virtual Status SetRoleAndState(Id id, Role role, bool disabled) = 0;
  // The users of an institution, first created first (the first is its
  // administrator).
  [[nodiscard]] virtual Result<std::vector<UserRecord>> OfInstitution(Id institution_id) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  [[nodiscard]] virtual Status Insert(const SessionRecord& s) = 0;
  [[nodiscard]] virtual Result<std::optional<SessionRecord>> Find(std::string_view token_hash) = 0;
  // The session and its user in one read (one round trip on a database
  // server); none when there is no such session.
  [[nodiscard]] virtual Result<std::optional<SessionAndUser>> FindWithUser(
      std::string_view token_hash) = 0;
  [[nodiscard]] virtual Status Touch(std::string_view token_hash, int64_t now) = 0;
  [[nodiscard]] virtual Status Delete(std::string_view token_hash) = 0;
  // Ends every session of the user but the one given (may be empty).
  [[nodiscard]] virtual Status DeleteOthers(Id user_id, std::string_view keep_token_hash) = 0;
};

class CredentialRepository {
 public:
  virtual ~CredentialRepository() = default;
  [[nodiscard]] virtual Result<ThrottleState> Throttle(std::string_view key) = 0;
  [[nodiscard]] virtual Status PutThrottle(std::string_view key, const ThrottleState& s) = 0;
  [[nodiscard]] virtual Status ClearThrottle(std::string_view key) = 0;
  // One-time codes: issuing one cancels the user's earlier unused codes.
  [[nodiscard]] virtual Result<Id> InsertCode(const OneTimeCodeRecord& c) = 0;
  [[nodiscard]] virtual Result<std::optional<OneTimeCodeRecord>> ActiveCode(Id user_id,
                                                                            int64_t now) = 0;
  [[nodiscard]] virtual Status UseCode(Id code_id, int64_t now) = 0;
  [[nodiscard]] virtual Result<Id> InsertToken(const ApiTokenRecord& t) = 0;
  [[nodiscard]] virtual Result<std::optional<ApiTokenRecord>> FindToken(
      std::string_view token_hash) = 0;
  [[nodiscard]] virtual Result<std::optional<ApiTokenRecord>> FindTokenById(Id id) = 0;
  [[nodiscard]] virtual Result<std::vector<ApiTokenRecord>> TokensOf(Id user_id) = 0;
  [[nodiscard]] virtual Status RevokeToken(Id id, int64_t now) = 0;
};

class FileRepository {
 public:
  virtual ~FileRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const StoredFileMeta& meta, std::string_view bytes) = 0;
  [[nodiscard]] virtual Result<std::optional<StoredFileMeta>> Find(Id id) = 0;
  [[nodiscard]] virtual Result<std::string> Bytes(Id id) = 0;
  [[nodiscard]] virtual Status Attach(Id id, ReviewKind kind, Id item_id, Id doctor_id) = 0;
  [[nodiscard]] virtual Result<std::vector<StoredFileMeta>> AttachedTo(ReviewKind kind,
                                                                       Id item_id) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // The last record's id and hash (0 and the genesis hash when empty).
  [[nodiscard]] virtual Result<std::pair<Id, std::string>> Tail() = 0;
  [[nodiscard]] virtual Status Append(const AuditRecord& r) = 0;
  // Every record in id order; stops early when `fn` returns false.
  [[nodiscard]] virtual Status ForEach(const std::function<bool(const AuditRecord&)>& fn) = 0;
  [[nodiscard]] virtual Result<std::vector<AuditRecord>> ForSubject(std::string_view type,
                                                                    std::string_view id) = 0;
};

class SettingsRepository {
 public:
  virtual ~SettingsRepository() = default;
  // The prefecture's rule; the default rule when none is stored.
  [[nodiscard]] virtual Result<RoutingRule> Routing(std::string_view prefecture_code) = 0;
  [[nodiscard]] virtual Status PutRouting(const RoutingRule& rule) = 0;
  [[nodiscard]] virtual Result<std::optional<IdempotencyRecord>> Idempotency(
      Id user_id, std::string_view key) = 0;
  [[nodiscard]] virtual Status PutIdempotency(Id user_id, std::string_view key,
                                              const IdempotencyRecord& r) = 0;
};

class ProgrammeRepository {
 public:
  virtual ~ProgrammeRepository() = default;
  [[nodiscard]] virtual Status Upsert(const Programme& p) = 0;
  // The programme applications are made under now.
  [[nodiscard]] virtual Result<Programme> Current() = 0;
};

// The notices: each person's inbox and the e-mail outbox, one row per
// notice, written in the transaction of the change that causes it.
class NoticeRepository {
 public:
  virtual ~NoticeRepository() = default;
  // kAlreadyExists when `n.period` is not empty and this user already has a
  // notice of this kind for that period (a reminder is given once).
  [[nodiscard]] virtual Result<Id> Insert(const Notice& n) = 0;
  // Whether the user already has a notice of this kind for `period` (not
  // empty): what Insert would refuse, asked without writing.
  [[nodiscard]] virtual Result<bool> Given(Id user_id, NoticeKind kind,
                                           std::string_view period) = 0;
  [[nodiscard]] virtual Result<std::optional<Notice>> Find(Id id) = 0;
  // A user's notices, unread first, then newest first.
  [[nodiscard]] virtual Result<std::vector<Notice>> ForUser(Id user_id, int limit, int offset) = 0;
  [[nodiscard]] virtual Result<int64_t> CountUnread(Id user_id) = 0;
  // false when no unread notice `id` belongs to `user_id`.
  [[nodiscard]] virtual Result<bool> MarkRead(Id user_id, Id id, int64_t now) = 0;
  // Up to `limit` notices due for delivery at `now` (pending and due, or
  // sending with a lease that ran out), oldest first, now marked sending
  // until `lease_until`: only one server holds a notice at a time.
  [[nodiscard]] virtual Result<std::vector<Notice>> ClaimDue(int64_t now, int64_t lease_until,
                                                             int limit) = 0;
  // Writes the delivery fields of `n` (state, attempts, next attempt, lease,
  // last error, sent time).
  [[nodiscard]] virtual Status RecordAttempt(const Notice& n) = 0;
  // Notices whose delivery failed for good, newest first.
  [[nodiscard]] virtual Result<std::vector<Notice>> Failed(int limit) = 0;
  // Whether the user wants reminders and digests (true unless turned off).
  [[nodiscard]] virtual Result<bool> WantsReminders(Id user_id) = 0;
  [[nodiscard]] virtual Status SetWantsReminders(Id user_id, bool wanted) = 0;
};

// Counts for statistics, each under the association code it belongs to and
// limited to codes starting with `area` ("" all, "13", "13001").
class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // Every doctor of the area as (id, home association code), ascending by id.
  [[nodiscard]] virtual Result<std::vector<std::pair<Id, std::string>>> DoctorHomes(
      std::string_view area) = 0;
  // Doctors by home association with an application submitted on or before
  // `as_of` that is not withdrawn, and with an approved one.
  [[nodiscard]] virtual Result<std::vector<ApplicantFact>> Applicants(std::string_view area,
                                                                      const Date& as_of) = 0;
  // Items waiting for a decision now, by routed association, kind and day.
  [[nodiscard]] virtual Result<std::vector<WaitingFact>> Waiting(std::string_view area) = 0;
  // Decisions recorded in the period; each is paired with the submission it
  // answered (the latest before it in the item's history, else the item's).
  [[nodiscard]] virtual Result<std::vector<DecisionFact>> Decisions(std::string_view area,
                                                                    const StatPeriod& p) = 0;
  // Certificates issued (by issue date), revoked and mailed in the period.
  [[nodiscard]] virtual Result<std::vector<CertificateEventFact>> CertificateEvents(
      std::string_view area, const StatPeriod& p) = 0;
  // Applications by submission date in the period.
  [[nodiscard]] virtual Result<std::vector<SubmissionFact>> Submissions(std::string_view area,
                                                                        const StatPeriod& p) = 0;
  // The reasons given most often for returns in the period, most first
  // (ties by reason), at most `limit`.
  [[nodiscard]] virtual Result<std::vector<ReasonCount>> TopReturnReasons(std::string_view area,
                                                                          const StatPeriod& p,
                                                                          int limit) = 0;
  // Every doctor of the area by home association, ascending by id, one at a
  // time (an export of 340,000 never holds them all); stops when `fn` fails.
  [[nodiscard]] virtual Status ForEachDoctor(
      std::string_view area, const std::function<Status(const DoctorListing&)>& fn) = 0;
  // Every certificate version approved by an association of the area, by
  // number and version.
  [[nodiscard]] virtual Status ForEachCertificate(
      std::string_view area, const std::function<Status(const CertificateListing&)>& fn) = 0;
};

class CertificateRepository {
 public:
  virtual ~CertificateRepository() = default;
  // The next number in the (programme, year) sequence; the increment is part
  // of the transaction, so a rollback leaves no gap.
  [[nodiscard]] virtual Result<int64_t> NextSequence(std::string_view programme_code, int year) = 0;
  // The last number the sequence gave (0 before the first); moves nothing.
  [[nodiscard]] virtual Result<int64_t> LastSequence(std::string_view programme_code, int year) = 0;
  [[nodiscard]] virtual Result<Id> Insert(const Certificate& c) = 0;
  // The given version, or the latest when `version` is nullopt.
  [[nodiscard]] virtual Result<std::optional<Certificate>> Find(std::string_view number,
                                                                std::optional<int> version) = 0;
  [[nodiscard]] virtual Result<std::optional<Certificate>> FindById(Id id) = 0;
  // The version whose short verification code (normalised) is `code`.
  [[nodiscard]] virtual Result<std::optional<Certificate>> FindByVerifyCode(
      std::string_view code) = 0;
  [[nodiscard]] virtual Result<std::vector<Certificate>> ForDoctor(Id doctor_id) = 0;
  // Every certificate version as (doctor id, fact), by doctor id; the
  // validity years are left for the caller to fill from the programme.
  [[nodiscard]] virtual Result<std::vector<std::pair<Id, CertificateFact>>> AllFacts() = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<Certificate>> List(int64_t limit, int64_t offset) = 0;
  [[nodiscard]] virtual Status SetStatus(Id id, CertificateStatus status,
                                         std::string_view reason) = 0;
  [[nodiscard]] virtual Result<CertificateSettings> Settings() = 0;
  [[nodiscard]] virtual Status PutSettings(const CertificateSettings& s) = 0;
  [[nodiscard]] virtual Result<std::vector<Signatory>> Signatories() = 0;
  [[nodiscard]] virtual Result<Id> AddSignatory(const Signatory& s) = 0;
  [[nodiscard]] virtual Result<std::vector<SigningKeyRecord>> Keys() = 0;
  // Publishes a new current key and marks every other key retired.
  [[nodiscard]] virtual Status PublishKey(std::string_view id, std::string_view public_key) = 0;
  // Valid certificates to mail, not yet in a batch, of doctors whose home
  // association code starts with `association_prefix`.
  [[nodiscard]] virtual Result<std::vector<Certificate>> PendingMail(
      std::string_view association_prefix) = 0;
  [[nodiscard]] virtual Result<Id> CreateMailBatch(Id association_id, Id created_by,
                                                   std::span<const Id> certificate_ids) = 0;
  [[nodiscard]] virtual Result<std::optional<MailBatch>> FindMailBatch(Id id) = 0;
  [[nodiscard]] virtual Result<std::vector<MailBatch>> MailBatches(
      std::string_view association_prefix) = 0;
  [[nodiscard]] virtual Result<std::vector<Certificate>> BatchCertificates(Id batch_id) = 0;
  [[nodiscard]] virtual Status MarkBatchSent(Id batch_id) = 0;
};

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual OrganisationRepository& Organisations() = 0;
  virtual DoctorRepository& Doctors() = 0;
  virtual InstitutionRepository& Institutions() = 0;
  virtual CreditRepository& Credits() = 0;
  virtual ActivityRepository& Activities() = 0;
  virtual ApplicationRepository& Applications() = 0;
  virtual ProgrammeRepository& Programmes() = 0;
  virtual DeclarationRepository& Declarations() = 0;
  virtual ReviewRepository& Reviews() = 0;
  virtual UserRepository& Users() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual CredentialRepository& Credentials() = 0;
  virtual FileRepository& Files() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual SettingsRepository& Settings() = 0;
  virtual CertificateRepository& Certificates() = 0;
  virtual NoticeRepository& Notices() = 0;
  virtual ReportRepository& Reports() = 0;
  [[nodiscard]] virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // A read-write transaction; a read-only one when `write` is false.
  [[nodiscard]] virtual Result<std::unique_ptr<UnitOfWork>> Begin(bool write) = 0;
  // A write transaction for bulk loads. REQUIRES: every id the caller writes
  // was read or created inside this same transaction, so implementations may
  // skip per-row foreign-key lookups (SQLite's double an insert's cost).
  [[nodiscard]] virtual Result<std::unique_ptr<UnitOfWork>> BeginBulk() { return Begin(true); }
  // Appends `record` to the audit chain in a write transaction of its own,
  // committed when this returns. For views, which change nothing else: an
  // implementation may let concurrent calls share one transaction (group
  // commit), so that recording every view does not cost a commit each, and
  // may commit without waiting for the disk when that is the durability its
  // embedded engine gives every commit (PostgresStore::BeginViewRecords).
  [[nodiscard]] virtual Status AppendAudit(AuditRecord record, const Hasher& hasher);
};

// Appends each record after the chain's tail inside `uow` (not committed).
Status AppendChained(UnitOfWork& uow, std::span<AuditRecord* const> records, const Hasher& hasher);

}  // namespace kakari::core
