// Port: hands one e-mail to a mail server. The SMTP adapter (src/mail) builds
// the MIME message and talks to the server; tests use a recording fake.
// Thread-safety: implementations must allow Send from one thread at a time at
// least; the outbox sender calls it from its own thread only.
#pragma once

#include <string>

#include "core/domain/notice.hpp"

namespace kakari::core {

struct OutgoingMail {
  std::string to_address;
  std::string to_name;  // "" when unknown
  std::string subject;
  std::string text;
  std::string html;
  std::string unsubscribe_url;  // "" for notices that cannot be turned off
  std::string reference;        // a stable id for Message-ID ("notice-42")
};

struct SendResult {
  SendOutcome outcome = SendOutcome::kSent;
  std::string detail;  // the server's answer, for staff; never the message
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual SendResult Send(const OutgoingMail& mail) const = 0;
};

}  // namespace kakari::core
