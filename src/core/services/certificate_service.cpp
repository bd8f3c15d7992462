#include "core/services/certificate_service.hpp"

#include <limits>
#include <span>

#include "core/domain/wareki.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

Error NoKey() {
  return MakeError(ErrorCode::kUnavailable,
                   "署名鍵がありません。管理者が `kakari keys generate` を実行してください",
                   "there is no signing key; an administrator must run `kakari keys generate`");
}

// The certificate with its doctor, when `who` may see that doctor; kNotFound else.
Result<Certificate> LoadVisibleCertificate(UnitOfWork& uow, const Principal& who,
                                           std::string_view number, std::optional<int> version) {
  auto cert = uow.Certificates().Find(number, version);
  KAKARI_RETURN_IF_ERROR(cert);
  auto not_found = [] { return tl::unexpected(NotFoundError("修了証", "certificate")); };
  if (!*cert) return not_found();
  auto doctor = uow.Doctors().FindById((*cert)->doctor_id);
  KAKARI_RETURN_IF_ERROR(doctor);
  if (!*doctor) return not_found();
  auto home = uow.Organisations().FindById((*doctor)->home_association_id);
  KAKARI_RETURN_IF_ERROR(home);
  std::string code = *home ? (*home)->code : "";
  if (!MaySeeDoctor(who, (*doctor)->id, code)) return not_found();
  return **cert;
}

// The doctor's current details as the certificate will show them.
Result<CertificateSnapshot> SnapshotNow(UnitOfWork& uow, Id doctor_id, const Date& today) {
  auto doctor = uow.Doctors().FindById(doctor_id);
  KAKARI_RETURN_IF_ERROR(doctor);
  if (!*doctor) return tl::unexpected(NotFoundError("医師", "doctor"));
  auto standing = StandingOf(uow, doctor_id);
  KAKARI_RETURN_IF_ERROR(standing);
  auto signatories = uow.Certificates().Signatories();
  KAKARI_RETURN_IF_ERROR(signatories);
  const Signatory* signer = SignatoryOn(*signatories, today);
  if (!signer) {
    return Fail(ErrorCode::kUnprocessable, "発行日に在任の署名者が登録されていません",
                "no signatory is in office on the issue date", "signatory");
  }
  CertificateSnapshot s;
  s.issued_on = today;
  s.name = (*doctor)->name;
  s.kana = (*doctor)->kana;
  s.birth_date = (*doctor)->birth_date;
  s.registry_number = (*doctor)->registry_number;
  s.programme_name = standing->programme.name_ja;
  s.signatory_title = signer->title;
  s.signatory_name = signer->name;
  return s;
}

// Signs the snapshot with the current key and stores the certificate.
Result<Certificate> SignAndInsert(UnitOfWork& uow, const Deps& deps, Certificate c) {
  if (!deps.signer) return tl::unexpected(NoKey());
  c.key_id = deps.signer->CurrentKeyId();
  if (c.key_id.empty()) return tl::unexpected(NoKey());
  std::string body = PayloadBody(PayloadFieldsOf(c.issued, c.programme_code, c.key_id));
  std::string signature = deps.signer->Sign(c.key_id, body);
  if (signature.empty()) return tl::unexpected(NoKey());
  c.payload = EncodePayload(body, signature);
  c.verify_code = VerifyCodeOf(signature);
  auto id = uow.Certificates().Insert(c);
  KAKARI_RETURN_IF_ERROR(id);
  c.id = *id;
  return c;
}

VerifyAnswer NotGenuine() { return VerifyAnswer{Verdict::kNotGenuine, "", 0, 0, "", "", {}, ""}; }

