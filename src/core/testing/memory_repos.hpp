// The in-memory repositories, each made over one unit of work's tables.
// Each class lives in its .cpp only; the unit of work holds them as ports.
// Test-only. Not thread-safe: one unit of work per thread, as the ports say.
#pragma once

#include <memory>

#include "core/ports/store.hpp"
#include "core/testing/memory_tables.hpp"

namespace kakari::core::testing {

// memory_registry_repos.cpp
std::unique_ptr<OrganisationRepository> MemoryOrganisations(MemoryTables& t);
std::unique_ptr<DoctorRepository> MemoryDoctors(MemoryTables& t);
std::unique_ptr<InstitutionRepository> MemoryInstitutions(MemoryTables& t);
std::unique_ptr<CreditRepository> MemoryCredits(MemoryTables& t);
// memory_workflow_repos.cpp
std::unique_ptr<ActivityRepository> MemoryActivities(MemoryTables& t);
std::unique_ptr<ApplicationRepository> MemoryApplications(MemoryTables& t);
std::unique_ptr<ProgrammeRepository> MemoryProgrammes(MemoryTables& t);
std::unique_ptr<DeclarationRepository> MemoryDeclarations(MemoryTables& t);
std::unique_ptr<FileRepository> MemoryFiles(MemoryTables& t);
// memory_review_repo.cpp
std::unique_ptr<ReviewRepository> MemoryReviews(MemoryTables& t);
// memory_account_repos.cpp
std::unique_ptr<UserRepository> MemoryUsers(MemoryTables& t);
std::unique_ptr<SessionRepository> MemorySessions(MemoryTables& t);
std::unique_ptr<CredentialRepository> MemoryCredentials(MemoryTables& t);
std::unique_ptr<AuditRepository> MemoryAudit(MemoryTables& t);
std::unique_ptr<SettingsRepository> MemorySettings(MemoryTables& t);
// memory_certificate_repo.cpp
std::unique_ptr<CertificateRepository> MemoryCertificates(MemoryTables& t);
// memory_notice_repo.cpp
std::unique_ptr<NoticeRepository> MemoryNotices(MemoryTables& t);
// memory_report_repo.cpp
std::unique_ptr<ReportRepository> MemoryReports(MemoryTables& t);

}  // namespace kakari::core::testing
