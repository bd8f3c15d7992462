#include "crypto/key_files.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kakari::crypto {

namespace fs = std::filesystem;

namespace {

core::Error KeyError(const std::string& ja, const std::string& en, const std::string& detail) {
  return core::MakeError(core::ErrorCode::kUnavailable, ja, en, "keys", detail);
}

std::string ReadSmallFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::optional<std::string> FromHex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.c_str(),
                     hex.size(), nullptr, &len, nullptr) != 0 ||
      len != out.size()) {
    return std::nullopt;
  }
  return out;
}

// The 64-byte secret key and 32-byte public key for a 32-byte seed.
std::pair<std::string, std::string> KeyPairOf(const std::string& seed) {
  std::string pk(crypto_sign_PUBLICKEYBYTES, '\0');
  std::string sk(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(pk.data()),
                           reinterpret_cast<unsigned char*>(sk.data()),
                           reinterpret_cast<const unsigned char*>(seed.data()));
  return {sk, pk};
}

}  // namespace

std::string KeyIdOf(std::string_view public_key) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(public_key.data()),
                     public_key.size());
  return core::HexEncode(std::string_view(reinterpret_cast<const char*>(digest), 4));
}

core::Result<KeyFiles> KeyFiles::Open(const std::string& dir) {
  if (sodium_init() < 0)
    return tl::unexpected(
        KeyError("暗号ライブラリを初期化できません", "libsodium init failed", ""));
  KeyFiles keys;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return keys;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".key") continue;
    auto seed = FromHex(ReadSmallFile(entry.path()));
    if (!seed || seed->size() != crypto_sign_SEEDBYTES) {
      return tl::unexpected(KeyError("署名鍵のファイルが壊れています: " + entry.path().string(),
                                     "a signing key file is damaged: " + entry.path().string(),
                                     ""));
    }
    auto [sk, pk] = KeyPairOf(*seed);
    std::string id = KeyIdOf(pk);
    if (id != entry.path().stem().string()) {
      return tl::unexpected(KeyError(
          "署名鍵のファイル名と中身が合いません: " + entry.path().string(),
          "a signing key file's name does not match its key: " + entry.path().string(), ""));
    }
    keys.secret_keys_[id] = sk;
  }
  std::string current = CurrentOnDisk(dir);
  if (!current.empty() && keys.secret_keys_.count(current)) keys.current_ = current;
  return keys;
}

core::Result<PublicKey> KeyFiles::Generate(const std::string& dir) {
  if (sodium_init() < 0)
    return tl::unexpected(
        KeyError("暗号ライブラリを初期化できません", "libsodium init failed", ""));
  std::error_code ec;
  fs::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  std::string seed(crypto_sign_SEEDBYTES, '\0');
  randombytes_buf(seed.data(), seed.size());
  auto [sk, pk] = KeyPairOf(seed);
  std::string id = KeyIdOf(pk);
  fs::path file = fs::path(dir) / (id + ".key");
  {
    std::ofstream out(file);
    out << core::HexEncode(seed) << "\n";
    if (!out) {
      return tl::unexpected(KeyError("署名鍵を書き込めません: " + file.string(),
                                     "cannot write the signing key: " + file.string(), ""));
    }
  }
  ::chmod(file.c_str(), 0600);
  sodium_memzero(seed.data(), seed.size());
  return PublicKey{id, pk};
}

core::Status KeyFiles::MakeCurrent(const std::string& dir, const std::string& id) {
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / (id + ".key"), ec)) {
    return tl::unexpected(
        KeyError("その署名鍵はありません: " + id, "no such signing key: " + id, ""));
  }
  fs::path tmp = fs::path(dir) / "current.tmp";
  {
    std::ofstream out(tmp);
    out << id << "\n";
    if (!out) {
      return tl::unexpected(
          KeyError("現在の鍵を切り替えられません", "cannot switch the current key", tmp.string()));
    }
  }
  fs::rename(tmp, fs::path(dir) / "current", ec);  // atomic: readers see the old or the new id
  if (ec) {
    return tl::unexpected(
        KeyError("現在の鍵を切り替えられません", "cannot switch the current key", ec.message()));
  }
  return {};
}

std::string KeyFiles::CurrentOnDisk(const std::string& dir) {
  return ReadSmallFile(fs::path(dir) / "current");
}

std::string KeyFiles::Sign(std::string_view key_id, std::string_view message) const {
  auto it = secret_keys_.find(std::string(key_id));
  if (it == secret_keys_.end()) return {};
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(it->second.data()));
  return sig;
}

std::map<std::string, std::string> KeyFiles::PublicKeys() const {
  std::map<std::string, std::string> out;
  for (const auto& [id, sk] : secret_keys_) {
    out[id] = sk.substr(crypto_sign_SEEDBYTES);  // libsodium: seed || public key
  }
  return out;
}

}  // namespace kakari::crypto
