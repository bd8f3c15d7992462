#include "cli/args.hpp"

#include <gtest/gtest.h>

namespace kakari::cli {
namespace {

TEST(ArgsTest, OptionsFlagsAndPositionals) {
  auto a =
      Args::Parse({"doctors", "--db", "x.db", "--json", "file.csv", "--scale=small"}, {"json"});
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

TEST(Args, NumberIsParsedWholeAndInRange) {
  struct Case {
    std::string value;
    bool ok;
    int64_t expected;
  };
  const Case cases[] = {{"42", true, 42},
                        {"0", true, 0},
                        {"abc", false, 0},
                        {"12abc", false, 0},
                        {"-1", false, 0},
                        {"", false, 0},
                        {"99999999999999999999", false, 0},
                        {"1000", false, 0}};
  for (const auto& c : cases) {
    auto args = Args::Parse({"--n", c.value}, {});
    ASSERT_TRUE(args.has_value()) << c.value;
    auto n = args->Number("n", 0, 999);
    EXPECT_EQ(n.has_value(), c.ok) << c.value;
    if (c.ok) {
      EXPECT_EQ(**n, c.expected);
    } else {
      EXPECT_EQ(n.error().field, "n") << c.value;
    }
  }
  auto none = Args::Parse({}, {});
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->Number("n", 0, 9)->has_value());
}

}  // namespace
}  // namespace kakari::cli
