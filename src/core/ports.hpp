// Ports: the storage interfaces the services need. One implementation per
// database lives in src/storage; tests may fake them. A UnitOfWork is one
// transaction: everything done through its repositories commits together or
// not at all (it rolls back when destroyed uncommitted).
// Thread-safety: a UnitOfWork belongs to one thread; a Store may be shared.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/entities.hpp"
#include "core/programme.hpp"
#include "core/result.hpp"

namespace kakari::core {

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const Organisation& org) = 0;
  [[nodiscard]] virtual Result<std::optional<Organisation>> FindByCode(std::string_view code) = 0;
  [[nodiscard]] virtual Result<std::optional<Organisation>> FindById(Id id) = 0;
  [[nodiscard]] virtual Result<std::vector<Organisation>> List() = 0;
};

class DoctorRepository {
 public:
  virtual ~DoctorRepository() = default;
  // kAlreadyExists when the registry number is taken.
  [[nodiscard]] virtual Result<Id> Insert(const Doctor& doctor) = 0;
  [[nodiscard]] virtual Status Update(const Doctor& doctor) = 0;
  [[nodiscard]] virtual Result<std::optional<Doctor>> FindByRegistryNumber(
      std::string_view registry_number) = 0;
  // Every registry number with its doctor id, for bulk imports.
  [[nodiscard]] virtual Result<std::unordered_map<std::string, Id>> RegistryIndex() = 0;
  [[nodiscard]] virtual Result<int64_t> Count() = 0;
  // Every doctor's id, ascending.
  [[nodiscard]] virtual Result<std::vector<Id>> AllIds() = 0;
};

class InstitutionRepository {
 public:
  virtual ~InstitutionRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const Institution& inst) = 0;
  [[nodiscard]] virtual Status AddAffiliation(Id doctor_id, Id institution_id) = 0;
};

class CreditRepository {
 public:
  virtual ~CreditRepository() = default;
  // The id of the lecture (title, organiser), created when new.
  [[nodiscard]] virtual Result<Id> LectureId(std::string_view title,
                                             std::string_view organizer) = 0;
  // Opens an import (its provenance: "csv", "demo", ...); the credits that
  // InsertMany records afterwards in this unit of work belong to it.
  [[nodiscard]] virtual Result<Id> StartImport(std::string_view source) = 0;
  // Records credits whose lecture ids came from LectureId, skipping any whose
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
};

class ActivityRepository {
 public:
  virtual ~ActivityRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const NewActivity& activity) = 0;
  [[nodiscard]] virtual Result<int> CountApproved(Id doctor_id) = 0;
  // Ascending by doctor id; doctors without an approved activity are absent.
  [[nodiscard]] virtual Result<std::vector<std::pair<Id, int>>> CountApprovedByDoctor() = 0;
};

class ApplicationRepository {
 public:
  virtual ~ApplicationRepository() = default;
  [[nodiscard]] virtual Result<Id> Insert(const NewApplication& application) = 0;
};

class ProgrammeRepository {
 public:
  virtual ~ProgrammeRepository() = default;
  [[nodiscard]] virtual Status Upsert(const Programme& p) = 0;
  // The programme applications are made under now.
  [[nodiscard]] virtual Result<Programme> Current() = 0;
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
};

}  // namespace kakari::core
