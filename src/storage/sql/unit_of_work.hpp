// Every repository of storage/sql on one connection: the part of a unit of
// work that is the same on every engine. The engine's subclass owns the
// transaction (Commit, and the rollback when it is dropped).
// Not thread-safe: a unit of work belongs to one thread.
#pragma once

#include "storage/sql/certificate_repo.hpp"
#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

class RepositorySet : public core::UnitOfWork {
 public:
  // `queue_cache` only for read-only units of work (see SqlReviews).
  RepositorySet(Connection& conn, QueueCache* queue_cache)
      : orgs_(conn),
        doctors_(conn),
        institutions_(conn),
        credits_(conn),
        activities_(conn),
        applications_(conn),
        programmes_(conn),
        declarations_(conn),
        reviews_(conn, queue_cache),
        users_(conn),
        sessions_(conn),
        credentials_(conn),
        files_(conn),
        audit_(conn),
        settings_(conn),
        certificates_(conn),
        notices_(conn),
        reports_(conn) {}

  core::OrganisationRepository& Organisations() override { return orgs_; }
  core::DoctorRepository& Doctors() override { return doctors_; }
  core::InstitutionRepository& Institutions() override { return institutions_; }
  core::CreditRepository& Credits() override { return credits_; }
  core::ActivityRepository& Activities() override { return activities_; }
  core::ApplicationRepository& Applications() override { return applications_; }
  core::ProgrammeRepository& Programmes() override { return programmes_; }
  core::DeclarationRepository& Declarations() override { return declarations_; }
  core::ReviewRepository& Reviews() override { return reviews_; }
  core::UserRepository& Users() override { return users_; }
  core::SessionRepository& Sessions() override { return sessions_; }
  core::CredentialRepository& Credentials() override { return credentials_; }
  core::FileRepository& Files() override { return files_; }
  core::AuditRepository& Audit() override { return audit_; }
  core::SettingsRepository& Settings() override { return settings_; }
  core::CertificateRepository& Certificates() override { return certificates_; }
  core::NoticeRepository& Notices() override { return notices_; }
  core::ReportRepository& Reports() override { return reports_; }

 private:
  SqlOrganisations orgs_;
  SqlDoctors doctors_;
  SqlInstitutions institutions_;
  SqlCredits credits_;
  SqlActivities activities_;
  SqlApplications applications_;
  SqlProgrammes programmes_;
  SqlDeclarations declarations_;
  SqlReviews reviews_;
  SqlUsers users_;
  SqlSessions sessions_;
  SqlCredentials credentials_;
  SqlFiles files_;
  SqlAudit audit_;
  SqlSettings settings_;
  SqlCertificates certificates_;
  SqlNotices notices_;
  SqlReports reports_;
};

}  // namespace kakari::storage::sql
