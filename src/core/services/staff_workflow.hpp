// The staff side of the completion workflow: a doctor's progress, the review
// queue, decisions, bulk approval, the paper desk (doctors and paper
// applications), an item's audit trail, routing rules and an institution's
// doctors. Each runs in one transaction with its audit record. No I/O.
// Thread-safe: every call opens its own unit of work; Deps may be shared.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/services/progress_service.hpp"
#include "core/services/service_support.hpp"

namespace kakari::core {

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

}  // namespace kakari::core
