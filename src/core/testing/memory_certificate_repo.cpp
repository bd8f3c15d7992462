// Certificates, their numbering, settings, signatories, signing keys and
// mail batches, in memory.
#include <algorithm>

#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

class Certificates final : public CertificateRepository {
 public:
  explicit Certificates(MemoryTables& t) : t_(t) {}

  Result<int64_t> NextSequence(std::string_view programme_code, int year) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    return ++t_.certificate_counters[{std::string(programme_code), year}];
  }
  Result<int64_t> LastSequence(std::string_view programme_code, int year) override {
    auto it = t_.certificate_counters.find({std::string(programme_code), year});
    return it == t_.certificate_counters.end() ? 0 : it->second;
  }
  Result<Id> Insert(const Certificate& c) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (const auto& [id, row] : t_.certificates) {
      bool same_version = row.certificate.issued.number == c.issued.number &&
                          row.certificate.issued.version == c.issued.version;
      bool same_code = !c.verify_code.empty() && row.certificate.verify_code == c.verify_code;
      if (same_version || same_code) return tl::unexpected(AlreadyRecorded());
    }
    CertificateRow row{c, std::nullopt, ""};
    row.certificate.id = NextId(t_.certificates);
    row.certificate.mailed_at.reset();
    if (row.certificate.delivery.empty()) row.certificate.delivery = "download";
    t_.certificates[row.certificate.id] = row;
    return row.certificate.id;
  }
  Result<std::optional<Certificate>> Find(std::string_view number,
                                          std::optional<int> version) override {
    std::optional<Certificate> found;
    for (const auto& [id, row] : t_.certificates) {
      const Certificate& c = row.certificate;
      if (c.issued.number != number) continue;
      bool wanted = version ? c.issued.version == *version
                            : (!found || c.issued.version > found->issued.version);
      if (wanted) found = Read(row);
    }
    return found;
  }
  Result<std::optional<Certificate>> FindByVerifyCode(std::string_view code) override {
    for (const auto& [id, row] : t_.certificates) {
      if (row.certificate.verify_code == code) return std::optional(Read(row));
    }
    return std::optional<Certificate>();
  }
  Result<std::optional<Certificate>> FindById(Id id) override {
    auto it = t_.certificates.find(id);
    if (it == t_.certificates.end()) return std::optional<Certificate>();
    return std::optional(Read(it->second));
  }
  Result<std::vector<Certificate>> ForDoctor(Id doctor_id) override {
    auto out = Where([&](const CertificateRow& r) { return r.certificate.doctor_id == doctor_id; });
    std::sort(out.begin(), out.end(), [](const Certificate& a, const Certificate& b) {
      std::string ia = a.issued.issued_on.ToIso(), ib = b.issued.issued_on.ToIso();
      if (ia != ib) return ia > ib;
      if (a.issued.number != b.issued.number) return a.issued.number < b.issued.number;
      return a.issued.version > b.issued.version;
    });
    return out;
  }
  Result<std::vector<std::pair<Id, CertificateFact>>> AllFacts() override {
    std::vector<std::pair<Id, CertificateFact>> out;
    for (const auto& [id, row] : t_.certificates) {
      const Certificate& c = row.certificate;
      CertificateFact f;
      f.number = c.issued.number;
      f.version = c.issued.version;
      f.issued_on = c.issued.issued_on;
      f.status = c.status;
      f.programme_code = c.programme_code;
      out.emplace_back(c.doctor_id, std::move(f));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }
  Result<std::vector<Certificate>> List(int64_t limit, int64_t offset) override {
    std::vector<Certificate> out;
    int64_t skipped = 0;
    for (auto it = t_.certificates.rbegin();
         it != t_.certificates.rend() && static_cast<int64_t>(out.size()) < limit; ++it) {
      if (skipped++ >= offset) out.push_back(Read(it->second));
    }
    return out;
  }
  Status SetStatus(Id id, CertificateStatus status, std::string_view reason) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.certificates.find(id); it != t_.certificates.end()) {
      it->second.certificate.status = status;
      it->second.status_changed_at = NowIso(true);
      if (!reason.empty()) it->second.certificate.revoked_reason = std::string(reason);
    }
    return {};
  }
  Result<CertificateSettings> Settings() override { return t_.certificate_settings; }
  Status PutSettings(const CertificateSettings& s) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.certificate_settings = s;
    return {};
  }
  Result<std::vector<Signatory>> Signatories() override {
    std::vector<Signatory> out;
    for (const auto& [id, s] : t_.signatories) out.push_back(s);
    std::sort(out.begin(), out.end(), [](const Signatory& a, const Signatory& b) {
      return a.effective_from.ToDays() < b.effective_from.ToDays();
    });
    return out;
  }
  Result<Id> AddSignatory(const Signatory& s) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (const auto& [id, other] : t_.signatories) {
      if (other.effective_from.ToDays() == s.effective_from.ToDays()) {
        return Fail(ErrorCode::kConflict, "その日付から就任する署名者は登録済みです",
                    "a signatory already takes office on that date", "effective_from");
      }
    }
    return InsertWithNextId(t_.signatories, s);
  }
  Result<std::vector<SigningKeyRecord>> Keys() override { return t_.signing_keys; }
  Status PublishKey(std::string_view id, std::string_view public_key) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    for (const SigningKeyRecord& k : t_.signing_keys) {
      if (k.id == id) return tl::unexpected(AlreadyRecorded());
    }
    std::string now = NowIso();
    for (SigningKeyRecord& k : t_.signing_keys) {
      if (!k.retired_at) k.retired_at = now;
    }
    t_.signing_keys.push_back({std::string(id), std::string(public_key), now, std::nullopt});
    return {};
  }
  Result<std::vector<Certificate>> PendingMail(std::string_view association_prefix) override {
    return Where([&](const CertificateRow& r) {
      const Certificate& c = r.certificate;
      return c.delivery == "mail" && !r.mail_batch_id && c.status == CertificateStatus::kValid &&
             HomeUnder(c.doctor_id, association_prefix);
    });
  }
  Result<Id> CreateMailBatch(Id association_id, Id created_by,
                             std::span<const Id> certificate_ids) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    Id batch = NextId(t_.mail_batches);
    t_.mail_batches[batch] = {association_id, created_by, NowIso(), std::nullopt};
    for (Id id : certificate_ids) {
      auto it = t_.certificates.find(id);
      if (it != t_.certificates.end() && !it->second.mail_batch_id)
        it->second.mail_batch_id = batch;
    }
    return batch;
  }
  Result<std::optional<MailBatch>> FindMailBatch(Id id) override {
    auto it = t_.mail_batches.find(id);
    if (it == t_.mail_batches.end()) return std::optional<MailBatch>();
    return std::optional(ReadBatch(id, it->second));
  }
  Result<std::vector<MailBatch>> MailBatches(std::string_view association_prefix) override {
    std::vector<MailBatch> out;
    for (auto it = t_.mail_batches.rbegin(); it != t_.mail_batches.rend(); ++it) {
      MailBatch b = ReadBatch(it->first, it->second);
      if (CodeUnder(b.association_code, association_prefix)) out.push_back(std::move(b));
    }
    return out;
  }
  Result<std::vector<Certificate>> BatchCertificates(Id batch_id) override {
    return Where([&](const CertificateRow& r) { return r.mail_batch_id == batch_id; });
  }
  Status MarkBatchSent(Id batch_id) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    if (auto it = t_.mail_batches.find(batch_id);
        it != t_.mail_batches.end() && !it->second.sent_at) {
      it->second.sent_at = NowIso();
    }
    return {};
  }

 private:
  // The certificate with when its batch was sent.
  Certificate Read(const CertificateRow& row) const {
    Certificate c = row.certificate;
    if (row.mail_batch_id) {
      auto batch = t_.mail_batches.find(*row.mail_batch_id);
      if (batch != t_.mail_batches.end()) c.mailed_at = batch->second.sent_at;
    }
    return c;
  }
  template <class Pred>
  std::vector<Certificate> Where(Pred keep) const {
    std::vector<Certificate> out;
    for (const auto& [id, row] : t_.certificates) {
      if (keep(row)) out.push_back(Read(row));
    }
    return out;
  }
  // Whether the doctor's home association is under the prefix.
  bool HomeUnder(Id doctor_id, std::string_view prefix) const {
    auto d = t_.doctors.find(doctor_id);
    if (d == t_.doctors.end()) return false;
    auto o = t_.organisations.find(d->second.home_association_id);
    return o != t_.organisations.end() && CodeUnder(o->second.code, prefix);
  }
  MailBatch ReadBatch(Id id, const MailBatchRow& row) const {
    auto org = t_.organisations.find(row.association_id);
    int count = 0;
    for (const auto& [cid, c] : t_.certificates) count += c.mail_batch_id == id ? 1 : 0;
    return MailBatch{id,
                     row.association_id,
                     org == t_.organisations.end() ? "" : org->second.code,
                     row.created_at,
                     row.sent_at,
                     count};
  }
  MemoryTables& t_;
};

}  // namespace

std::unique_ptr<CertificateRepository> MemoryCertificates(MemoryTables& t) {
  return std::make_unique<Certificates>(t);
}

}  // namespace kakari::core::testing