// Status and face of a genuinely signed payload, from the store.
Result<VerifyAnswer> AnswerFor(UnitOfWork& uow, const PayloadFields& f) {
  auto cert = uow.Certificates().Find(f.number, f.version);
  KAKARI_RETURN_IF_ERROR(cert);
  if (!*cert) return VerifyAnswer{Verdict::kUnknown, f.number, f.version, 0, "", "", {}, ""};
  const Certificate& c = **cert;
  if (c.issued.name != f.name || c.issued.issued_on != f.issued_on ||
      c.programme_code != f.programme) {
    return NotGenuine();
  }
  auto latest = uow.Certificates().Find(f.number, std::nullopt);
  KAKARI_RETURN_IF_ERROR(latest);
  VerifyAnswer a;
  a.verdict = c.status == CertificateStatus::kRevoked      ? Verdict::kRevoked
              : c.status == CertificateStatus::kSuperseded ? Verdict::kSuperseded
                                                           : Verdict::kValid;
  a.number = c.issued.number;
  a.version = c.issued.version;
  a.latest_version = *latest ? (*latest)->issued.version : c.issued.version;
  a.name = c.issued.name;
  a.programme = c.issued.programme_name;
  a.issued_on = c.issued.issued_on;
  a.revoked_reason = c.revoked_reason;
  return a;
}

// Checks the signature against the published key named in the payload.
Result<std::optional<SplitPayload>> GenuinePayload(UnitOfWork& uow, const Deps& deps,
                                                   std::string_view payload) {
  auto split = DecodePayload(payload);
  KAKARI_RETURN_IF_ERROR(split);
  auto keys = uow.Certificates().Keys();
  KAKARI_RETURN_IF_ERROR(keys);
  for (const auto& k : *keys) {
    if (k.id == split->fields.key_id &&
        deps.crypto.VerifySignature(k.public_key, split->body, split->signature)) {
      return std::optional<SplitPayload>(std::move(*split));
    }
  }
  return std::optional<SplitPayload>();
}

}  // namespace

Result<Certificate> IssueInApproval(UnitOfWork& uow, const Deps& deps, Id application_id,
                                    Id doctor_id, bool by_mail) {
  if (!deps.signer || deps.signer->CurrentKeyId().empty()) return tl::unexpected(NoKey());
  Date today = deps.clock.TodayInJapan();
  auto snapshot = SnapshotNow(uow, doctor_id, today);
  KAKARI_RETURN_IF_ERROR(snapshot);
  auto standing = StandingOf(uow, doctor_id);
  KAKARI_RETURN_IF_ERROR(standing);
  auto settings = uow.Certificates().Settings();
  KAKARI_RETURN_IF_ERROR(settings);
  auto seq = uow.Certificates().NextSequence(standing->programme.code, today.year);
  KAKARI_RETURN_IF_ERROR(seq);
  auto number = FormatCertificateNumber(settings->number_pattern, today.year, *seq);
  KAKARI_RETURN_IF_ERROR(number);
  Certificate c;
  c.application_id = application_id;
  c.doctor_id = doctor_id;
  c.programme_code = standing->programme.code;
  c.issued = *snapshot;
  c.issued.number = *number;
  c.issued.version = 1;
  c.delivery = by_mail ? "mail" : "download";
  return SignAndInsert(uow, deps, std::move(c));
}

Result<Certificate> Reissue(const Deps& deps, const Caller& caller, std::string_view number,
                            std::string_view reason) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  if (util::Trim(reason).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "再交付の理由（氏名変更・紛失など）を入力してください",
                "give the reason for the reissue (name change, loss, ...)", "reason");
  }
  return InTransaction<Certificate>(deps, [&](UnitOfWork& uow) -> Result<Certificate> {
    auto old = LoadVisibleCertificate(uow, caller.principal, number, std::nullopt);
    if (!old) return old;
    if (old->status == CertificateStatus::kRevoked) {
      return Fail(ErrorCode::kConflict, "取り消された修了証は再交付できません",
                  "a revoked certificate cannot be reissued");
    }
    auto snapshot = SnapshotNow(uow, old->doctor_id, deps.clock.TodayInJapan());
    KAKARI_RETURN_IF_ERROR(snapshot);
    Certificate c = *old;
    c.issued = *snapshot;
    c.issued.number = old->issued.number;
    c.issued.version = old->issued.version + 1;
    c.status = CertificateStatus::kValid;
    c.revoked_reason.clear();
    c.mailed_at.reset();
    KAKARI_RETURN_IF_ERROR(
        uow.Certificates().SetStatus(old->id, CertificateStatus::kSuperseded, ""));
    auto issued = SignAndInsert(uow, deps, std::move(c));
    if (!issued) return issued;
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "certificate.reissue", "certificate",
                                      issued->issued.number, util::Trim(reason)));
    return issued;
  });
}

