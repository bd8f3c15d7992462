// core::CertificateRepository on SQLite (schema 4).
// Not thread-safe: belongs to its unit of work's connection and thread.
#pragma once

#include "core/ports/store.hpp"
#include "storage/sql/connection.hpp"

namespace kakari::storage::sql {

class SqlCertificates final : public core::CertificateRepository {
 public:
  explicit SqlCertificates(Connection& c) : c_(c) {}
  core::Result<int64_t> NextSequence(std::string_view programme_code, int year) override;
  core::Result<int64_t> LastSequence(std::string_view programme_code, int year) override;
  core::Result<core::Id> Insert(const core::Certificate& c) override;
  core::Result<std::optional<core::Certificate>> Find(std::string_view number,
                                                      std::optional<int> version) override;
  core::Result<std::optional<core::Certificate>> FindById(core::Id id) override;
  core::Result<std::optional<core::Certificate>> FindByVerifyCode(std::string_view code) override;
  core::Result<std::vector<core::Certificate>> ForDoctor(core::Id doctor_id) override;
  core::Result<std::vector<std::pair<core::Id, core::CertificateFact>>> AllFacts() override;
  core::Result<std::vector<core::Certificate>> List(int64_t limit, int64_t offset) override;
  core::Status SetStatus(core::Id id, core::CertificateStatus status,
                         std::string_view reason) override;
  core::Result<core::CertificateSettings> Settings() override;
  core::Status PutSettings(const core::CertificateSettings& s) override;
  core::Result<std::vector<core::Signatory>> Signatories() override;
  core::Result<core::Id> AddSignatory(const core::Signatory& s) override;
  core::Result<std::vector<core::SigningKeyRecord>> Keys() override;
  core::Status PublishKey(std::string_view id, std::string_view public_key) override;
  core::Result<std::vector<core::Certificate>> PendingMail(
      std::string_view association_prefix) override;
  core::Result<core::Id> CreateMailBatch(core::Id association_id, core::Id created_by,
                                         std::span<const core::Id> certificate_ids) override;
  core::Result<std::optional<core::MailBatch>> FindMailBatch(core::Id id) override;
  core::Result<std::vector<core::MailBatch>> MailBatches(
      std::string_view association_prefix) override;
  core::Result<std::vector<core::Certificate>> BatchCertificates(core::Id batch_id) override;
  core::Status MarkBatchSent(core::Id batch_id) override;

 private:
  core::Result<std::vector<core::MailBatch>> SelectBatches(
      const std::string& where, const std::function<void(Statement&)>& bind);
  core::Result<std::vector<core::Certificate>> Select(const std::string& where_order,
                                                      const std::function<void(Statement&)>& bind);
  Connection& c_;
};

}  // namespace kakari::storage::sql
