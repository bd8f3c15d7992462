#include <gtest/gtest.h>

#include "core/services/credit_import.hpp"
#include "core/services/doctor_import.hpp"

namespace kakari::core {
namespace {

const Date kToday{2026, 11, 21};

struct RowFixture {
  std::vector<std::string> values;
  TableRow Row() const {
    TableRow r{7, {}};
    for (const auto& v : values) r.fields.emplace_back(v);
    return r;
  }
};

ColumnMap CreditMap() {
  return *ColumnMap::Build({"registry_number", "date", "units", "minutes", "curriculum_code"},
                           CreditColumns());
}

TEST(CreditRowTest, AcceptsFullWidthAndEraDates) {
  RowFixture f{{"１２３４５", "令和７年４月１日", "１．５", "", "１２"}};
  auto r = ParseCreditRow(f.Row(), CreditMap(), kToday);
  ASSERT_TRUE(r.has_value()) << r.error().message_en;
  EXPECT_EQ(r->registry_number, "12345");
  EXPECT_EQ(r->taken_on, (Date{2025, 4, 1}));
  EXPECT_EQ(r->units.halves(), 3);
  EXPECT_EQ(r->curriculum_code, 12);
}

TEST(CreditRowTest, MinutesRoundDown) {
  RowFixture f{{"12345", "2025/4/1", "", "95", ""}};
  auto r = ParseCreditRow(f.Row(), CreditMap(), kToday);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->units.halves(), 3);
  EXPECT_FALSE(r->curriculum_code.has_value());
}

TEST(CreditRowTest, RefusesWithReasons) {
  struct Case {
    std::vector<std::string> values;
    const char* en;
  };
  const std::vector<Case> cases = {
      {{"12345", "2027-01-01", "1", "", ""}, "date 2027-01-01 is in the future"},
      {{"12345", "2025-04-01", "0.3", "", ""}, "units \"0.3\" must be a number in steps of 0.5"},
      {{"12345", "2025-04-01", "", "20", ""}, "less than 30 minutes earns no unit"},
      {{"12345", "2025-04-01", "", "", ""}, "units (or minutes) are empty"},
      {{"12345", "2025-04-01", "1", "", "85"}, "curriculum code \"85\" must be 0-84"},
      {{"12a45", "2025-04-01", "1", "", ""}, "registry number \"12a45\" must be up to 7 digits"},
      {{"12345", "平成32年1月1日", "1", "", ""}, "date \"平成32年1月1日\" does not exist"},
  };
  for (const auto& c : cases) {
    auto r = ParseCreditRow(RowFixture{c.values}.Row(), CreditMap(), kToday);
    ASSERT_FALSE(r.has_value()) << c.en;
    EXPECT_EQ(r.error().message_en, c.en);
  }
}

TEST(DoctorRowTest, ReadsAndNormalises) {
  auto columns = *ColumnMap::Build({"医籍登録番号", "氏名", "フリガナ", "生年月日",
                                    "所属医師会コード", "会員番号", "郵便番号", "メールアドレス"},
                                   DoctorColumns());
  RowFixture f{{"０１２３４５", "髙橋　太郎", "たかはし　たろう", "昭和45年4月1日", "１３", "ab123",
                "113-8621", "taro@example.jp"}};
  auto r = ParseDoctorRow(f.Row(), columns, kToday);
  ASSERT_TRUE(r.has_value()) << r.error().message_en;
  EXPECT_EQ(r->doctor.registry_number, "12345");
  EXPECT_EQ(r->doctor.name, "髙橋　太郎");
  EXPECT_EQ(r->doctor.kana, "タカハシ　タロウ");
  EXPECT_EQ(r->doctor.birth_date, (Date{1970, 4, 1}));
  EXPECT_EQ(r->association_code, "13");
  EXPECT_EQ(r->doctor.member_id, "AB123");
  EXPECT_EQ(r->doctor.postal_code, "1138621");
}

TEST(DoctorRowTest, RefusesKanjiInKana) {
  auto columns = *ColumnMap::Build(
      {"registry_number", "name", "kana", "birth_date", "association_code"}, DoctorColumns());
  RowFixture f{{"1", "高橋", "高橋", "1970-04-01", "13"}};
  auto r = ParseDoctorRow(f.Row(), columns, kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message_en, "kana \"高橋\" must be katakana");
}

}  // namespace
}  // namespace kakari::core
