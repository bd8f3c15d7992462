#include "core/domain/certificate.hpp"

#include <charconv>

#include "core/domain/encoding.hpp"
#include "core/domain/proof_file.hpp"
#include "util/strings.hpp"

namespace kakari::core {

namespace {

constexpr std::string_view kPayloadMagic = "KK1";
constexpr char kSep = '\x1f';
constexpr size_t kSignatureBytes = 64;

Error BadPayload(std::string ja, std::string en) {
  return MakeError(ErrorCode::kInvalidArgument, "検証コードが正しくありません: " + std::move(ja),
                   "the verification code is not valid: " + std::move(en), "c");
}

// The zero-padded width of "{seq:N}" at `pos`, or 0 for "{seq}".
std::optional<int> SeqWidth(std::string_view pattern, size_t pos, size_t* end) {
  size_t close = pattern.find('}', pos);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view inner = pattern.substr(pos + 1, close - pos - 1);
  *end = close + 1;
  if (inner == "seq") return 0;
  if (!util::StartsWith(inner, "seq:")) return std::nullopt;
  int width = 0;
  auto digits = inner.substr(4);
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), width);
  if (ec != std::errc() || p != digits.data() + digits.size() || width < 1 || width > 12) {
    return std::nullopt;
  }
  return width;
}

}  // namespace

std::string_view CertificateStatusName(CertificateStatus s) {
  switch (s) {
    case CertificateStatus::kValid:
      return "valid";
    case CertificateStatus::kSuperseded:
      return "superseded";
    case CertificateStatus::kRevoked:
      return "revoked";
  }
  return "valid";
}

std::optional<CertificateStatus> ParseCertificateStatus(std::string_view s) {
  for (auto v :
       {CertificateStatus::kValid, CertificateStatus::kSuperseded, CertificateStatus::kRevoked}) {
    if (CertificateStatusName(v) == s) return v;
  }
  return std::nullopt;
}

Result<std::string> FormatCertificateNumber(std::string_view pattern, int year, int64_t seq) {
  std::string out;
  bool has_year = false;
  bool has_seq = false;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    if (pattern.substr(i, 6) == "{year}") {
      out += std::to_string(year);
      has_year = true;
      i += 6;
      continue;
    }
    size_t end = 0;
    auto width = SeqWidth(pattern, i, &end);
    if (!width) {
      return Fail(ErrorCode::kInvalidArgument,
                  "番号の書式に使えるのは {year} と {seq} または {seq:桁数} だけです",
                  "a number pattern may only use {year} and {seq} or {seq:digits}", "pattern");
    }
    std::string digits = std::to_string(seq);
    if (digits.size() < static_cast<size_t>(*width)) {
      digits.insert(0, static_cast<size_t>(*width) - digits.size(), '0');
    }
    out += digits;
    has_seq = true;
    i = end;
  }
  if (!has_year || !has_seq) {
    return Fail(ErrorCode::kInvalidArgument,
                "番号の書式には {year} と {seq} の両方が必要です（年ごとに一意にするため）",
                "a number pattern needs both {year} and {seq} (numbers are unique per year)",
                "pattern");
  }
  return out;
}

Status ValidateNumberPattern(std::string_view pattern) {
  auto n = FormatCertificateNumber(pattern, 2026, 1);
  KAKARI_RETURN_IF_ERROR(n);
  if (n->size() > 60) {
    return Fail(ErrorCode::kInvalidArgument, "番号の書式が長すぎます",
                "the number pattern is too long", "pattern");
  }
  return {};
}

const Signatory* SignatoryOn(const std::vector<Signatory>& history, const Date& day) {
  const Signatory* best = nullptr;
  for (const auto& s : history) {
    if (s.effective_from <= day && (!best || best->effective_from < s.effective_from)) best = &s;
  }
  return best;
}

Status ValidateSealImage(std::string_view bytes) {
  auto type = DetectProofType(bytes);
  if (!type || *type == "application/pdf") {
    return Fail(ErrorCode::kUnsupportedFormat, "印影の画像はPNGかJPEGにしてください",
                "the seal image must be a PNG or JPEG", "seal_image");
  }
  return {};
}

