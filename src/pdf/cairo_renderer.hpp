// core::DocumentRenderer on cairo's PDF surface with pango for Japanese text
// (IPAex Mincho and Gothic from Debian's fonts-ipaexfont, IPAmj Mincho for
// rare name characters, embedded as subsets by cairo) and libqrencode for the QR code. A page whose
// text would need a glyph no installed font has is refused, never printed with a blank box.
// Thread-safe: each call makes its own surface.
#pragma once

#include "core/ports/renderer.hpp"

namespace kakari::pdf {

class CairoRenderer final : public core::DocumentRenderer {
 public:
  [[nodiscard]] core::Result<std::string> Certificates(
      std::span<const core::CertificateDocument> docs) const override;
  [[nodiscard]] core::Result<std::string> Labels(
      std::span<const core::MailLabel> labels) const override;
  [[nodiscard]] core::Result<std::string> Form(const core::PaperForm& form) const override;
  [[nodiscard]] core::Result<std::string> AnswerSheet(
      const core::AnswerSheetDocument& doc) const override;
  [[nodiscard]] core::Result<std::string> SealImage(std::string_view text) const override;
};

// The payload embedded in a Kakari certificate PDF's metadata (Keywords
// "kakari-payload:..."), or empty when there is none.
std::string EmbeddedPayload(std::string_view pdf_bytes);

}  // namespace kakari::pdf
