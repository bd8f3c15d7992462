#include "storage/sql/certificate_repo.hpp"

namespace kakari::storage::sql {

namespace {

constexpr const char* kColumns =
    "SELECT id, application_id, COALESCE(doctor_id, 0), COALESCE(programme_code, ''), number, "
    "version, status, issued_on, name_snapshot, kana, birth_date, registry_number, "
    "programme_name, signatory_title, signatory_name, COALESCE(revoked_reason, ''), key_id, "
    "payload, delivery, (SELECT sent_at FROM mail_batches b WHERE b.id = mail_batch_id), "
    "COALESCE(verify_code, '') "
    "FROM certificates ";

core::Certificate ReadCertificate(const Statement& st) {
  core::Certificate c;
  c.id = st.Int(0);
  c.application_id = st.Int(1);
  c.doctor_id = st.Int(2);
  c.programme_code = st.Text(3);
  c.issued.number = st.Text(4);
  c.issued.version = static_cast<int>(st.Int(5));
  c.status = core::ParseCertificateStatus(st.Text(6)).value_or(core::CertificateStatus::kValid);
  c.issued.issued_on = core::ParseWesternDate(st.Text(7)).value_or(core::Date{});
  c.issued.name = st.Text(8);
  c.issued.kana = st.Text(9);
  if (!st.IsNull(10)) {
    if (auto d = core::ParseWesternDate(st.Text(10))) c.issued.birth_date = *d;
  }
  c.issued.registry_number = st.Text(11);
  c.issued.programme_name = st.Text(12);
  c.issued.signatory_title = st.Text(13);
  c.issued.signatory_name = st.Text(14);
  c.revoked_reason = st.Text(15);
  c.key_id = st.Text(16);
  c.payload = st.Text(17);
  c.delivery = st.Text(18);
  if (!st.IsNull(19)) c.mailed_at = st.Text(19);
  c.verify_code = st.Text(20);
  return c;
}

}  // namespace

core::Result<int64_t> SqlCertificates::NextSequence(std::string_view programme_code, int year) {
  KAKARI_TRY(
      st, c_.Prepare(
              "INSERT INTO certificate_counters(programme_code, year, last_seq) VALUES (?, ?, 1) "
              "ON CONFLICT(programme_code, year) DO UPDATE SET last_seq = "
              "certificate_counters.last_seq + 1 "
              "RETURNING last_seq"));
  st->Bind(1, programme_code).Bind(2, year);
  KAKARI_TRY(row, st->Step());
  if (!row) return tl::unexpected(StorageError("certificate counter", "no row returned"));
  int64_t seq = st->Int(0);
  st->Reset();
  return seq;
}

core::Result<int64_t> SqlCertificates::LastSequence(std::string_view programme_code, int year) {
  KAKARI_TRY(st, c_.Prepare("SELECT last_seq FROM certificate_counters WHERE programme_code = ? "
                            "AND year = ?"));
  st->Bind(1, programme_code).Bind(2, year);
  KAKARI_TRY(row, st->Step());
  int64_t last = row ? st->Int(0) : 0;
  st->Reset();
  return last;
}

core::Result<core::Id> SqlCertificates::Insert(const core::Certificate& c) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "INSERT INTO certificates(application_id, doctor_id, programme_code, number, version, "
          "status, issued_on, name_snapshot, kana, birth_date, registry_number, programme_name, "
          "signatory_title, signatory_name, key_id, payload, delivery, verify_code) VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  const auto& s = c.issued;
  st->Bind(1, c.application_id)
      .Bind(2, c.doctor_id)
      .Bind(3, c.programme_code)
      .Bind(4, s.number)
      .Bind(5, s.version)
      .Bind(6, core::CertificateStatusName(c.status))
      .Bind(7, s.issued_on.ToIso())
      .Bind(8, s.name)
      .Bind(9, s.kana);
  if (s.birth_date)
    st->Bind(10, s.birth_date->ToIso());
  else
    st->BindNull(10);
  st->Bind(11, s.registry_number)
      .Bind(12, s.programme_name)
      .Bind(13, s.signatory_title)
      .Bind(14, s.signatory_name)
      .Bind(15, c.key_id)
      .Bind(16, c.payload)
      .Bind(17, c.delivery.empty() ? "download" : c.delivery);
  if (c.verify_code.empty())
    st->BindNull(18);
  else
    st->Bind(18, c.verify_code);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

core::Result<std::vector<core::Certificate>> SqlCertificates::Select(
    const std::string& where_order, const std::function<void(Statement&)>& bind) {
  KAKARI_TRY(st, c_.Prepare(kColumns + where_order));
  bind(*st);
  return CollectRows<core::Certificate>(*st, ReadCertificate);
}

core::Result<std::optional<core::Certificate>> SqlCertificates::Find(std::string_view number,
                                                                     std::optional<int> version) {
  auto rows = version ? Select("WHERE number = ? AND version = ?",
                               [&](Statement& st) { st.Bind(1, number).Bind(2, *version); })
                      : Select("WHERE number = ? ORDER BY version DESC LIMIT 1",
                               [&](Statement& st) { st.Bind(1, number); });
  KAKARI_RETURN_IF_ERROR(rows);
  if (rows->empty()) return std::optional<core::Certificate>();
  return std::optional<core::Certificate>(std::move(rows->front()));
}

core::Result<std::optional<core::Certificate>> SqlCertificates::FindByVerifyCode(
    std::string_view code) {
  auto rows = Select("WHERE verify_code = ?", [&](Statement& st) { st.Bind(1, code); });
  KAKARI_RETURN_IF_ERROR(rows);
  if (rows->empty()) return std::optional<core::Certificate>();
  return std::optional<core::Certificate>(std::move(rows->front()));
}

core::Result<std::optional<core::Certificate>> SqlCertificates::FindById(core::Id id) {
  auto rows = Select("WHERE id = ?", [&](Statement& st) { st.Bind(1, id); });
  KAKARI_RETURN_IF_ERROR(rows);
  if (rows->empty()) return std::optional<core::Certificate>();
  return std::optional<core::Certificate>(std::move(rows->front()));
}

core::Result<std::vector<core::Certificate>> SqlCertificates::ForDoctor(core::Id doctor_id) {
  return Select("WHERE doctor_id = ? ORDER BY issued_on DESC, number, version DESC",
                [&](Statement& st) { st.Bind(1, doctor_id); });
}

core::Result<std::vector<std::pair<core::Id, core::CertificateFact>>> SqlCertificates::AllFacts() {
  KAKARI_TRY(st, c_.Prepare("SELECT doctor_id, number, version, issued_on, status, "
                            "COALESCE(programme_code, '') FROM certificates ORDER BY doctor_id"));
  return CollectRows<std::pair<core::Id, core::CertificateFact>>(*st, [](const Statement& s) {
    core::CertificateFact f;
    f.number = s.Text(1);
    f.version = static_cast<int>(s.Int(2));
    f.issued_on = *core::ParseWesternDate(s.Text(3));
    f.status = *core::ParseCertificateStatus(s.Text(4));
    f.programme_code = s.Text(5);
    return std::pair(s.Int(0), std::move(f));
  });
}

core::Result<std::vector<core::Certificate>> SqlCertificates::List(int64_t limit, int64_t offset) {
  return Select("ORDER BY id DESC LIMIT ? OFFSET ?",
                [&](Statement& st) { st.Bind(1, limit).Bind(2, offset); });
}

core::Status SqlCertificates::SetStatus(core::Id id, core::CertificateStatus status,
                                        std::string_view reason) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "UPDATE certificates SET status = ?, revoked_reason = CASE WHEN ? <> '' THEN ? ELSE "
          "revoked_reason END, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?"));
  st->Bind(1, core::CertificateStatusName(status)).Bind(2, reason).Bind(3, reason).Bind(4, id);
  return st->Run();
}

