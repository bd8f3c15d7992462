#include "crypto/sodium_crypto.hpp"

#include <sodium.h>

#include <cstdlib>
#include <iostream>

namespace kakari::crypto {

SodiumCrypto::SodiumCrypto() {
  if (sodium_init() < 0) {
    std::cerr << "kakari: libsodium could not be initialised\n";
    std::abort();
  }
}

std::string SodiumCrypto::Sha256Hex(std::string_view data) const {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return core::HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string SodiumCrypto::HashPassword(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    std::cerr << "kakari: out of memory hashing a password\n";
    std::abort();
  }
  return out;
}

bool SodiumCrypto::VerifyPassword(std::string_view hash, std::string_view password) const {
  std::string h(hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumCrypto::RandomBytes(size_t n) const {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

bool SodiumCrypto::VerifySignature(std::string_view public_key, std::string_view message,
                                   std::string_view signature) const {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(
             reinterpret_cast<const unsigned char*>(signature.data()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(),
             reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace kakari::crypto
