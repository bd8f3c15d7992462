// Ed25519 signing keys kept as files outside the database: DIR/<id>.key
// holds one key's 32-byte seed in hex (mode 0600), DIR/current names the key
// that signs new certificates. A key's id is the first 8 hex digits of the
// SHA-256 of its public key. Rotation adds a key, publishes its public half
// in the database and only then moves `current` (so that no server signs with
// a key verifiers do not know yet); older keys stay so that what they signed
// still verifies. Running servers follow `current` (key_ring.hpp).
// Thread-safe once opened (const reads of keys loaded by Open); Generate and
// MakeCurrent write files and are for one operator at a time.
#pragma once

#include <map>
#include <string>

#include "core/domain/result.hpp"
#include "core/ports/system.hpp"

namespace kakari::crypto {

struct PublicKey {
  std::string id;
  std::string public_key;  // 32 bytes
};

class KeyFiles final : public core::Signer {
 public:
  // Reads every key in `dir`; an absent directory is an empty key ring.
  [[nodiscard]] static core::Result<KeyFiles> Open(const std::string& dir);
  // Creates a new key in `dir` (created 0700 if needed); `current` is not moved.
  [[nodiscard]] static core::Result<PublicKey> Generate(const std::string& dir);
  // Makes the key `id` (already in `dir`) the one that signs, atomically.
  [[nodiscard]] static core::Status MakeCurrent(const std::string& dir, const std::string& id);
  // What `dir/current` names now, read from disk (empty when absent).
  static std::string CurrentOnDisk(const std::string& dir);

  std::string CurrentKeyId() const override { return current_; }
  std::string Sign(std::string_view key_id, std::string_view message) const override;
  // The public half of every key in the directory, by id.
  std::map<std::string, std::string> PublicKeys() const;

 private:
  std::map<std::string, std::string> secret_keys_;  // id -> 64-byte libsodium secret key
  std::string current_;
};

// The id of a public key (see above).
std::string KeyIdOf(std::string_view public_key);

}  // namespace kakari::crypto
