#include "crypto/key_ring.hpp"

#include <iostream>

namespace kakari::crypto {

core::Result<std::unique_ptr<KeyRing>> KeyRing::Open(std::string dir,
                                                     std::chrono::milliseconds recheck) {
  auto keys = KeyFiles::Open(dir);
  KAKARI_RETURN_IF_ERROR(keys);
  return std::unique_ptr<KeyRing>(new KeyRing(std::move(dir), recheck, std::move(*keys)));
}

KeyRing::KeyRing(std::string dir, std::chrono::milliseconds recheck, KeyFiles keys)
    : dir_(std::move(dir)),
      recheck_(recheck),
      keys_(std::make_shared<const KeyFiles>(std::move(keys))),
      checked_at_(std::chrono::steady_clock::now()) {}

// The keys to sign with: reloaded when `current` on disk names another key
// than the loaded one (looked at no more often than `recheck_`, unless
// forced). A directory that cannot be read keeps the keys already loaded:
// a server goes on signing with the old key rather than stop issuing.
std::shared_ptr<const KeyFiles> KeyRing::Keys(bool force_reload) const {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (!force_reload && now - checked_at_ < recheck_) return keys_;
  checked_at_ = now;
  if (!force_reload && KeyFiles::CurrentOnDisk(dir_) == keys_->CurrentKeyId()) return keys_;
  auto fresh = KeyFiles::Open(dir_);
  if (!fresh) {
    std::cerr << "kakari: signing keys not reloaded: " << fresh.error().message_en << "\n";
    return keys_;
  }
  keys_ = std::make_shared<const KeyFiles>(std::move(*fresh));
  return keys_;
}

std::string KeyRing::CurrentKeyId() const { return Keys(false)->CurrentKeyId(); }

std::string KeyRing::Sign(std::string_view key_id, std::string_view message) const {
  std::string signature = Keys(false)->Sign(key_id, message);
  if (signature.empty()) signature = Keys(true)->Sign(key_id, message);
  return signature;
}

}  // namespace kakari::crypto
