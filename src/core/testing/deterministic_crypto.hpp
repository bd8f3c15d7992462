// Deterministic stand-ins for the crypto ports, so that service tests give
// the same bytes every run and need no key files: a 256-bit FNV-based digest
// in place of SHA-256, reversible "password hashes", counting random bytes,
// and a signer whose signatures the crypto verifies. Never for production:
// none of it resists an attacker. Test-only.
// Thread-safety: DeterministicCrypto's random counter is atomic (services
// may call from several threads); the signer is immutable.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/system.hpp"

namespace kakari::core::testing {

class DeterministicCrypto final : public Crypto {
 public:
  std::string Sha256Hex(std::string_view data) const override;
  std::string HashPassword(std::string_view password) const override;
  bool VerifyPassword(std::string_view hash, std::string_view password) const override;
  // 3.5 bits per character, none for a personal word found inside it.
  PasswordEstimate EstimatePassword(std::string_view password,
                                    const std::vector<std::string>& personal_words) const override;
  std::string RandomBytes(size_t n) const override;
  bool VerifySignature(std::string_view public_key, std::string_view message,
                       std::string_view signature) const override;

 private:
  mutable std::atomic<uint64_t> counter_{0};
};

class DeterministicSigner final : public Signer {
 public:
  explicit DeterministicSigner(std::string key_id = "test-key-1");
  std::string CurrentKeyId() const override { return key_id_; }
  std::string Sign(std::string_view key_id, std::string_view message) const override;
  // The 32-byte public half to publish in the store.
  const std::string& PublicKey() const { return public_key_; }

 private:
  std::string key_id_;
  std::string public_key_;
};

// The 64-byte signature DeterministicSigner makes for `public_key`.
std::string DeterministicSignature(std::string_view public_key, std::string_view message);

}  // namespace kakari::core::testing
