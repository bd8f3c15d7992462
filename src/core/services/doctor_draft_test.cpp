#include <gtest/gtest.h>

#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"

namespace kakari::core {
namespace {

DoctorDraft Good() {
  return DoctorDraft{"０８８８００１",  " 髙﨑　一郎 ",          "たかさき　いちろう",
                     Date{1975, 5, 5},  "ｊｍａ１２３",          "13001",
                     "１０２-００７５", "東京都千代田区三番町1", "ICHIRO@example.jp"};
}

TEST(DoctorDraft, NormalisesWhatPeopleType) {
  auto d = ValidateDoctorDraft(Good(), Date{2026, 11, 21});
  ASSERT_TRUE(d.has_value()) << d.error().message_en;
  EXPECT_EQ(d->registry_number, "888001");
  EXPECT_EQ(d->name, "髙﨑　一郎");
  EXPECT_EQ(d->kana, "タカサキ　イチロウ");
  EXPECT_EQ(d->member_id, "JMA123");
  EXPECT_EQ(d->postal_code, "1020075");
}

TEST(DoctorDraft, EachBadFieldIsNamed) {
  struct Case {
    void (*spoil)(DoctorDraft&);
    const char* field;
  };
  const Case cases[] = {
      {[](DoctorDraft& d) { d.registry_number = "12345678"; }, "registry_number"},
      {[](DoctorDraft& d) { d.name = "　"; }, "name"},
      {[](DoctorDraft& d) { d.kana = "高崎"; }, "kana"},
      {[](DoctorDraft& d) { d.kana = ""; }, "kana"},
      {[](DoctorDraft& d) { d.birth_date = std::nullopt; }, "birth_date"},
      {[](DoctorDraft& d) {
         d.birth_date = Date{2026, 11, 21};
       },
       "birth_date"},
      {[](DoctorDraft& d) { d.member_id = "!!"; }, "member_id"},
      {[](DoctorDraft& d) { d.postal_code = "12"; }, "postal_code"},
      {[](DoctorDraft& d) { d.email = "no-at-sign"; }, "email"},
  };
  for (const auto& c : cases) {
    DoctorDraft d = Good();
    c.spoil(d);
    auto r = ValidateDoctorDraft(d, Date{2026, 11, 21});
    ASSERT_FALSE(r.has_value()) << c.field;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_FALSE(r.error().message_ja.empty());
  }
  DoctorDraft optional = Good();
  optional.member_id = optional.postal_code = optional.email = optional.address = "";
  EXPECT_TRUE(ValidateDoctorDraft(optional, Date{2026, 11, 21}).has_value());
}

}  // namespace
}  // namespace kakari::core
