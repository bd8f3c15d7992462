#include "core/domain/audit.hpp"

namespace kakari::core {

namespace {

// Fields joined by a unit separator, each length-prefixed, so that no
// choice of field contents can produce the same text as another record.
void Put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '\x1f';
}

}  // namespace

std::string AuditHash(const Hasher& hasher, const AuditRecord& r) {
  std::string text;
  Put(text, std::to_string(r.id));
  Put(text, r.at);
  Put(text, r.actor_user_id ? std::to_string(*r.actor_user_id) : "");
  Put(text, r.actor_role);
  Put(text, r.action);
  Put(text, r.subject_type);
  Put(text, r.subject_id);
  Put(text, r.detail);
  Put(text, r.remote_address);
  Put(text, r.prev_hash);
  return hasher.Sha256Hex(text);
}

void ChainAfter(AuditRecord& r, Id tail_id, const std::string& tail_hash, const Hasher& hasher) {
  r.id = tail_id + 1;
  r.prev_hash = tail_hash;
  r.hash = AuditHash(hasher, r);
}

bool AuditChainVerifier::Feed(const AuditRecord& r) {
  if (first_broken_) return false;
  ++checked_;
  auto broken = [&](std::string why) {
    first_broken_ = r.id;
    reason_ = std::move(why);
    return false;
  };
  if (last_id_ && r.id != *last_id_ + 1) {
    return broken("record " + std::to_string(*last_id_ + 1) + " is missing");
  }
  last_id_ = r.id;
  if (r.prev_hash != expected_prev_) return broken("does not link to the record before it");
  if (AuditHash(hasher_, r) != r.hash) return broken("its content does not match its hash");
  expected_prev_ = r.hash;
  return true;
}

}  // namespace kakari::core
