// The audit trail: who (user, role) did what to which subject, when, and from
// which address. Records are chained: each one's hash covers its content and
// the previous record's hash, so changing or removing any record breaks every
// later link. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/domain/entities.hpp"

namespace kakari::core {

class Hasher {
 public:
  virtual ~Hasher() = default;
  // SHA-256 of `data` as 64 lower-case hex digits.
  virtual std::string Sha256Hex(std::string_view data) const = 0;
};

struct AuditRecord {
  Id id = 0;       // assigned by storage, in order
  std::string at;  // UTC ISO time
  std::optional<Id> actor_user_id;
  std::string actor_role;    // "doctor", "reviewer", ... or "anonymous"
  std::string action;        // "application.approve", "doctor.view", ...
  std::string subject_type;  // "application", "doctor", "session", ...
  std::string subject_id;
  std::string detail;  // short, no secrets (never passwords or codes)
  std::string remote_address;
  std::string prev_hash;
  std::string hash;
};

inline constexpr const char* kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The hash of `r` chained to r.prev_hash (r.hash is not read).
std::string AuditHash(const Hasher& hasher, const AuditRecord& r);

// Makes `r` the record after the tail (id, prev_hash, hash).
void ChainAfter(AuditRecord& r, Id tail_id, const std::string& tail_hash, const Hasher& hasher);

// Checks records fed in id order; remembers the first broken one.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(const Hasher& hasher) : hasher_(hasher) {}
  // False once a record does not link to the one before or its hash is wrong.
  bool Feed(const AuditRecord& r);
  int64_t checked() const { return checked_; }
  std::optional<Id> first_broken() const { return first_broken_; }
  const std::string& reason() const { return reason_; }

 private:
  const Hasher& hasher_;
  std::string expected_prev_ = kAuditGenesisHash;
  int64_t checked_ = 0;
  std::optional<Id> last_id_;
  std::optional<Id> first_broken_;
  std::string reason_;
};

}  // namespace kakari::core
