#include "core/domain/contact.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(ContactTest, TypedContactsBecomeCanonicalOrNameTheWrongField) {
  struct Case {
    OrganisationContact typed;
    std::string postal, address, phone;  // expected, when accepted
    std::string wrong_field;             // expected, when refused
  };
  const std::vector<Case> cases = {
      {{"113-8621", "東京都文京区本駒込2-28-16", "03-3946-2121"},
       "1138621",
       "東京都文京区本駒込2-28-16",
       "03-3946-2121",
       ""},
      {{"１０１００６２", "  千代田区神田駿河台1-1  ", "０３（３２９１）１１１１"},
       "1010062",
       "千代田区神田駿河台1-1",
       "03(3291)1111",
       ""},
      {{"1010062", "千代田区", ""}, "1010062", "千代田区", "", ""},  // no telephone
      {{"101-006", "千代田区", ""}, "", "", "", "postal_code"},
      {{"1010062", "   ", ""}, "", "", "", "address"},
      {{"1010062", std::string(301, 'a'), ""}, "", "", "", "address"},
      {{"1010062", "千代田区\n1-1", ""}, "", "", "", "address"},       // one line
      {{"1010062", "千代田区", "03-1234"}, "", "", "", "phone"},       // too short
      {{"1010062", "千代田区", "3-1234-56789"}, "", "", "", "phone"},  // no leading 0
      {{"1010062", "千代田区", "03-1234-567x"}, "", "", "", "phone"},
  };
  for (const auto& c : cases) {
    auto got = ValidateContact(c.typed);
    if (c.wrong_field.empty()) {
      ASSERT_TRUE(got.has_value()) << c.typed.address << ": " << got.error().message_en;
      EXPECT_EQ(got->postal_code, c.postal);
      EXPECT_EQ(got->address, c.address);
      EXPECT_EQ(got->phone, c.phone);
    } else {
      ASSERT_FALSE(got.has_value()) << c.typed.address;
      EXPECT_EQ(got.error().field, c.wrong_field) << got.error().message_en;
      EXPECT_FALSE(got.error().message_ja.empty());
    }
  }
}

TEST(ContactTest, TheSenderLineCarriesPostalCodeAddressAndTelephone) {
  EXPECT_EQ(SenderAddressLine({"1138621", "東京都文京区本駒込2-28-16", "03-3946-2121"}),
            "〒113-8621 東京都文京区本駒込2-28-16　TEL 03-3946-2121");
  EXPECT_EQ(SenderAddressLine({"1138621", "東京都文京区", ""}), "〒113-8621 東京都文京区");
  EXPECT_EQ(SenderAddressLine({}), "");
}

}  // namespace
}  // namespace kakari::core
