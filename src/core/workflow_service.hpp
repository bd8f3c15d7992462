// The completion workflow's use cases: a doctor's progress, credits, reports,
// declarations, applications, withdrawals and resubmissions; staff's queue,
// item view, decisions, bulk approval and paper entry. Each runs in one
// transaction with its audit record. No I/O of its own.
// Thread-safe: every call opens its own unit of work; Deps may be shared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/progress_service.hpp"
#include "core/service_support.hpp"

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

// --- staff ---
// A doctor's progress by registry number, for the doctor themself or staff
// in scope (kNotFound otherwise); staff views are audited.
[[nodiscard]] Result<DoctorProgress> DoctorProgressFor(const Deps& deps, const Caller& caller,
                                                       std::string_view registry_number);

[[nodiscard]] Result<QueuePage> ReviewQueue(const Deps& deps, const Caller& caller,
                                            QueueFilter filter);
struct Decision {
  ReviewAction action = ReviewAction::kApprove;
  std::string reason;
  std::optional<int64_t> version;
};
[[nodiscard]] Result<Id> Decide(const Deps& deps, const Caller& caller, ReviewKind kind, Id id,
                                const Decision& decision);

struct BulkOutcome {
  ReviewKind kind;
  Id id;
  bool approved = false;
  std::optional<Error> error;
};
// Approves each selected item, checking each again now; items that fail are
// reported and left as they were. One transaction.
[[nodiscard]] Result<std::vector<BulkOutcome>> BulkApprove(
    const Deps& deps, const Caller& caller, const std::vector<std::pair<ReviewKind, Id>>& items);

[[nodiscard]] Result<std::vector<Doctor>> FindDoctors(const Deps& deps, const Caller& caller,
                                                      std::string_view query);
// A doctor as staff type them on the paper desk, before any check.
struct DoctorDraft {
  std::string registry_number;
  std::string name;
  std::string kana;
  std::optional<Date> birth_date;
  std::string member_id;  // empty for a non-member
  std::string association_code;
  std::string postal_code;
  std::string address;
  std::string email;
};
// Every field checked (registry number, name, katakana reading, birth date
// in the past, member ID, postal code, e-mail), normalised; the first
// problem names its field.
[[nodiscard]] Result<Doctor> ValidateDoctorDraft(const DoctorDraft& draft, const Date& today);
// A doctor created by staff on the spot (paper channel), in their scope.
[[nodiscard]] Result<Doctor> CreateDoctor(const Deps& deps, const Caller& caller,
                                          const DoctorDraft& draft);

struct PaperApplication {
  std::string registry_number;
  Id scan_file_id = 0;
};
// Where a paper application was routed (for the clerk who entered it, who
// may not see it afterwards: a non-member's can go to the prefecture).
struct RoutedTo {
  std::string code;
  std::string name;
};
[[nodiscard]] Result<Id> EnterPaperApplication(const Deps& deps, const Caller& caller,
                                               const PaperApplication& paper,
                                               RoutedTo* routed = nullptr);

[[nodiscard]] Result<std::vector<AuditRecord>> ItemAudit(const Deps& deps, const Caller& caller,
                                                         ReviewKind kind, Id id);

[[nodiscard]] Result<RoutingRule> GetRouting(const Deps& deps, const Caller& caller,
                                             std::string_view prefecture_code);
[[nodiscard]] Status PutRouting(const Deps& deps, const Caller& caller, const RoutingRule& rule);

// Institutions: completion status of affiliated doctors.
struct AffiliatedStatus {
  Doctor doctor;
  bool complete = false;
  bool certified = false;  // an approved application exists
};
[[nodiscard]] Result<std::vector<AffiliatedStatus>> InstitutionDoctors(const Deps& deps,
                                                                       const Caller& caller);

// Input checks shared by reports and corrections (dates not in the future).
[[nodiscard]] Status ValidateActivity(const ActivityInput& in, Date today,
                                      const std::vector<ActivityCategory>& catalogue);
[[nodiscard]] Status ValidateDeclaration(const DeclarationInput& in, Date today);

}  // namespace kakari::core
