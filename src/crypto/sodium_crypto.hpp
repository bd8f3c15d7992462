// core::Crypto on libsodium: Argon2id password hashes (crypto_pwhash_str,
// interactive limits), SHA-256 and the system's secure random source; the
// password strength estimate from zxcvbn.
// Thread-safe after construction.
#pragma once

#include "core/ports/system.hpp"

namespace kakari::crypto {

class SodiumCrypto final : public core::Crypto {
 public:
  // Initialises libsodium; aborts if it cannot (no secure random source).
  SodiumCrypto();
  std::string Sha256Hex(std::string_view data) const override;
  std::string HashPassword(std::string_view password) const override;
  bool VerifyPassword(std::string_view hash, std::string_view password) const override;
  // In zxcvbn_estimate.cpp: zxcvbn (Debian's libzxcvbn), not libsodium.
  core::PasswordEstimate EstimatePassword(
      std::string_view password, const std::vector<std::string>& personal_words) const override;
  std::string RandomBytes(size_t n) const override;
  bool VerifySignature(std::string_view public_key, std::string_view message,
                       std::string_view signature) const override;
};

}  // namespace kakari::crypto
