// Certificates (修了証): numbering, the signatory in office, what a
// certificate keeps as issued, and the signed payload its QR code carries.
// Pure: signing and verifying go through the Signer and Crypto ports.
// Thread-safe: pure functions and value types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/date.hpp"
#include "core/domain/entities.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

enum class CertificateStatus { kValid, kSuperseded, kRevoked };
std::string_view CertificateStatusName(CertificateStatus s);
std::optional<CertificateStatus> ParseCertificateStatus(std::string_view s);

// "第K{year}-{seq:6}号": {year} is the issue year, {seq:N} the sequence
// zero-padded to N digits ({seq} unpadded). Both are required, so that a
// number is unique per programme and year.
inline constexpr const char* kDefaultNumberPattern = "第K{year}-{seq:6}号";
[[nodiscard]] Status ValidateNumberPattern(std::string_view pattern);
[[nodiscard]] Result<std::string> FormatCertificateNumber(std::string_view pattern, int year,
                                                          int64_t seq);

// A signatory from `effective_from` until the next one takes office.
struct Signatory {
  Id id = 0;
  Date effective_from;
  std::string title;  // "日本医師会長"
  std::string name;
  std::string seal_image;  // PNG or JPEG bytes, may be empty
};
// The signatory in office on `day` (the latest effective_from on or before
// it), or nullptr.
const Signatory* SignatoryOn(const std::vector<Signatory>& history, const Date& day);
// A seal must be a PNG or JPEG, recognised from its content.
[[nodiscard]] Status ValidateSealImage(std::string_view bytes);

// What a certificate shows, frozen at issue: a later profile edit never
// changes an issued certificate.
struct CertificateSnapshot {
  std::string number;
  int version = 1;
  Date issued_on;
  std::string name;
  std::string kana;
  std::optional<Date> birth_date;
  std::string registry_number;
  std::string programme_name;
  std::string signatory_title;
  std::string signatory_name;
};

struct Certificate {
  Id id = 0;
  Id application_id = 0;
  Id doctor_id = 0;
  std::string programme_code;
  CertificateSnapshot issued;
  CertificateStatus status = CertificateStatus::kValid;
  std::string revoked_reason;
  std::string key_id;
  std::string payload;      // the signed QR payload (see docs/certificate-payload.md)
  std::string verify_code;  // the short code printed for typing (verify_code.hpp)
  std::string delivery;     // "download" or "mail"
  std::optional<std::string> mailed_at;
};

// The fields the QR payload signs: enough to compare a printed certificate
// with, and nothing personal beyond what the certificate itself shows.
struct PayloadFields {
  std::string key_id;
  std::string number;
  int version = 1;
  Date issued_on;
  std::string name;
  std::string programme;  // the programme's code (short, keeps the QR code small)
};

// "KK1" + fields separated by U+001F; signed as these exact bytes.
std::string PayloadBody(const PayloadFields& f);
PayloadFields PayloadFieldsOf(const CertificateSnapshot& s, std::string_view programme_code,
                              std::string_view key_id);
// base64url(body) "." base64url(signature).
std::string EncodePayload(std::string_view body, std::string_view signature);

struct SplitPayload {
  std::string body;
  std::string signature;
  PayloadFields fields;
};
// Decodes and parses a payload; the error says what is wrong with it
// (not base64url, truncated, wrong format version, malformed field).
[[nodiscard]] Result<SplitPayload> DecodePayload(std::string_view payload);

// How certificates look; JMA staff change these.
struct CertificateSettings {
  std::string number_pattern = kDefaultNumberPattern;
  bool show_birth_date = true;
  bool show_registry_number = true;
  bool show_western_date = true;
};

// A published public key; retired keys still verify what they signed.
struct SigningKeyRecord {
  std::string id;
  std::string public_key;
  std::string created_at;
  std::optional<std::string> retired_at;
};

// Certificates printed and mailed together by one association.
struct MailBatch {
  Id id = 0;
  Id association_id = 0;
  std::string association_code;
  std::string created_at;
  std::optional<std::string> sent_at;
  int count = 0;
};

// The verdict on a presented certificate.
enum class Verdict { kValid, kSuperseded, kRevoked, kNotGenuine, kUnknown };
std::string_view VerdictName(Verdict v);

// "https://host/verify/" for any spelling of the public address.
std::string VerifyBase(std::string_view public_url);
// "https://host/verify/<number percent-encoded>?c=<payload>".
std::string VerificationUrl(std::string_view public_url, const Certificate& c);
// What a person may paste to verify: the signed payload itself, or the URL a
// certificate's QR code holds (what a phone's scanner gives), whose `c` query
// value is the payload. Any host is accepted: the signature decides.
[[nodiscard]] Result<std::string> PayloadFromScan(std::string_view text);

}  // namespace kakari::core