core::Result<core::CertificateSettings> SqlCertificates::Settings() {
  KAKARI_TRY(st, c_.Prepare("SELECT number_pattern, show_birth_date, show_registry_number, "
                            "show_western_date FROM certificate_settings WHERE id = 1"));
  KAKARI_TRY(row, st->Step());
  core::CertificateSettings s;
  if (row) {
    s.number_pattern = st->Text(0);
    s.show_birth_date = st->Int(1) != 0;
    s.show_registry_number = st->Int(2) != 0;
    s.show_western_date = st->Int(3) != 0;
  }
  st->Reset();
  return s;
}

core::Status SqlCertificates::PutSettings(const core::CertificateSettings& s) {
  KAKARI_TRY(st,
             c_.Prepare("UPDATE certificate_settings SET number_pattern = ?, show_birth_date = ?, "
                        "show_registry_number = ?, show_western_date = ?, "
                        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = 1"));
  st->Bind(1, s.number_pattern)
      .Bind(2, s.show_birth_date ? 1 : 0)
      .Bind(3, s.show_registry_number ? 1 : 0)
      .Bind(4, s.show_western_date ? 1 : 0);
  return st->Run();
}

core::Result<std::vector<core::Signatory>> SqlCertificates::Signatories() {
  KAKARI_TRY(st, c_.Prepare("SELECT id, effective_from, title, name, seal_image FROM "
                            "signatories ORDER BY effective_from"));
  return CollectRows<core::Signatory>(*st, [&](Statement& row) {
    core::Signatory s;
    s.id = row.Int(0);
    s.effective_from = core::ParseWesternDate(row.Text(1)).value_or(core::Date{});
    s.title = row.Text(2);
    s.name = row.Text(3);
    if (!row.IsNull(4)) s.seal_image = row.Blob(4);
    return s;
  });
}

core::Result<core::Id> SqlCertificates::AddSignatory(const core::Signatory& s) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO signatories(effective_from, title, name, seal_image) "
                            "VALUES (?, ?, ?, ?)"));
  st->Bind(1, s.effective_from.ToIso()).Bind(2, s.title).Bind(3, s.name);
  if (s.seal_image.empty())
    st->BindNull(4);
  else
    st->BindBlob(4, s.seal_image);
  if (auto r = st->Run(); !r) {
    if (r.error().code == core::ErrorCode::kAlreadyExists) {
      return core::Fail(core::ErrorCode::kConflict, "その日付から就任する署名者は登録済みです",
                        "a signatory already takes office on that date", "effective_from");
    }
    return tl::unexpected(r.error());
  }
  return c_.LastInsertId();
}

