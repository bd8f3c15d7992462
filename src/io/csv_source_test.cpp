#include "io/csv_source.hpp"

#include <gtest/gtest.h>

namespace kakari::io {
namespace {

std::vector<std::vector<std::string>> ReadAll(CsvRowSource& src, std::vector<int64_t>* lines) {
  std::vector<std::vector<std::string>> out;
  core::TableRow row;
  while (src.Next(row)) {
    out.emplace_back(row.fields.begin(), row.fields.end());
    if (lines) lines->push_back(row.line);
  }
  return out;
}

TEST(CsvTest, HeaderAndRowsWithCrlfAndBlankLines) {
  auto src = *CsvRowSource::Create("a,b\r\n1,2\r\n\r\n3,\r\n");
  EXPECT_EQ(src->Header(), (std::vector<std::string>{"a", "b"}));
  std::vector<int64_t> lines;
  auto rows = ReadAll(*src, &lines);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"3", ""}));
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 4}));
  EXPECT_DOUBLE_EQ(src->Fraction(), 1.0);
}

TEST(CsvTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto src =
      *CsvRowSource::Create("t,o\n\"研修会, 第1回\",\"言う\"\"引用\"\"\"\n\"複数\n行\",x\nlast,y");
  std::vector<int64_t> lines;
  auto rows = ReadAll(*src, &lines);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "研修会, 第1回");
  EXPECT_EQ(rows[0][1], "言う\"引用\"");
  EXPECT_EQ(rows[1][0], "複数\n行");
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 3, 5}));  // the quoted newline moves the count
  EXPECT_EQ(rows[2], (std::vector<std::string>{"last", "y"}));
}

// Found by fuzz_csv: a short escaped field, then escaped fields further right
// in the same row, left the first one pointing into a moved string.
TEST(CsvTest, SeveralEscapedFieldsInOneRowKeepTheirText) {
  auto src = *CsvRowSource::Create("a,b,c,d\n\"x\"\"1\",\"y\"\"2\",z,\"w\"\"3\"\n");
  auto rows = ReadAll(*src, nullptr);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"x\"1", "y\"2", "z", "w\"3"}));
}

TEST(CsvTest, EmptyFileIsRefused) {
  auto r = CsvRowSource::Create("\n\n");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message_en, "the file is empty (no header row)");
}

}  // namespace
}  // namespace kakari::io
