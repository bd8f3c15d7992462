// DocumentRenderer: the port that renders printable documents to PDF
// (src/pdf: cairo and pango). Thread-safety: called from several worker
// threads at once, so implementations must keep no state between calls.
#pragma once

#include <span>
#include <string>

#include "core/domain/documents.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

class DocumentRenderer {
 public:
  virtual ~DocumentRenderer() = default;
  // One A4 portrait page per certificate, in order, as one PDF.
  [[nodiscard]] virtual Result<std::string> Certificates(
      std::span<const CertificateDocument> docs) const = 0;
  // A4 label sheets, 12 labels per page (2 columns × 6 rows), in order.
  [[nodiscard]] virtual Result<std::string> Labels(std::span<const MailLabel> labels) const = 0;
  // One A4 form (more pages when the table needs them).
  [[nodiscard]] virtual Result<std::string> Form(const PaperForm& form) const = 0;
  // One A4 answer sheet (more pages for a long list of doctors).
  [[nodiscard]] virtual Result<std::string> AnswerSheet(const AnswerSheetDocument& doc) const = 0;
  // A square seal (角印) of 1-4 characters as a PNG, for a demo signatory.
  [[nodiscard]] virtual Result<std::string> SealImage(std::string_view text) const = 0;
};

}  // namespace kakari::core
