#include "core/domain/password_strength.hpp"

#include <cstdio>

namespace kakari::core {

namespace {

struct Reason {
  std::string_view ja;
  std::string_view en;
};

Reason ReasonFor(const PasswordEstimate& e) {
  for (PasswordPattern p : e.patterns) {
    if (p == PasswordPattern::kPersonal) {
      return {"ログインID・医籍登録番号・氏名・生年月日など、あなたの情報が含まれています",
              "it contains your login, registry number, name or birth date"};
    }
  }
  if (e.patterns.empty()) return {"短く単純で推測されやすいです", "it is short and simple"};
  switch (e.patterns.front()) {
    case PasswordPattern::kRepeat:
      return {"同じ文字や語の繰り返しです", "it repeats the same characters or words"};
    case PasswordPattern::kSequence:
      return {"1234やabcdのような並びです", "it is a sequence like 1234 or abcd"};
    case PasswordPattern::kCommonWord:
      return {"よく使われるパスワードや単語です", "it is a common password or word"};
    case PasswordPattern::kKeyboard:
      return {"qwertyのようなキーボードの並びです", "it is a keyboard pattern like qwerty"};
    case PasswordPattern::kDate:
      return {"日付や年です", "it is a date or a year"};
    case PasswordPattern::kPersonal:
      break;
  }
  return {"推測されやすいです", "it is easy to guess"};
}

void AddSplit(std::vector<std::string>& out, std::string_view text) {
  if (text.empty()) return;
  out.emplace_back(text);
  std::string joined;
  size_t start = 0;
  while (start <= text.size()) {
    // Parts are separated by an ASCII or an ideographic space (U+3000).
    size_t ascii = text.find(' ', start);
    size_t wide = text.find("\u3000", start);
    size_t end = std::min(ascii, wide);
    std::string_view part = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!part.empty()) {
      if (part.size() != text.size()) out.emplace_back(part);
      joined += part;
    }
    if (end == std::string_view::npos) break;
    start = end + (end == wide ? 3 : 1);
  }
  if (joined.size() != text.size() && !joined.empty()) out.push_back(joined);
}

void AddBirthDate(std::vector<std::string>& out, const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  out.emplace_back(buf);
  out.emplace_back(buf + 2);  // YYMMDD
  out.emplace_back(buf + 4);  // MMDD
}

}  // namespace

std::vector<std::string> PersonalWords(std::string_view login, const Doctor* doctor) {
  std::vector<std::string> words{std::string(login)};
  if (!doctor) return words;
  words.push_back(doctor->registry_number);
  AddSplit(words, doctor->name);
  AddSplit(words, doctor->kana);
  if (auto at = doctor->email.find('@'); at != std::string::npos && at > 0) {
    words.push_back(doctor->email.substr(0, at));
  }
  if (doctor->birth_date.year > 1900) AddBirthDate(words, doctor->birth_date);
  return words;
}

Status JudgePassword(std::string_view password, std::string_view login,
                     const PasswordEstimate& estimate) {
  size_t chars = 0;
  for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
  if (chars < 10 || password.size() > 200) {
    return Fail(ErrorCode::kUnprocessable, "パスワードは10文字以上にしてください",
                "the password must be at least 10 characters long", "new_password");
  }
  if (password == login) {
    return Fail(ErrorCode::kUnprocessable, "ログインIDと同じパスワードは使えません",
                "the password must differ from the login ID", "new_password");
  }
  if (estimate.bits >= kMinPasswordBits) return {};
  Reason why = ReasonFor(estimate);
  return Fail(ErrorCode::kUnprocessable,
              "推測されやすいため使えません：" + std::string(why.ja) +
                  "。関係のない語を3つ以上つなげるなど、長く推測しにくいものにしてください",
              "this password is too easy to guess: " + std::string(why.en) +
                  ". Use a longer one, for example three or more unrelated words",
              "new_password");
}

}  // namespace kakari::core
