#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace kakari::util {
namespace {

TEST(StringsTest, TrimRemovesAsciiWhitespaceOnly) {
  EXPECT_EQ(Trim("  a b \r\n"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim("\xe3\x80\x80x"), "\xe3\x80\x80x");  // ideographic space is kept
}

TEST(StringsTest, SplitKeepsEmptyFields) {
  auto parts = Split("a,,b,", ',');
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0], "a");
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(parts[3], "");
}

TEST(StringsTest, IsAsciiDigits) {
  EXPECT_TRUE(IsAsciiDigits("0123"));
  EXPECT_FALSE(IsAsciiDigits(""));
  EXPECT_FALSE(IsAsciiDigits("12a"));
}

TEST(StringsTest, JsonEscapeControlAndQuotes) {
  EXPECT_EQ(JsonEscape("a\"b\\c\n\x01"), "a\\\"b\\\\c\\n\\u0001");
}

TEST(StringsTest, PercentCodingRoundTrips) {
  EXPECT_EQ(PercentEncode("委嘱状 1.pdf"), "%E5%A7%94%E5%98%B1%E7%8A%B6%201.pdf");
  EXPECT_EQ(PercentDecode("%E5%A7%94%E5%98%B1%E7%8A%B6%201.pdf"), "委嘱状 1.pdf");
  EXPECT_EQ(PercentDecode("100%"), "100%");
  EXPECT_EQ(PercentDecode("%zz"), "%zz");
}

}  // namespace
}  // namespace kakari::util

namespace kakari::util {
namespace {

TEST(StringsTest, HtmlEscapeTurnsMarkupIntoText) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">A & B</a> 髙"),
            "&lt;a href=&quot;x&quot;&gt;A &amp; B&lt;/a&gt; 髙");
  EXPECT_EQ(HtmlEscape(""), "");
}

}  // namespace
}  // namespace kakari::util

namespace kakari::util {
namespace {

TEST(StringsTest, CsvFieldsAreQuotedAndFormulasDefused) {
  EXPECT_EQ(CsvField(""), "\"\"");
  EXPECT_EQ(CsvField("\"みなと\"医院, 本院"), "\"\"\"みなと\"\"医院, 本院\"");
  EXPECT_EQ(CsvField("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(SpreadsheetCsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(SpreadsheetCsvField("+81"), "\"'+81\"");
  EXPECT_EQ(SpreadsheetCsvField("@SUM"), "\"'@SUM\"");
  EXPECT_EQ(SpreadsheetCsvField("高橋"), "\"高橋\"");
  EXPECT_EQ(SpreadsheetCsvField(""), "\"\"");
}

}  // namespace
}  // namespace kakari::util