core::Result<std::vector<core::SigningKeyRecord>> SqlCertificates::Keys() {
  KAKARI_TRY(st, c_.Prepare("SELECT id, public_key, created_at, retired_at FROM signing_keys "
                            "ORDER BY created_at, rowid"));
  return CollectRows<core::SigningKeyRecord>(*st, [&](Statement& row) {
    core::SigningKeyRecord k{row.Text(0), row.Blob(1), row.Text(2), std::nullopt};
    if (!row.IsNull(3)) k.retired_at = row.Text(3);
    return k;
  });
}

core::Status SqlCertificates::PublishKey(std::string_view id, std::string_view public_key) {
  KAKARI_TRY(retire, c_.Prepare("UPDATE signing_keys SET retired_at = "
                                "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE retired_at IS NULL"));
  KAKARI_RETURN_IF_ERROR(retire->Run());
  KAKARI_TRY(st, c_.Prepare("INSERT INTO signing_keys(id, public_key) VALUES (?, ?)"));
  st->Bind(1, id).BindBlob(2, public_key);
  return st->Run();
}

core::Result<std::vector<core::Certificate>> SqlCertificates::PendingMail(
    std::string_view association_prefix) {
  return Select(
      "WHERE delivery = 'mail' AND mail_batch_id IS NULL AND status = 'valid' AND doctor_id IN "
      "(SELECT d.id FROM doctors d JOIN organisations o ON o.id = d.home_association_id "
      "WHERE o.code >= ?1 AND o.code < ?1 || '~') ORDER BY id",
      [&](Statement& st) { st.Bind(1, association_prefix); });
}

core::Result<core::Id> SqlCertificates::CreateMailBatch(core::Id association_id,
                                                        core::Id created_by,
                                                        std::span<const core::Id> ids) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO mail_batches(association_id, created_by) VALUES (?, ?)"));
  st->Bind(1, association_id);
  if (created_by > 0)
    st->Bind(2, created_by);
  else
    st->BindNull(2);
  KAKARI_RETURN_IF_ERROR(st->Run());
  KAKARI_TRY(batch, c_.LastInsertId());
  KAKARI_TRY(assign, c_.Prepare("UPDATE certificates SET mail_batch_id = ? WHERE id = ? AND "
                                "mail_batch_id IS NULL"));
  for (core::Id id : ids) {
    assign->Bind(1, batch).Bind(2, id);
    KAKARI_RETURN_IF_ERROR(assign->Run());
  }
  return batch;
}

core::Result<std::vector<core::MailBatch>> SqlCertificates::SelectBatches(
    const std::string& where, const std::function<void(Statement&)>& bind) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "SELECT b.id, b.association_id, o.code, b.created_at, b.sent_at, "
          "(SELECT COUNT(*) FROM certificates c WHERE c.mail_batch_id = b.id) FROM mail_batches b "
          "JOIN organisations o ON o.id = b.association_id " +
          where));
  bind(*st);
  return CollectRows<core::MailBatch>(*st, [&](Statement& row) {
    core::MailBatch b{row.Int(0),  row.Int(1),   row.Text(2),
                      row.Text(3), std::nullopt, static_cast<int>(row.Int(5))};
    if (!row.IsNull(4)) b.sent_at = row.Text(4);
    return b;
  });
}

core::Result<std::optional<core::MailBatch>> SqlCertificates::FindMailBatch(core::Id id) {
  auto rows = SelectBatches("WHERE b.id = ?", [&](Statement& st) { st.Bind(1, id); });
  KAKARI_RETURN_IF_ERROR(rows);
  if (rows->empty()) return std::optional<core::MailBatch>();
  return std::optional<core::MailBatch>(rows->front());
}

core::Result<std::vector<core::MailBatch>> SqlCertificates::MailBatches(
    std::string_view association_prefix) {
  return SelectBatches("WHERE o.code >= ?1 AND o.code < ?1 || '~' ORDER BY b.id DESC",
                       [&](Statement& st) { st.Bind(1, association_prefix); });
}

core::Result<std::vector<core::Certificate>> SqlCertificates::BatchCertificates(core::Id batch_id) {
  return Select("WHERE mail_batch_id = ? ORDER BY id",
                [&](Statement& st) { st.Bind(1, batch_id); });
}

core::Status SqlCertificates::MarkBatchSent(core::Id batch_id) {
  KAKARI_TRY(st, c_.Prepare("UPDATE mail_batches SET sent_at = strftime('%Y-%m-%dT%H:%M:%SZ',"
                            "'now') WHERE id = ? AND sent_at IS NULL"));
  st->Bind(1, batch_id);
  return st->Run();
}

}  // namespace kakari::storage::sql
