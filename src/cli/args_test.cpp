#include "cli/args.hpp"

#include <gtest/gtest.h>

namespace kakari::cli {
namespace {

TEST(ArgsTest, OptionsFlagsAndPositionals) {
  auto a = Args::Parse({"doctors", "--db", "x.db", "--json", "file.csv", "--scale=small"},
                       {"json"});
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->positional(), (std::vector<std::string>{"doctors", "file.csv"}));
  EXPECT_EQ(a->Option("db"), "x.db");
  EXPECT_EQ(a->Option("scale"), "small");
  EXPECT_TRUE(a->Flag("json"));
  EXPECT_FALSE(a->Option("listen").has_value());
  EXPECT_EQ(a->Unknown({"db", "json"}), (std::vector<std::string>{"scale"}));
}

TEST(ArgsTest, MissingValueIsAnError) {
  auto a = Args::Parse({"--db"}, {});
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().message_en, "option --db needs a value");
}

}  // namespace
}  // namespace kakari::cli
