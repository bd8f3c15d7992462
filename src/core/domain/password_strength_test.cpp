#include "core/domain/password_strength.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kakari::core {
namespace {

const PasswordEstimate kStrong{60, {}};

TEST(Passwords, LengthCountsCharactersNotBytes) {
  EXPECT_TRUE(JudgePassword("かかりつけ医機能報告研修", "doctor1", kStrong));
  EXPECT_FALSE(JudgePassword("かかりつけ医", "doctor1", kStrong));  // 6 characters, 18 bytes
  auto same = JudgePassword("doctor1234", "doctor1234", kStrong);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().field, "new_password");
  EXPECT_EQ(same.error().message_en, "the password must differ from the login ID");
}

TEST(Passwords, GuessableOnesAreRefusedWithTheReason) {
  struct Case {
    PasswordEstimate estimate;
    std::string_view en;
    std::string_view ja;
  };
  const Case cases[] = {
      {{5, {PasswordPattern::kRepeat}}, "repeats the same characters", "繰り返し"},
      {{4, {PasswordPattern::kSequence}}, "a sequence like 1234", "1234やabcd"},
      {{3, {PasswordPattern::kCommonWord, PasswordPattern::kSequence}},
       "a common password",
       "よく使われる"},
      {{10, {PasswordPattern::kKeyboard}}, "keyboard pattern", "キーボード"},
      {{9, {PasswordPattern::kDate}}, "a date", "日付"},
      // The person's own words are named even when another part is larger.
      {{4, {PasswordPattern::kCommonWord, PasswordPattern::kPersonal}},
       "your login",
       "あなたの情報"},
      {{20, {}}, "short and simple", "推測されやすい"},
  };
  for (const auto& c : cases) {
    auto v = JudgePassword("long enough text", "someone", c.estimate);
    ASSERT_FALSE(v) << c.en;
    EXPECT_EQ(v.error().code, ErrorCode::kUnprocessable);
    EXPECT_EQ(v.error().field, "new_password");
    EXPECT_NE(v.error().message_en.find(c.en), std::string::npos) << v.error().message_en;
    EXPECT_NE(v.error().message_ja.find(c.ja), std::string::npos) << v.error().message_ja;
  }
  EXPECT_TRUE(JudgePassword("long enough text", "someone", {kMinPasswordBits, {}}));
  EXPECT_FALSE(JudgePassword("long enough text", "someone", {kMinPasswordBits - 0.1, {}}));
}

TEST(Passwords, PersonalWordsOfADoctor) {
  Doctor d;
  d.registry_number = "100001";
  d.name = "山田　太郎";
  d.kana = "ヤマダ タロウ";
  d.email = "taro.yamada@example.jp";
  d.birth_date = Date{1975, 4, 1};
  auto words = PersonalWords("99100001", &d);
  for (std::string_view w :
       {"99100001", "100001", "山田　太郎", "山田", "太郎", "山田太郎", "ヤマダ", "タロウ",
        "ヤマダタロウ", "taro.yamada", "19750401", "750401", "0401"}) {
    EXPECT_NE(std::find(words.begin(), words.end(), w), words.end()) << w;
  }
  EXPECT_EQ(PersonalWords("reviewer-13001", nullptr), std::vector<std::string>{"reviewer-13001"});
}

}  // namespace
}  // namespace kakari::core