Status Revoke(const Deps& deps, const Caller& caller, std::string_view number,
              std::string_view reason) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kAdminister));
  if (util::Trim(reason).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "取消しの理由を入力してください",
                "give the reason for the revocation", "reason");
  }
  auto done = InTransaction<Certificate>(deps, [&](UnitOfWork& uow) -> Result<Certificate> {
    auto c = LoadVisibleCertificate(uow, caller.principal, number, std::nullopt);
    if (!c) return c;
    if (c->status == CertificateStatus::kRevoked) {
      return Fail(ErrorCode::kConflict, "この修了証はすでに取り消されています",
                  "this certificate is already revoked");
    }
    if (auto s =
            uow.Certificates().SetStatus(c->id, CertificateStatus::kRevoked, util::Trim(reason));
        !s) {
      return tl::unexpected(s.error());
    }
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "certificate.revoke", "certificate",
                                      c->issued.number, util::Trim(reason)));
    return c;
  });
  KAKARI_RETURN_IF_ERROR(done);
  return {};
}

Result<std::vector<Certificate>> MyCertificates(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  if (!caller.principal.doctor_id) return std::vector<Certificate>();
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  return (*uow)->Certificates().ForDoctor(*caller.principal.doctor_id);
}

Result<Certificate> CertificateFor(const Deps& deps, const Caller& caller, std::string_view number,
                                   std::optional<int> version) {
  bool own = caller.principal.role == Role::kDoctor;
  if (!own) {
    KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kReview));
  }
  return InTransaction<Certificate>(deps, [&](UnitOfWork& uow) -> Result<Certificate> {
    auto c = LoadVisibleCertificate(uow, caller.principal, number, version);
    if (!c || own) return c;
    KAKARI_RETURN_IF_ERROR(WriteAudit(uow, deps, &caller, "certificate.view", "certificate",
                                      c->issued.number, "v" + std::to_string(c->issued.version)));
    return c;
  });
}

Result<PdfFile> CertificatePdf(const Deps& deps, const Caller& caller, std::string_view number,
                               std::optional<int> version, std::string_view public_url) {
  auto renderer = RendererOf(deps);
  KAKARI_RETURN_IF_ERROR(renderer);
  auto cert = CertificateFor(deps, caller, number, version);
  KAKARI_RETURN_IF_ERROR(cert);
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto doc = DocumentFor(**uow, *cert, public_url);
  KAKARI_RETURN_IF_ERROR(doc);
  auto pdf = (*renderer)->Certificates(std::span(&*doc, 1));
  KAKARI_RETURN_IF_ERROR(pdf);
  return PdfFile{std::move(*pdf), "修了証_" + cert->issued.number + ".pdf"};
}

Result<std::vector<Certificate>> ListAllCertificates(const Deps& deps, const Caller& caller) {
  KAKARI_RETURN_IF_ERROR(RequireJmaAdmin(caller.principal));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto list = (*uow)->Certificates().List(std::numeric_limits<int64_t>::max(), 0);
  KAKARI_RETURN_IF_ERROR(list);
  KAKARI_RETURN_IF_ERROR(RecordView(deps, caller, "certificate.list", "certificate", "*",
                                    std::to_string(list->size())));
  return list;
}

Result<VerifyAnswer> VerifyOnline(const Deps& deps, std::string_view number,
                                  std::string_view code) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto exists = (*uow)->Certificates().Find(number, std::nullopt);
  KAKARI_RETURN_IF_ERROR(exists);
  if (!*exists) return tl::unexpected(NotFoundError("修了証", "certificate"));
  auto genuine = GenuinePayload(**uow, deps, code);
  KAKARI_RETURN_IF_ERROR(genuine);
  if (!*genuine || (*genuine)->fields.number != number) return NotGenuine();
  return AnswerFor(**uow, (*genuine)->fields);
}

Result<VerifyAnswer> VerifyByCode(const Deps& deps, std::string_view typed) {
  auto code = NormaliseVerifyCode(typed);
  if (!code) {
    return Fail(ErrorCode::kInvalidArgument,
                "確認コードは修了証に印刷された10文字（例: 7K3M9-QX2AB）です",
                "the check code is the 10 characters printed on the certificate (e.g. "
                "7K3M9-QX2AB)",
                "code");
  }
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto cert = (*uow)->Certificates().FindByVerifyCode(*code);
  KAKARI_RETURN_IF_ERROR(cert);
  if (!*cert) return tl::unexpected(NotFoundError("修了証", "certificate"));
  // The stored certificate is the registry's own record: its face and status
  // answer, as for a genuinely signed payload.
  return AnswerFor(**uow,
                   PayloadFieldsOf((*cert)->issued, (*cert)->programme_code, (*cert)->key_id));
}

