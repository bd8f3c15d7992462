// The signer a running server holds: the key files of one directory, re-read
// when `current` there names another key, so that `kakari keys rotate` (on a
// directory all servers share) reaches every server without a restart.
// Thread-safe: many request threads sign at once while one of them reloads;
// each signature is made with a whole, consistent set of keys.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "crypto/key_files.hpp"

namespace kakari::crypto {

class KeyRing final : public core::Signer {
 public:
  // Reads `dir` now; `recheck` is how often `current` is looked at again.
  [[nodiscard]] static core::Result<std::unique_ptr<KeyRing>> Open(
      std::string dir, std::chrono::milliseconds recheck = std::chrono::seconds(1));

  std::string CurrentKeyId() const override;
  // Signs with `key_id`; a key added since the last look is loaded first.
  std::string Sign(std::string_view key_id, std::string_view message) const override;

 private:
  KeyRing(std::string dir, std::chrono::milliseconds recheck, KeyFiles keys);
  std::shared_ptr<const KeyFiles> Keys(bool force_reload) const;

  std::string dir_;
  std::chrono::milliseconds recheck_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const KeyFiles> keys_;              // guarded by mutex_
  mutable std::chrono::steady_clock::time_point checked_at_;  // guarded by mutex_
};

}  // namespace kakari::crypto
