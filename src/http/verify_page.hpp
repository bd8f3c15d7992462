// The public verification page (HTML, Japanese with English): what the QR
// code and the printed short address open. Every state says what it means in
// its own words, and every page ends with a form that asks for the short
// code printed on the certificate. Thread-safe.
#pragma once

#include <string>

#include "core/services/certificate_service.hpp"

namespace kakari::http {

// Why the page has no verdict on a certificate.
enum class VerifyPageNote {
  kNone,           // a verdict is shown
  kAskForCode,     // no code given: the form alone
  kMalformedCode,  // what was typed cannot be a code
  kUnknownCode,    // no certificate has this code
};

// `typed` is put back into the form when the note is about it.
std::string VerifyPageHtml(const core::VerifyAnswer* answer, VerifyPageNote note,
                           const std::string& typed = "");

}  // namespace kakari::http
