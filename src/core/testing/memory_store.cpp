#include "core/testing/memory_store.hpp"

#include <chrono>
#include <ctime>
#include <mutex>

#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

Status MemoryTables::Writable() const {
  if (writable) return {};
  return Fail(ErrorCode::kInternal, "データベースの処理に失敗しました",
              "a database operation failed", "", "write in a read-only unit of work");
}

std::string NowIso(bool millis) {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::string out = text;
  if (millis) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms.count()));
    out += frac;
  }
  return out + "Z";
}

Error AlreadyRecorded(std::string ja, std::string en, std::string field) {
  return MakeError(ErrorCode::kAlreadyExists, std::move(ja), std::move(en), std::move(field));
}

namespace {

// What the SQLite migrations insert (schema_registry.cpp, schema_certificates.cpp).
MemoryTables SeededTables() {
  MemoryTables t;
  t.categories = {
      {"school_doctor", "学校医", "School doctor"},
      {"vaccination", "予防接種", "Vaccinations"},
      {"home_care", "在宅医療", "Home care"},
      {"holiday_night_clinic", "休日・夜間急患診療", "Night and holiday clinic"},
      {"care_certification_board", "介護認定審査会", "Care-certification board"},
      {"industrial_doctor", "産業医", "Occupational physician"},
      {"health_checkup", "健診・検診", "Health check-ups"},
      {"simulation_training", "シミュレーションラボ研修", "Simulation-lab training"},
      {"other_community", "その他の地域活動", "Other community activity"},
  };
  t.signatories[1] = Signatory{1, Date{2022, 6, 25}, "日本医師会長", "松本　吉郎", ""};
  return t;
}

class MemoryStore;

// One transaction over a private copy of the tables; a write puts its copy
// back on commit, so a unit of work that ends uncommitted leaves nothing.
class MemoryUnitOfWork final : public UnitOfWork {
 public:
  MemoryUnitOfWork(MemoryStore& store, MemoryTables tables, std::unique_lock<std::mutex> writer)
      : store_(store),
        writer_(std::move(writer)),
        tables_(std::move(tables)),
        orgs_(MemoryOrganisations(tables_)),
        doctors_(MemoryDoctors(tables_)),
        institutions_(MemoryInstitutions(tables_)),
        credits_(MemoryCredits(tables_)),
        activities_(MemoryActivities(tables_)),
        applications_(MemoryApplications(tables_)),
        programmes_(MemoryProgrammes(tables_)),
        declarations_(MemoryDeclarations(tables_)),
        reviews_(MemoryReviews(tables_)),
        users_(MemoryUsers(tables_)),
        sessions_(MemorySessions(tables_)),
        credentials_(MemoryCredentials(tables_)),
        files_(MemoryFiles(tables_)),
        audit_(MemoryAudit(tables_)),
        settings_(MemorySettings(tables_)),
        certificates_(MemoryCertificates(tables_)),
        notices_(MemoryNotices(tables_)),
        reports_(MemoryReports(tables_)) {}

  OrganisationRepository& Organisations() override { return *orgs_; }
  DoctorRepository& Doctors() override { return *doctors_; }
  InstitutionRepository& Institutions() override { return *institutions_; }
  CreditRepository& Credits() override { return *credits_; }
  ActivityRepository& Activities() override { return *activities_; }
  ApplicationRepository& Applications() override { return *applications_; }
  ProgrammeRepository& Programmes() override { return *programmes_; }
  DeclarationRepository& Declarations() override { return *declarations_; }
  ReviewRepository& Reviews() override { return *reviews_; }
  UserRepository& Users() override { return *users_; }
  SessionRepository& Sessions() override { return *sessions_; }
  CredentialRepository& Credentials() override { return *credentials_; }
  FileRepository& Files() override { return *files_; }
  AuditRepository& Audit() override { return *audit_; }
  SettingsRepository& Settings() override { return *settings_; }
  CertificateRepository& Certificates() override { return *certificates_; }
  NoticeRepository& Notices() override { return *notices_; }
  ReportRepository& Reports() override { return *reports_; }
  Status Commit() override;

 private:
  MemoryStore& store_;
  std::unique_lock<std::mutex> writer_;
  MemoryTables tables_;
  std::unique_ptr<OrganisationRepository> orgs_;
  std::unique_ptr<DoctorRepository> doctors_;
  std::unique_ptr<InstitutionRepository> institutions_;
  std::unique_ptr<CreditRepository> credits_;
  std::unique_ptr<ActivityRepository> activities_;
  std::unique_ptr<ApplicationRepository> applications_;
  std::unique_ptr<ProgrammeRepository> programmes_;
  std::unique_ptr<DeclarationRepository> declarations_;
  std::unique_ptr<ReviewRepository> reviews_;
  std::unique_ptr<UserRepository> users_;
  std::unique_ptr<SessionRepository> sessions_;
  std::unique_ptr<CredentialRepository> credentials_;
  std::unique_ptr<FileRepository> files_;
  std::unique_ptr<AuditRepository> audit_;
  std::unique_ptr<SettingsRepository> settings_;
  std::unique_ptr<CertificateRepository> certificates_;
  std::unique_ptr<NoticeRepository> notices_;
  std::unique_ptr<ReportRepository> reports_;
};

class MemoryStore final : public Store {
 public:
  Result<std::unique_ptr<UnitOfWork>> Begin(bool write) override {
    std::unique_lock<std::mutex> writer;
    if (write) writer = std::unique_lock(writer_mu_);
    MemoryTables copy = Committed();
    copy.writable = write;
    return std::unique_ptr<UnitOfWork>(
        new MemoryUnitOfWork(*this, std::move(copy), std::move(writer)));
  }

  // REQUIRES: the caller holds the writer's lock.
  void Publish(MemoryTables tables) {
    std::lock_guard lock(state_mu_);
    committed_ = std::move(tables);
  }

 private:
  MemoryTables Committed() {
    std::lock_guard lock(state_mu_);
    return committed_;
  }

  std::mutex writer_mu_;  // one writer at a time, as SQLite's
  std::mutex state_mu_;   // guards committed_
  MemoryTables committed_ = SeededTables();
};

Status MemoryUnitOfWork::Commit() {
  if (!writer_.owns_lock()) return {};  // a reader has nothing to put back
  store_.Publish(tables_);
  writer_.unlock();
  return {};
}

}  // namespace

std::unique_ptr<Store> MakeMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace kakari::core::testing
