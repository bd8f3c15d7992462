#include "core/ports/snapshot_store.hpp"

namespace kakari::core {

namespace {

// Borrows the shared transaction; ending the view leaves it open.
class SharedView final : public UnitOfWork {
 public:
  explicit SharedView(UnitOfWork& shared) : s_(shared) {}
  OrganisationRepository& Organisations() override { return s_.Organisations(); }
  DoctorRepository& Doctors() override { return s_.Doctors(); }
  InstitutionRepository& Institutions() override { return s_.Institutions(); }
  CreditRepository& Credits() override { return s_.Credits(); }
  ActivityRepository& Activities() override { return s_.Activities(); }
  ApplicationRepository& Applications() override { return s_.Applications(); }
  ProgrammeRepository& Programmes() override { return s_.Programmes(); }
  DeclarationRepository& Declarations() override { return s_.Declarations(); }
  ReviewRepository& Reviews() override { return s_.Reviews(); }
  UserRepository& Users() override { return s_.Users(); }
  SessionRepository& Sessions() override { return s_.Sessions(); }
  CredentialRepository& Credentials() override { return s_.Credentials(); }
  FileRepository& Files() override { return s_.Files(); }
  AuditRepository& Audit() override { return s_.Audit(); }
  SettingsRepository& Settings() override { return s_.Settings(); }
  CertificateRepository& Certificates() override { return s_.Certificates(); }
  NoticeRepository& Notices() override { return s_.Notices(); }
  ReportRepository& Reports() override { return s_.Reports(); }
  Status Commit() override { return {}; }  // a read: nothing to commit

 private:
  UnitOfWork& s_;
};

}  // namespace

Result<std::unique_ptr<UnitOfWork>> SnapshotStore::Begin(bool write) {
  if (write) return inner_.Begin(true);
  if (!shared_) {
    auto uow = inner_.Begin(false);
    if (!uow) return uow;
    shared_ = std::move(*uow);
  }
  return std::unique_ptr<UnitOfWork>(new SharedView(*shared_));
}

}  // namespace kakari::core
