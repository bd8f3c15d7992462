// The paper forms doctors who apply on paper fill in: the completion
// application (修了申請書), the practical-experience report (実地研修（経験）
// 報告書) and the additional lecture-credit declaration (単位追加申告書).
// Blank, or pre-filled with what the registry knows about a doctor.
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <optional>
#include <string_view>

#include "core/domain/documents.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

enum class FormKind { kApplication, kPracticalReport, kDeclaration };
// "application", "practical-report", "declaration".
std::optional<FormKind> ParseFormKind(std::string_view s);

// The blank form (anyone may print it).
[[nodiscard]] Result<PaperForm> BlankForm(const Deps& deps, FormKind kind);
// Pre-filled for the calling doctor (empty registry number) or, for staff,
// the doctor with this registry number in their scope (recorded as a view).
[[nodiscard]] Result<PaperForm> FilledForm(const Deps& deps, const Caller& caller, FormKind kind,
                                           std::string_view registry_number);

// A form as its PDF (deps.renderer), named after its title.
[[nodiscard]] Result<PdfFile> FormPdf(const Deps& deps, const Result<PaperForm>& form);

}  // namespace kakari::core
