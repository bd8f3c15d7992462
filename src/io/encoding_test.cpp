#include "io/encoding.hpp"

#include <gtest/gtest.h>

namespace kakari::io {
namespace {

TEST(EncodingTest, Utf8WithAndWithoutBom) {
  auto plain = DecodeToUtf8("氏名,髙橋");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->encoding, "UTF-8");
  EXPECT_EQ(plain->utf8, "氏名,髙橋");
  auto bom = DecodeToUtf8("\xEF\xBB\xBF氏名");
  ASSERT_TRUE(bom.has_value());
  EXPECT_EQ(bom->encoding, "UTF-8 (BOM)");
  EXPECT_EQ(bom->utf8, "氏名");
}

TEST(EncodingTest, Cp932WithNecAndIbmExtensions) {
  // 髙 and 﨑 are IBM extension kanji, ① and ㈱ NEC special characters:
  // plain Shift_JIS lacks all four.
  std::string text = "髙橋,山﨑,①,㈱,ｶﾀｶﾅ,１２３";
  auto sjis = EncodeCp932(text);
  ASSERT_TRUE(sjis.has_value()) << sjis.error().detail;
  EXPECT_NE(*sjis, text);
  auto back = DecodeToUtf8(*sjis);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->encoding, "CP932");
  EXPECT_EQ(back->utf8, text);
}

TEST(EncodingTest, RefusesGarbage) {
  // 0x81 0x20 is an invalid CP932 pair and invalid UTF-8.
  auto r = DecodeToUtf8(std::string("abc\x81\x20xyz"));
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message_en.find("neither UTF-8 nor Shift_JIS"), std::string::npos);
}

TEST(EncodingTest, Cp932CannotHoldCharactersOutsideIt) {
  EXPECT_FALSE(EncodeCp932("𠮷").has_value());
}

TEST(Encoding, LossyCp932ExportMarksMissingCharacters) {
  EXPECT_FALSE(EncodeCp932("\xF0\xA0\xAE\xB7田"));  // 𠮷田: strict refuses
  auto lossy = EncodeCp932Lossy("\xF0\xA0\xAE\xB7田");
  ASSERT_TRUE(lossy);
  EXPECT_EQ(*lossy, "\x81\xAC\x93\x63");  // 〓田
}

}  // namespace
}  // namespace kakari::io
