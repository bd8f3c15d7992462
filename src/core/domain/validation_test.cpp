#include "core/domain/validation.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(InstitutionCodeTest, MhlwExampleIsValid) {
  EXPECT_EQ(InstitutionCodeCheckDigit("341071236"), 2);
  EXPECT_EQ(*ValidateInstitutionCode("3410712362"), "3410712362");
}

TEST(InstitutionCodeTest, CheckDigitTable) {
  struct Case {
    const char* first9;
    int check;
  };
  // Worked by hand, e.g. 271234567: 7x2=14->5, 6, 5x2=10->1, 4, 6, 2, 2, 7, 4 = 37 -> 3.
  // Worked by hand with the rule: weights 2,1,2,... from the right,
  // two-digit products count as the sum of their digits.
  for (auto c : {Case{"131000000", 3}, Case{"011999999", 3}, Case{"271234567", 3},
                 Case{"000000000", 0}, Case{"131000005", 2}}) {
    EXPECT_EQ(InstitutionCodeCheckDigit(c.first9), c.check) << c.first9;
  }
}

TEST(InstitutionCodeTest, RefusesWithReason) {
  struct Case {
    const char* code;
    const char* fragment;
  };
  for (auto c :
       {Case{"3410712363", "検証番号"}, Case{"341071236", "10桁"}, Case{"4810712362", "都道府県"},
        Case{"3420712362", "点数表"}, Case{"34107123a2", "10桁"}}) {
    auto r = ValidateInstitutionCode(c.code);
    ASSERT_FALSE(r.has_value()) << c.code;
    EXPECT_NE(r.error().message_ja.find(c.fragment), std::string::npos) << r.error().message_ja;
    EXPECT_EQ(r.error().field, "institution_code");
  }
}

TEST(InstitutionCodeTest, DentalDigit) {
  std::string dental = "133000000";
  dental += std::to_string(InstitutionCodeCheckDigit(dental));
  ASSERT_TRUE(ValidateInstitutionCode(dental).has_value());
  EXPECT_TRUE(IsDentalInstitutionCode(dental));
  EXPECT_FALSE(IsDentalInstitutionCode("3410712362"));
}

TEST(PrefectureCodeTest, Range) {
  EXPECT_EQ(*ValidatePrefectureCode("1"), "01");
  EXPECT_EQ(*ValidatePrefectureCode("47"), "47");
  for (auto bad : {"0", "00", "48", "99", "", "1a", "013"}) {
    EXPECT_FALSE(ValidatePrefectureCode(bad).has_value()) << bad;
  }
}

TEST(PostalCodeTest, WithOrWithoutHyphen) {
  EXPECT_EQ(*ValidatePostalCode("113-8621"), "1138621");
  EXPECT_EQ(*ValidatePostalCode("1138621"), "1138621");
  EXPECT_EQ(FormatPostalCode("1138621"), "〒113-8621");
  for (auto bad : {"113-862", "11-38621", "113 8621", "abcdefg", ""}) {
    EXPECT_FALSE(ValidatePostalCode(bad).has_value()) << bad;
  }
}

TEST(RegistryNumberTest, DigitsOnlyLeadingZerosDropped) {
  EXPECT_EQ(*ValidateRegistryNumber("000123"), "123");
  EXPECT_EQ(*ValidateRegistryNumber("4567890"), "4567890");
  for (auto bad : {"", "0", "12345678", "12-34", "abc"}) {
    EXPECT_FALSE(ValidateRegistryNumber(bad).has_value()) << bad;
  }
}

TEST(AssociationCodeTest, PrefectureOrCounty) {
  EXPECT_EQ(*ValidateAssociationCode("13"), "13");
  EXPECT_EQ(*ValidateAssociationCode("13001"), "13001");
  for (auto bad : {"48", "48001", "1300", "130011", "00"}) {
    EXPECT_FALSE(ValidateAssociationCode(bad).has_value()) << bad;
  }
}

TEST(MemberIdAndEmailTest, Basics) {
  EXPECT_EQ(*ValidateMemberId("ab12"), "AB12");
  EXPECT_FALSE(ValidateMemberId("ab-12").has_value());
  EXPECT_TRUE(ValidateEmail("dr.sato@example.jp").has_value());
  for (auto bad : {"sato", "@example.jp", "a@b", "a@@b.jp", "a b@c.jp"}) {
    EXPECT_FALSE(ValidateEmail(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace kakari::core
