// Ports to the system: the clock and cryptography. Services take them so
// that core stays free of now() and of the crypto library; src/crypto and
// src/app supply the real ones, tests supply fixed ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/audit.hpp"
#include "core/domain/date.hpp"
#include "core/domain/encoding.hpp"
#include "core/domain/password_strength.hpp"

namespace kakari::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowUnixSeconds() const = 0;
  // The calendar day in Japan (UTC+9) at NowUnixSeconds().
  Date TodayInJapan() const { return Date::FromDays((NowUnixSeconds() + 9 * 3600) / 86400); }
};

// Thread-safe implementations required: the server calls from many threads.
class Crypto : public Hasher {
 public:
  // An Argon2id hash string (salt and parameters inside).
  virtual std::string HashPassword(std::string_view password) const = 0;
  // Constant-time check of `password` against a HashPassword() string.
  virtual bool VerifyPassword(std::string_view hash, std::string_view password) const = 0;
  // How many guesses `password` would take, knowing the person's words.
  virtual PasswordEstimate EstimatePassword(
      std::string_view password, const std::vector<std::string>& personal_words) const = 0;
  // `n` bytes from the system's secure random source.
  virtual std::string RandomBytes(size_t n) const = 0;
  // True when `signature` is the Ed25519 signature of `message` by the
  // 32-byte `public_key`.
  virtual bool VerifySignature(std::string_view public_key, std::string_view message,
                               std::string_view signature) const = 0;
};

// Ed25519 signing with the key that signs new certificates. The private keys
// live outside the database (src/crypto: key files); their public halves are
// published in the store so that anyone can verify.
class Signer {
 public:
  virtual ~Signer() = default;
  // The current key's id; empty when no key has been generated. It may change
  // between calls (keys are rotated while servers run), so a caller asks once
  // and signs with the id it was given.
  virtual std::string CurrentKeyId() const = 0;
  // The 64-byte detached signature of `message` with the key `key_id`; empty
  // when this signer does not hold that key.
  virtual std::string Sign(std::string_view key_id, std::string_view message) const = 0;
};

}  // namespace kakari::core
