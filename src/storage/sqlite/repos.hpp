// The SQLite repositories behind core's ports. Internal to storage/sqlite.
#pragma once

#include "core/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace kakari::storage::sqlite {

class SqlOrganisations final : public core::OrganisationRepository {
 public:
  explicit SqlOrganisations(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::Organisation& org) override;
  core::Result<std::optional<core::Organisation>> FindByCode(std::string_view code) override;
  core::Result<std::optional<core::Organisation>> FindById(core::Id id) override;
  core::Result<std::vector<core::Organisation>> List() override;

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
  core::Status AddAffiliation(core::Id doctor_id, core::Id institution_id) override;

 private:
  Connection& c_;
};

class SqlCredits final : public core::CreditRepository {
 public:
  explicit SqlCredits(Connection& c) : c_(c) {}
  core::Result<core::Id> LectureId(std::string_view title, std::string_view organizer) override;
  core::Result<core::Id> StartImport(std::string_view source) override;
  core::Result<int64_t> InsertMany(std::span<const Row> rows) override;
  core::Result<core::HalfUnits> LectureUnits(
      core::Id doctor_id, const std::optional<core::DateRange>& window) override;
  core::Result<std::vector<std::pair<core::Id, core::HalfUnits>>> LectureUnitsByDoctor(
      const std::optional<core::DateRange>& window) override;
  core::Result<std::vector<core::LectureCredit>> ListForDoctor(core::Id doctor_id) override;

 private:
  core::Status AddToTotals(const std::vector<std::tuple<core::Id, int, int64_t>>& deltas);
  Connection& c_;
  core::Id import_id_ = 0;  // 0: none started
};

class SqlActivities final : public core::ActivityRepository {
 public:
  explicit SqlActivities(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::NewActivity& a) override;
  core::Result<int> CountApproved(core::Id doctor_id) override;
  core::Result<std::vector<std::pair<core::Id, int>>> CountApprovedByDoctor() override;

 private:
  Connection& c_;
};

class SqlApplications final : public core::ApplicationRepository {
 public:
  explicit SqlApplications(Connection& c) : c_(c) {}
  core::Result<core::Id> Insert(const core::NewApplication& a) override;

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

}  // namespace kakari::storage::sqlite
