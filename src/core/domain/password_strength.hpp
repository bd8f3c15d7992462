// How guessable a new password is, and what the person is told. The
// estimate itself comes from a strength estimator behind core::Crypto
// (zxcvbn in src/crypto); this file holds the rule and the words.
// Thread-safe: pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/domain/entities.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

// The kinds of guessable parts an estimator finds, most telling first.
enum class PasswordPattern { kPersonal, kRepeat, kSequence, kCommonWord, kKeyboard, kDate };

struct PasswordEstimate {
  double bits = 0;  // log2 of the guesses an attacker needs
  // Guessable parts found, the one covering the most characters first.
  std::vector<PasswordPattern> patterns;
};

// Fewer guesses than 2^28 (about 270 million) is refused: an Argon2id hash of
// such a password falls to one machine in days once a database is copied.
inline constexpr double kMinPasswordBits = 28;

// The words of the person an attacker would try first: the login, and for a
// doctor the registry number, the name and kana (whole and by part), the
// e-mail's local part and the birth date as people write it.
[[nodiscard]] std::vector<std::string> PersonalWords(std::string_view login, const Doctor* doctor);

// Length, the login itself and the estimate; the refusal names why, in
// Japanese and English, on field `new_password`.
[[nodiscard]] Status JudgePassword(std::string_view password, std::string_view login,
                                   const PasswordEstimate& estimate);

}  // namespace kakari::core
