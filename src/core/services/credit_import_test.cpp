#include "core/services/credit_import.hpp"

#include <gtest/gtest.h>

#include "core/domain/column_map.hpp"

namespace kakari::core {
namespace {

TEST(ColumnMapTest, EnglishOrJapaneseInAnyOrder) {
  auto m = ColumnMap::Build({"受講日", "Registry_Number", "単位", "主催者"}, CreditColumns());
  ASSERT_TRUE(m.has_value()) << m.error().message_en;
  EXPECT_EQ(m->Index("date"), 0);
  EXPECT_EQ(m->Index("registry_number"), 1);
  EXPECT_EQ(m->Index("units"), 2);
  EXPECT_EQ(m->Index("organizer"), 3);
  EXPECT_EQ(m->Index("title"), -1);
}

TEST(ColumnMapTest, FullWidthHeaderNames) {
  auto m = ColumnMap::Build({"医籍登録番号", "受講日", "受講時間(分)"}, CreditColumns());
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->Index("minutes"), 2);
}

TEST(ColumnMapTest, NamesEveryMissingColumn) {
  auto m = ColumnMap::Build({"units"}, CreditColumns());
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().message_en, "the header row lacks required columns: registry_number, date");
}

TEST(ColumnMapTest, RefusesRepeatedColumn) {
  auto m = ColumnMap::Build({"date", "受講日", "registry_number"}, CreditColumns());
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().message_en, "column \"date\" appears twice");
}

}  // namespace
}  // namespace kakari::core
