#include "core/domain/verify_code.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(VerifyCodeTest, TakesFiftyBitsOfTheSignature) {
  // 0x00.. -> all zeros; 0xff.. -> all Z (31); bits past the 50th do not count.
  EXPECT_EQ(VerifyCodeOf(std::string(64, '\0')), "0000000000");
  EXPECT_EQ(VerifyCodeOf(std::string(64, '\xff')), "ZZZZZZZZZZ");
  std::string one_bit(64, '\0');
  one_bit[6] = 0x40;  // the 50th bit
  EXPECT_EQ(VerifyCodeOf(one_bit), "0000000001");
  one_bit[6] = 0x20;  // the 51st: dropped
  EXPECT_EQ(VerifyCodeOf(one_bit), "0000000000");
  std::string first(64, '\0');
  first[0] = static_cast<char>(0x80);  // the first bit: 16 in the first character
  EXPECT_EQ(VerifyCodeOf(first), "G000000000");
}

TEST(VerifyCodeTest, ReadsWhatPeopleType) {
  struct Case {
    const char* typed;
    std::optional<std::string> code;
  };
  const std::vector<Case> cases = {
      {"7K3M9-QX2AB", "7K3M9QX2AB"},
      {"7k3m9qx2ab", "7K3M9QX2AB"},
      {" 7K3M9 QX2AB ", "7K3M9QX2AB"},
      {"７Ｋ３Ｍ９－ＱＸ２ＡＢ", "7K3M9QX2AB"},  // full width
      {"7K3M9ーQX2AB", "7K3M9QX2AB"},            // the dash a Japanese IME gives
      {"7K3M9−QX2AB", "7K3M9QX2AB"},
      {"O1LI0-00000", "0111000000"},   // look-alikes
      {"7K3M9-QX2A", std::nullopt},    // too short
      {"7K3M9-QX2ABC", std::nullopt},  // too long
      {"7K3M9-QX2AU", std::nullopt},   // U is not in the alphabet
      {"", std::nullopt},
      {"第K2026-000004号", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(NormaliseVerifyCode(c.typed), c.code) << c.typed;
}

TEST(VerifyCodeTest, PrintsAndLinks) {
  EXPECT_EQ(FormatVerifyCode("7K3M9QX2AB"), "7K3M9-QX2AB");
  EXPECT_EQ(ShortVerifyUrl("https://kakari.example/", "7K3M9QX2AB"),
            "https://kakari.example/v/7K3M9-QX2AB");
  std::string sig(64, '\x5a');
  auto code = VerifyCodeOf(sig);
  EXPECT_EQ(NormaliseVerifyCode(FormatVerifyCode(code)), code) << "round trip";
}

}  // namespace
}  // namespace kakari::core
