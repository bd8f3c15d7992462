// What every use-case service needs: its dependencies, the caller, the audit
// record written in the same transaction as the change, idempotency keys,
// and loading a review item the caller may see. No I/O of its own.
// Thread-safe: Deps and Caller may be shared read-only; a UnitOfWork passed in belongs to the
// calling thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/access.hpp"
#include "core/ports/renderer.hpp"
#include "core/ports/store.hpp"
#include "core/ports/system.hpp"

namespace kakari::core {

struct Deps {
  Store& store;
  const Crypto& crypto;
  const Clock& clock;
  // Signs new certificates; without it (or without a key) approving an
  // application fails with a message saying to generate a key.
  const Signer* signer = nullptr;
  // Renders printable documents (certificates, labels, forms, answer
  // sheets); the services that return a PDF fail kUnavailable without it.
  const DocumentRenderer* renderer = nullptr;
};

// kPermissionDenied unless `who` holds `p`; the message says who may (reviewing staff,
// administrators, ...). The one permission check every service uses.
[[nodiscard]] Status RequirePermission(const Principal& who, Permission p);

// kPermissionDenied unless `who` is a JMA administrator (programme, certificate settings).
[[nodiscard]] Status RequireJmaAdmin(const Principal& who);

struct Caller {
  Principal principal;
  std::string remote_address;
  std::string idempotency_key;  // empty: none sent
  std::string fingerprint;      // of the request body, for idempotency
  bool command_line = false;    // the operator at the server's console
};

// The operator at the server's command line (kakari import, keys, cert):
// the whole registry in scope, as the JMA administrators have it; audited
// with actor role "operator" and no user.
Caller CommandLineCaller();

// A rendered PDF and the name it is offered under.
struct PdfFile {
  std::string bytes;
  std::string filename;
};

// deps.renderer, or kUnavailable when the deployment has none.
[[nodiscard]] Result<const DocumentRenderer*> RendererOf(const Deps& deps);

// Appends one chained audit record inside `uow`. `caller` may be null for
// anonymous events (a failed login).
[[nodiscard]] Status WriteAudit(UnitOfWork& uow, const Deps& deps, const Caller* caller,
                                std::string_view action, std::string_view subject_type,
                                std::string_view subject_id, std::string_view detail = {});

// Records a read-only view of personal data in its own committed audit
// record, which the store may group with concurrent ones (and, on a database
// server, commit without waiting for the disk: see Store::AppendAudit);
// answer only when this succeeds.
Status RecordView(const Deps& deps, const Caller& caller, std::string_view action,
                  std::string_view subject_type, std::string_view subject_id,
                  std::string_view detail);

// Records an event whose change was committed on its own (a bulk import) in
// a write transaction of its own, as durable as any decision.
[[nodiscard]] Status RecordCommittedChange(const Deps& deps, const Caller& caller,
                                           std::string_view action, std::string_view subject_type,
                                           std::string_view subject_id, std::string_view detail);

// Like RecordView, for reads that must stay readable on a bad day: when the
// store cannot be written at all (kUnavailable: disk full, read-only) the read
// is answered without its view record rather than refused. Every other failure
// still refuses the read.
Status RecordViewUnlessUnwritable(const Deps& deps, const Caller& caller, std::string_view action,
                                  std::string_view subject_type, std::string_view subject_id,
                                  std::string_view detail);

// Runs `act` unless the caller's idempotency key was already used for the
// same request, in which case the first result is returned and nothing runs
// again. The same key with a different request is refused (kUnprocessable).
[[nodiscard]] Result<Id> Idempotent(UnitOfWork& uow, const Caller& caller,
                                    std::string_view operation,
                                    const std::function<Result<Id>()>& act);

// The item when the caller may see it; kNotFound otherwise (also when it
// exists but is out of scope: no existence leak).
[[nodiscard]] Result<ReviewItem> LoadVisibleItem(UnitOfWork& uow, const Principal& who,
                                                 ReviewKind kind, Id id);

// The doctor with this registry number when the caller may see them;
// kNotFound otherwise (also out of scope), kInvalidArgument for a bad number.
[[nodiscard]] Result<Doctor> LoadVisibleDoctor(UnitOfWork& uow, const Principal& who,
                                               std::string_view registry_number);

// The area a staff member asks about: their own when `area` is none, else
// `area` ("00" the whole country, "13", "13001") when it lies inside theirs.
// "" stands for the whole country. kPermissionDenied for non-staff,
// kInvalidArgument for a malformed code, kNotFound outside their area.
[[nodiscard]] Result<std::string> StaffArea(const Principal& who,
                                            const std::optional<std::string>& area);

// Runs `fn` in one write transaction and commits it when `fn` succeeds.
template <class T>
[[nodiscard]] Result<T> InTransaction(const Deps& deps,
                                      const std::function<Result<T>(UnitOfWork&)>& fn) {
  auto uow = deps.store.Begin(true);
  KAKARI_RETURN_IF_ERROR(uow);
  auto out = fn(**uow);
  if (!out) return out;
  KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  return out;
}

// Runs `fn` in one write transaction under the caller's idempotency key and
// commits it.
[[nodiscard]] Result<Id> InWriteTransaction(const Deps& deps, const Caller& caller,
                                            std::string_view operation,
                                            const std::function<Result<Id>(UnitOfWork&)>& fn);

// Moves `item` by `action`: checks the table and the version (kConflict when
// another change came first), records history and audit.
[[nodiscard]] Status ApplyTransition(UnitOfWork& uow, const Deps& deps, const Caller& caller,
                                     const ReviewItem& item, ReviewAction action,
                                     std::string_view reason);

[[nodiscard]] Error NotFoundError(std::string_view what_ja, std::string_view what_en);

// The doctor a doctor principal stands for (kNotFound if none).
[[nodiscard]] Result<Doctor> CallerDoctor(UnitOfWork& uow, const Principal& who);

// Runs `fn` in one read transaction on the calling doctor's own record
// (the doctor's permission checked first).
template <class T>
[[nodiscard]] Result<T> ReadOwnRecord(
    const Deps& deps, const Caller& caller,
    const std::function<Result<T>(UnitOfWork&, const Doctor&)>& fn) {
  KAKARI_RETURN_IF_ERROR(RequirePermission(caller.principal, Permission::kOwnRecord));
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto doctor = CallerDoctor(**uow, caller.principal);
  KAKARI_RETURN_IF_ERROR(doctor);
  return fn(**uow, *doctor);
}

// Where a submission of this doctor goes, by the prefecture's rule.
[[nodiscard]] Result<RouteDecision> RouteFor(UnitOfWork& uow, const Doctor& doctor);

// The doctor's eligibility now, and the approved activities that count.
struct CurrentStanding {
  Programme programme;
  Eligibility eligibility;
  std::vector<Id> approved_activity_ids;
};
[[nodiscard]] Result<CurrentStanding> StandingOf(UnitOfWork& uow, Id doctor_id);

struct AuditCheck {
  int64_t checked = 0;
  std::optional<Id> first_broken;
  std::string reason;
};
// Walks the whole audit chain in order.
[[nodiscard]] Result<AuditCheck> VerifyAudit(const Deps& deps);

}  // namespace kakari::core