std::string PayloadBody(const PayloadFields& f) {
  std::string body(kPayloadMagic);
  for (const std::string& part :
       {f.key_id, f.number, std::to_string(f.version), f.issued_on.ToIso(), f.name, f.programme}) {
    body += kSep;
    body += part;
  }
  return body;
}

PayloadFields PayloadFieldsOf(const CertificateSnapshot& s, std::string_view programme_code,
                              std::string_view key_id) {
  return PayloadFields{std::string(key_id), s.number, s.version,
                       s.issued_on,         s.name,   std::string(programme_code)};
}

std::string EncodePayload(std::string_view body, std::string_view signature) {
  return Base64Url(body) + "." + Base64Url(signature);
}

Result<SplitPayload> DecodePayload(std::string_view payload) {
  if (payload.size() > 2000) return tl::unexpected(BadPayload("長すぎます", "too long"));
  size_t dot = payload.find('.');
  if (dot == std::string_view::npos) {
    return tl::unexpected(BadPayload("署名の部分がありません（途中で切れています）",
                                     "no signature part (truncated)"));
  }
  auto body = Base64UrlDecode(payload.substr(0, dot));
  if (!body) return tl::unexpected(BadPayload("使えない文字が含まれています", "not base64url"));
  auto sig = Base64UrlDecode(payload.substr(dot + 1));
  if (!sig || sig->size() != kSignatureBytes) {
    return tl::unexpected(BadPayload("署名の部分が壊れているか、途中で切れています",
                                     "the signature is damaged or truncated"));
  }
  auto parts = util::Split(*body, kSep);
  if (parts.empty() || parts[0] != kPayloadMagic) {
    return tl::unexpected(BadPayload("形式の版が違います", "unknown format version"));
  }
  if (parts.size() != 7) {
    return tl::unexpected(BadPayload("項目の数が違います", "wrong number of fields"));
  }
  SplitPayload out{*body, *sig, {}};
  PayloadFields& f = out.fields;
  f.key_id = parts[1];
  f.number = parts[2];
  auto [p, ec] = std::from_chars(parts[3].data(), parts[3].data() + parts[3].size(), f.version);
  auto issued = ParseWesternDate(parts[4]);
  if (ec != std::errc() || p != parts[3].data() + parts[3].size() || f.version < 1 || !issued ||
      f.key_id.empty() || f.number.empty()) {
    return tl::unexpected(BadPayload("項目の値が正しくありません", "a field is malformed"));
  }
  f.issued_on = *issued;
  f.name = parts[5];
  f.programme = parts[6];
  return out;
}

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kValid:
      return "valid";
    case Verdict::kSuperseded:
      return "superseded";
    case Verdict::kRevoked:
      return "revoked";
    case Verdict::kNotGenuine:
      return "not_genuine";
    case Verdict::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string VerifyBase(std::string_view public_url) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/verify/";
}

std::string VerificationUrl(std::string_view public_url, const Certificate& c) {
  return VerifyBase(public_url) + util::PercentEncode(c.issued.number) + "?c=" + c.payload;
}

Result<std::string> PayloadFromScan(std::string_view text) {
  if (!util::StartsWith(text, "https://") && !util::StartsWith(text, "http://")) {
    return std::string(text);
  }
  auto query = text.find('?');
  while (query != std::string_view::npos) {
    auto start = query + 1;
    auto end = text.find_first_of("&#", start);
    auto pair =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (util::StartsWith(pair, "c=")) return util::PercentDecode(pair.substr(2));
    query = end != std::string_view::npos && text[end] == '&' ? end : std::string_view::npos;
  }
  return Fail(
      ErrorCode::kInvalidArgument,
      "このURLには証明書の検証データ（c=…）がありません。QRコードのURLをそのまま入れてください",
      "this URL carries no certificate data (c=...); use the URL from the QR code as it is",
      "payload");
}

}  // namespace kakari::core
