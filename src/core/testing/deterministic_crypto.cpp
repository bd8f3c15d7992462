#include "core/testing/deterministic_crypto.hpp"

#include <algorithm>

#include "core/domain/encoding.hpp"

namespace kakari::core::testing {

namespace {

// Four FNV-1a passes with different seeds: 32 bytes that change with every
// input byte. Enough to tell records apart, nothing more.
std::string Digest(std::string_view data) {
  std::string out;
  for (uint64_t seed : {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull, 0x9e3779b97f4a7c15ull,
                        0x7f4a7c159e3779b9ull}) {
    uint64_t h = seed;
    for (unsigned char c : data) h = (h ^ c) * 0x100000001b3ull;
    for (int i = 0; i < 8; ++i) out += static_cast<char>((h >> (8 * i)) & 0xff);
  }
  return out;
}

}  // namespace

std::string DeterministicCrypto::Sha256Hex(std::string_view data) const {
  return HexEncode(Digest(data));
}

std::string DeterministicCrypto::HashPassword(std::string_view password) const {
  return "$fake$" + HexEncode(password);
}

bool DeterministicCrypto::VerifyPassword(std::string_view hash, std::string_view password) const {
  return hash == HashPassword(password);
}

PasswordEstimate DeterministicCrypto::EstimatePassword(
    std::string_view password, const std::vector<std::string>& personal_words) const {
  PasswordEstimate e;
  bool personal = std::any_of(personal_words.begin(), personal_words.end(), [&](const auto& w) {
    return !w.empty() && password.find(w) != std::string_view::npos;
  });
  e.bits = personal ? 0 : 3.5 * static_cast<double>(password.size());
  if (personal) e.patterns.push_back(PasswordPattern::kPersonal);
  return e;
}

std::string DeterministicCrypto::RandomBytes(size_t n) const {
  std::string out;
  while (out.size() < n) out += Digest("random-" + std::to_string(counter_++));
  out.resize(n);
  return out;
}

bool DeterministicCrypto::VerifySignature(std::string_view public_key, std::string_view message,
                                          std::string_view signature) const {
  return public_key.size() == 32 && signature == DeterministicSignature(public_key, message);
}

std::string DeterministicSignature(std::string_view public_key, std::string_view message) {
  std::string key(public_key);
  return Digest(key + "|" + std::string(message)) + Digest(std::string(message) + "|" + key);
}

DeterministicSigner::DeterministicSigner(std::string key_id)
    : key_id_(std::move(key_id)), public_key_(Digest("public-" + key_id_)) {}

std::string DeterministicSigner::Sign(std::string_view key_id, std::string_view message) const {
  if (key_id != key_id_) return {};
  return DeterministicSignature(public_key_, message);
}

}  // namespace kakari::core::testing