Result<VerifyAnswer> VerifyPayload(const Deps& deps, std::string_view payload) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto genuine = GenuinePayload(**uow, deps, payload);
  KAKARI_RETURN_IF_ERROR(genuine);
  if (!*genuine) return NotGenuine();
  return AnswerFor(**uow, (*genuine)->fields);
}

namespace {

// What the certificate says was completed: the units its application
// counted and the day of the first issue (a reissue keeps that day).
Result<std::vector<std::pair<std::string, std::string>>> CompletedLines(UnitOfWork& uow,
                                                                        const Certificate& c) {
  std::vector<std::pair<std::string, std::string>> lines;
  auto snapshot = uow.Applications().Snapshot(c.application_id);
  KAKARI_RETURN_IF_ERROR(snapshot);
  // Applications recorded before snapshots existed counted nothing visible.
  if (*snapshot && (*snapshot)->total_units > HalfUnits()) {
    const auto& a = **snapshot;
    auto activities = static_cast<int>(a.activity_ids.size());
    lines.emplace_back("座学研修（知識）", a.lecture_units.ToString() + "単位");
    // The practical units as counted then (total less lecture), not under
    // today's rules: a later rule change does not rewrite an old certificate.
    lines.emplace_back("実地研修（経験）", std::to_string(activities) + "件（" +
                                               (a.total_units - a.lecture_units).ToString() +
                                               "単位）");
  }
  Date completed_on = c.issued.issued_on;
  if (c.issued.version > 1) {
    auto first = uow.Certificates().Find(c.issued.number, 1);
    KAKARI_RETURN_IF_ERROR(first);
    if (*first) completed_on = (*first)->issued.issued_on;
  }
  lines.emplace_back("修了日", FormatWareki(completed_on));
  return lines;
}

}  // namespace

Result<CertificateDocument> DocumentFor(UnitOfWork& uow, const Certificate& c,
                                        std::string_view public_url) {
  auto settings = uow.Certificates().Settings();
  KAKARI_RETURN_IF_ERROR(settings);
  auto signatories = uow.Certificates().Signatories();
  KAKARI_RETURN_IF_ERROR(signatories);
  const auto& s = c.issued;
  CertificateDocument d;
  d.name = s.name;
  if (settings->show_birth_date && s.birth_date) {
    d.personal_lines.push_back("生年月日　" + FormatWareki(*s.birth_date));
  }
  if (settings->show_registry_number && !s.registry_number.empty()) {
    d.personal_lines.push_back("医籍登録番号　第" + s.registry_number + "号");
  }
  d.programme = s.programme_name;
  d.statement_phrases = {"あなたは",   "日本医師会が",   "定める", "「" + s.programme_name + "」の",
                         "修了要件を", "満たしたことを", "ここに", "証します"};
  for (const auto& phrase : d.statement_phrases) d.statement += phrase;
  auto completed = CompletedLines(uow, c);
  KAKARI_RETURN_IF_ERROR(completed);
  d.completed = std::move(*completed);
  d.issued_wareki = FormatWareki(s.issued_on);
  if (settings->show_western_date)
    d.issued_western = "（" + FormatJapaneseWestern(s.issued_on) + "）";
  d.signatory_title = s.signatory_title;
  d.signatory_name = s.signatory_name;
  if (const Signatory* signer = SignatoryOn(*signatories, s.issued_on);
      signer && signer->name == s.signatory_name) {
    d.seal_image = signer->seal_image;
  }
  d.number = s.number;
  if (s.version > 1) d.version_note = "（再交付　第" + std::to_string(s.version) + "版）";
  d.qr_text = VerificationUrl(public_url, c);
  d.short_url = c.verify_code.empty() ? VerifyBase(public_url) + s.number
                                      : ShortVerifyUrl(public_url, c.verify_code);
  d.verify_code = FormatVerifyCode(c.verify_code);
  return d;
}

}  // namespace kakari::core
