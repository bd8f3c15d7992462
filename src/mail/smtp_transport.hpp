// The SMTP transport on libcurl: one connection per message, STARTTLS
// required when the URL carries a user name and password (AUTH never goes
// over plain text), implicit TLS for smtps://. A 5xx answer is a permanent
// failure; anything else that fails (no connection, 4xx, time-out) is
// transient and retried by the outbox.
// Thread-safe: Send may be called from several threads (a handle per call);
// curl_global_init must have run before the first call (main does it).
#pragma once

#include <string>

#include "core/ports/mail_transport.hpp"
#include "mail/mime.hpp"

namespace kakari::mail {

struct SmtpConfig {
  std::string url;  // smtp://host:port or smtps://user:pass@host:port
  Sender from;
  long timeout_seconds = 30;
};

class SmtpTransport final : public core::MailTransport {
 public:
  explicit SmtpTransport(SmtpConfig config) : config_(std::move(config)) {}
  core::SendResult Send(const core::OutgoingMail& mail) const override;

 private:
  SmtpConfig config_;
};

// The URL without its password, for logs.
std::string RedactedUrl(std::string_view url);

}  // namespace kakari::mail
