#include "mail/mime.hpp"

#include <sodium.h>

#include <ctime>

namespace kakari::mail {

namespace {

constexpr size_t kWordBytes = 45;  // 60 base64 characters + 12 of "=?UTF-8?B??=": 72

bool IsPrintableAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return s.find("=?") == std::string_view::npos;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

std::string Base64Lines(std::string_view bytes) {
  std::string encoded = Base64(bytes);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += 76) {
    out += encoded.substr(i, 76);
    out += "\r\n";
  }
  return out;
}

std::string Part(std::string_view boundary, std::string_view type, std::string_view body) {
  return "--" + std::string(boundary) + "\r\nContent-Type: " + std::string(type) +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64Lines(body);
}

std::string DomainOf(std::string_view address) {
  auto at = address.find('@');
  return at == std::string_view::npos ? "kakari.invalid" : std::string(address.substr(at + 1));
}

}  // namespace

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::string EncodeHeaderText(std::string_view text) {
  if (IsPrintableAscii(text)) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size()) {
      size_t next = end + SequenceLength(static_cast<unsigned char>(text[end]));
      if (next - i > kWordBytes) break;
      end = std::min(next, text.size());
    }
    if (end == i) end = std::min(text.size(), i + 1);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string FormatAddress(std::string_view name, std::string_view address) {
  if (name.empty()) return "<" + std::string(address) + ">";
  return EncodeHeaderText(name) + " <" + std::string(address) + ">";
}

std::string Rfc5322Date(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

bool IsPlainAddress(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' ||
        c == ';' || c == '"' || c == '\\') {
      return false;
    }
  }
  return true;
}

std::string BuildMessage(const core::OutgoingMail& mail, const Sender& from, int64_t now,
                         std::string_view boundary) {
  std::string b(boundary);
  std::string m;
  m += "From: " + FormatAddress(from.name, from.address) + "\r\n";
  m += "To: " + FormatAddress(mail.to_name, mail.to_address) + "\r\n";
  m += "Subject: " + EncodeHeaderText(mail.subject) + "\r\n";
  m += "Date: " + Rfc5322Date(now) + "\r\n";
  m += "Message-ID: <" + mail.reference + "." + std::to_string(now) + "@" + DomainOf(from.address) +
       ">\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Auto-Submitted: auto-generated\r\n";
  if (!mail.unsubscribe_url.empty()) {
    m += "List-Unsubscribe: <" + mail.unsubscribe_url + ">\r\n";
  }
  m += "Content-Type: multipart/alternative; boundary=\"" + b + "\"\r\n\r\n";
  m += Part(b, "text/plain", mail.text);
  m += Part(b, "text/html", mail.html);
  m += "--" + b + "--\r\n";
  return m;
}

}  // namespace kakari::mail
