// The password strength estimate: zxcvbn's guesses (as bits) and the
// guessable parts it matched, largest first.
#include <zxcvbn.h>

#include <algorithm>
#include <optional>

#include "crypto/sodium_crypto.hpp"

namespace kakari::crypto {

namespace {

using core::PasswordPattern;

std::optional<PasswordPattern> PatternOf(int type) {
  int base = type & ~MULTIPLE_MATCH;
  // The person's own words are named even when repeated.
  if (base == USER_MATCH || base == USER_LEET_MATCH) return PasswordPattern::kPersonal;
  if (type & MULTIPLE_MATCH) return PasswordPattern::kRepeat;
  switch (base) {
    case DICTIONARY_MATCH:
    case DICT_LEET_MATCH:
      return PasswordPattern::kCommonWord;
    case USER_MATCH:
    case USER_LEET_MATCH:
      return PasswordPattern::kPersonal;
    case REPEATS_MATCH:
      return PasswordPattern::kRepeat;
    case SEQUENCE_MATCH:
      return PasswordPattern::kSequence;
    case SPATIAL_MATCH:
      return PasswordPattern::kKeyboard;
    case DATE_MATCH:
    case YEAR_MATCH:
      return PasswordPattern::kDate;
    default:
      return std::nullopt;  // brute force, long password: nothing to name
  }
}

}  // namespace

core::PasswordEstimate SodiumCrypto::EstimatePassword(
    std::string_view password, const std::vector<std::string>& personal_words) const {
  std::string text(password.substr(0, std::min<size_t>(password.size(), 256)));
  std::vector<const char*> dict;
  for (const auto& w : personal_words) {
    if (w.size() >= 3) dict.push_back(w.c_str());
  }
  dict.push_back(nullptr);
  ZxcMatch_t* info = nullptr;
  core::PasswordEstimate out;
  out.bits = ZxcvbnMatch(text.c_str(), dict.data(), &info);
  std::vector<std::pair<int, PasswordPattern>> found;
  for (const ZxcMatch_t* m = info; m; m = m->Next) {
    if (auto p = PatternOf(m->Type)) found.emplace_back(m->Length, *p);
  }
  ZxcvbnFreeInfo(info);
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [length, pattern] : found) out.patterns.push_back(pattern);
  return out;
}

}  // namespace kakari::crypto
