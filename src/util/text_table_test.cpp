#include "util/text_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kakari::util {
namespace {

TEST(TextTableTest, StoresEachKeyOnceAndFindsIt) {
  TextTable table;
  EXPECT_EQ(table.Find("講習会"), nullptr);
  auto first = table.Insert("講習会", 7);
  EXPECT_TRUE(first.added);
  EXPECT_EQ(first.key, "講習会");
  auto again = table.Insert(std::string("講習会"), 9);
  EXPECT_FALSE(again.added);
  EXPECT_EQ(again.value, 7);  // the first number stays
  EXPECT_EQ(again.key.data(), first.key.data());
  ASSERT_NE(table.Find("講習会"), nullptr);
  EXPECT_EQ(*table.Find("講習会"), 7);
  EXPECT_EQ(table.Find("講習"), nullptr);  // a prefix is another key
  EXPECT_EQ(table.size(), 1u);
}

TEST(TextTableTest, TheEmptyKeyIsAKey) {
  TextTable table;
  EXPECT_EQ(table.Find(""), nullptr);
  EXPECT_TRUE(table.Insert("", -1).added);
  ASSERT_NE(table.Find(""), nullptr);
  EXPECT_EQ(*table.Find(""), -1);
  EXPECT_FALSE(table.Insert("", 5).added);
}

TEST(TextTableTest, ManyKeysKeepTheirNumbersAndViewsAcrossGrowth) {
  TextTable table;
  std::vector<std::string_view> views;
  for (int i = 0; i < 200000; ++i) {
    views.push_back(table.Insert("講習会 第" + std::to_string(i) + "回", i).key);
  }
  EXPECT_EQ(table.size(), 200000u);
  for (int i = 0; i < 200000; i += 997) {
    std::string key = "講習会 第" + std::to_string(i) + "回";
    ASSERT_NE(table.Find(key), nullptr) << key;
    EXPECT_EQ(*table.Find(key), i);
    EXPECT_EQ(views[static_cast<size_t>(i)], key);  // stored copies never move
  }
  EXPECT_EQ(table.Find("講習会 第200000回"), nullptr);
}

TEST(TextTableTest, KeysLongerThanAChunkAreKeptWhole) {
  TextTable table;
  std::string small = "a";
  std::string huge(3u << 20, 'x');
  huge.back() = 'y';
  table.Insert(small, 1);
  auto added = table.Insert(huge, 2);
  table.Insert("b", 3);
  EXPECT_EQ(added.key, huge);
  EXPECT_EQ(*table.Find(huge), 2);
  EXPECT_EQ(*table.Find("a"), 1);
  EXPECT_EQ(*table.Find("b"), 3);
}

}  // namespace
}  // namespace kakari::util
