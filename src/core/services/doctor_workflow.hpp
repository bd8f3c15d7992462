// The doctor's side of the completion workflow: progress, credits, proof
// files, reports, declarations, the application (preview and submit), own
// items, withdrawals and resubmissions; and the item view both sides use.
// Each runs in one transaction with its audit record. No I/O of its own.
// Thread-safe: every call opens its own unit of work; Deps may be shared.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/services/progress_service.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

struct ItemView {
  ReviewItem item;
  Doctor doctor;
  std::optional<ActivityInput> activity;
  std::optional<DeclarationInput> declaration;
  std::optional<ApplicationSnapshot> snapshot;
  std::vector<StoredFileMeta> files;
  std::vector<HistoryEntry> history;
};

// --- doctors (own record) ---
[[nodiscard]] Result<DoctorProgress> MyProgress(const Deps& deps, const Caller& caller);

struct CreditPage {
  int fiscal_year = 0;
  int64_t total = 0;
  std::vector<LectureCredit> credits;
};
[[nodiscard]] Result<CreditPage> MyCredits(const Deps& deps, const Caller& caller, int fiscal_year,
                                           int page, int per_page);

[[nodiscard]] Result<std::vector<ActivityCategory>> ActivityCategories(const Deps& deps);

// A proof file uploaded by a doctor or staff, not yet attached.
[[nodiscard]] Result<StoredFileMeta> UploadFile(const Deps& deps, const Caller& caller,
                                                std::string_view name, std::string_view bytes);
struct FileContent {
  StoredFileMeta meta;
  std::string bytes;
};
[[nodiscard]] Result<FileContent> ReadFileFor(const Deps& deps, const Caller& caller, Id file_id);

[[nodiscard]] Result<Id> ReportActivity(const Deps& deps, const Caller& caller,
                                        const ActivityInput& input);
[[nodiscard]] Result<Id> DeclareCredits(const Deps& deps, const Caller& caller,
                                        const DeclarationInput& input);
// Picks what counts, freezes it and routes the application.
[[nodiscard]] Result<Id> Apply(const Deps& deps, const Caller& caller);

// What an application made now would hold, without making it: the review
// page a doctor sees before submitting. Fails exactly as Apply would.
struct CountedActivity {
  Id id = 0;
  ActivityInput activity;
};
struct ApplicationPreview {
  ApplicationSnapshot snapshot;
  std::vector<CountedActivity> activities;
  Organisation routed_to;
};
[[nodiscard]] Result<ApplicationPreview> PreviewApplication(const Deps& deps, const Caller& caller);

[[nodiscard]] Result<std::vector<ReviewItem>> MyItems(const Deps& deps, const Caller& caller);
// The item with its details, files and history (staff views are audited).
[[nodiscard]] Result<ItemView> ViewItem(const Deps& deps, const Caller& caller, ReviewKind kind,
                                        Id id);
[[nodiscard]] Result<Id> Withdraw(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                                  std::optional<int64_t> version);
// After a return: the corrected activity or declaration (none for an
// application, whose snapshot is taken again).
struct Correction {
  std::optional<ActivityInput> activity;
  std::optional<DeclarationInput> declaration;
};
[[nodiscard]] Result<Id> Resubmit(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                                  const Correction& correction, std::optional<int64_t> version);

// Input checks shared by reports and corrections (dates not in the future).
[[nodiscard]] Status ValidateActivity(const ActivityInput& in, Date today,
                                      const std::vector<ActivityCategory>& catalogue);
[[nodiscard]] Status ValidateDeclaration(const DeclarationInput& in, Date today);
}  // namespace kakari::core
