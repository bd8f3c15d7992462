#include "core/domain/text.hpp"

#include <gtest/gtest.h>

#include "core/domain/field_text.hpp"

namespace kakari::core {
namespace {

TEST(TextTest, NfkcFoldsWidths) {
  EXPECT_EQ(NormalizeNfkc("１２３４５６"), "123456");
  EXPECT_EQ(NormalizeNfkc("ＡＢＣａｂｃ"), "ABCabc");
  EXPECT_EQ(NormalizeNfkc("ﾔﾏﾀﾞ ﾀﾛｳ"), "ヤマダ タロウ");
  EXPECT_EQ(NormalizeNfkc("令和７年４月１日"), "令和7年4月1日");
  // Names keep their variant kanji under NFKC.
  EXPECT_EQ(NormalizeNfkc("髙橋"), "髙橋");
}

TEST(TextTest, IsNfkcTellsWhatNormalisationWouldChange) {
  for (const char* same : {"", "講習会 第1回", "髙橋", "ヤマダ タロウ", "abc"}) {
    EXPECT_TRUE(IsNfkc(same)) << same;
    EXPECT_EQ(NormalizeNfkc(same), same);
  }
  for (const char* changed : {"１２３", "ﾔﾏﾀﾞ", "講習会　第1回", "㈱日本"}) {
    EXPECT_FALSE(IsNfkc(changed)) << changed;
    EXPECT_NE(NormalizeNfkc(changed), changed);
  }
  EXPECT_FALSE(IsNfkc("\xff\xfe"));  // ill-formed: never taken as normalised
}

TEST(TextTest, NormalizedFieldTrimsAndFoldsOnlyWhatNeedsIt) {
  std::string buffer;
  std::string_view kept = NormalizedField("  講習会 第1回 ", buffer);
  EXPECT_EQ(kept, "講習会 第1回");
  EXPECT_TRUE(buffer.empty());  // already NFKC: a view of the input, no copy
  EXPECT_EQ(NormalizedField("　ＡＢＣ講習会　", buffer), "ABC講習会");
}

TEST(TextTest, SearchKeyMatchesHoweverTyped) {
  struct Case {
    const char* a;
    const char* b;
  };
  for (auto c : {Case{"髙橋　太郎", "高橋太郎"}, Case{"山﨑", "山崎"}, Case{"𠮷田", "吉田"},
                 Case{"渡邉", "渡辺"}, Case{"齋藤", "斎藤"}, Case{"ﾀｶﾊｼ ﾀﾛｳ", "たかはし　たろう"},
                 Case{"ＳＡＴＯ", "sato"}}) {
    EXPECT_EQ(SearchKey(c.a), SearchKey(c.b)) << c.a << " vs " << c.b;
  }
  EXPECT_NE(SearchKey("高橋"), SearchKey("高端"));
}

TEST(TextTest, Utf8Validity) {
  EXPECT_TRUE(IsValidUtf8("髙橋𠮷"));
  EXPECT_FALSE(IsValidUtf8("\x82\xa0"));  // Shift_JIS あ
  EXPECT_FALSE(IsValidUtf8("\xe3\x81"));  // truncated
  EXPECT_EQ(CodePointCount("𠮷田"), 2u);
}

TEST(TextTest, KatakanaReading) {
  EXPECT_EQ(KatakanaReading("たかはし　たろう"), "タカハシ　タロウ");
  EXPECT_EQ(KatakanaReading("ﾀｶﾊｼ  ﾀﾛｳ"), "タカハシ　タロウ");
  EXPECT_TRUE(IsKatakanaReading("タカハシ　タロウ"));
  EXPECT_FALSE(IsKatakanaReading("高橋"));
  EXPECT_FALSE(IsKatakanaReading(""));
}

}  // namespace
}  // namespace kakari::core

namespace kakari::core {
namespace {

TEST(TextTest, TextFlawsAtTheBoundary) {
  struct Case {
    std::string_view text;
    bool multiline;
    TextFlaw want;
  };
  using std::string_view_literals::operator""sv;
  const Case cases[] = {
      {"髙橋　𠮷男", false, TextFlaw::kNone},
      {"", false, TextFlaw::kNone},
      {"一行目\n二行目\tタブ", true, TextFlaw::kNone},
      {"一行目\n二行目", false, TextFlaw::kControlCharacter},
      {"tab\there", false, TextFlaw::kControlCharacter},
      {"nul\0inside"sv, true, TextFlaw::kControlCharacter},
      {"bell\x07", true, TextFlaw::kControlCharacter},
      {"cr\r\n", true, TextFlaw::kControlCharacter},
      {"del\x7f", true, TextFlaw::kControlCharacter},
      {"c1 \xc2\x85 next line", true, TextFlaw::kControlCharacter},
      {"\xc2\xa0 no-break space is text", false, TextFlaw::kNone},
      {"\x82\xa0", false, TextFlaw::kInvalidUtf8},      // Shift_JIS あ
      {"\xed\xa0\x80", false, TextFlaw::kInvalidUtf8},  // a UTF-16 surrogate
      {"\xc0\xaf", false, TextFlaw::kInvalidUtf8},      // overlong '/'
      {"abc\xe3\x81", false, TextFlaw::kInvalidUtf8},   // truncated
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FindTextFlaw(c.text, c.multiline), c.want) << c.text;
  }
}

}  // namespace
}  // namespace kakari::core
