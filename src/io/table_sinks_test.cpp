#include "io/table_sinks.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "io/encoding.hpp"

namespace kakari::io {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class TableSinksTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(path_); }
  std::string Write(ExportFormat f) {
    auto sink = OpenTableSink(f, path_);
    EXPECT_TRUE(sink.has_value());
    std::vector<core::ExportColumn> cols = {{"氏名", core::ColumnKind::kText, 20},
                                            {"単位", core::ColumnKind::kInteger, 8},
                                            {"修了日", core::ColumnKind::kDate, 12}};
    EXPECT_TRUE((*sink)->Begin("修了者", cols).has_value());
    std::vector<core::ExportCell> a = {std::string("𠮷田 太郎"), 6.5, core::Date{2026, 12, 5}};
    std::vector<core::ExportCell> b = {std::string("=1+1, \"x\""), std::monostate{},
                                       std::monostate{}};
    EXPECT_TRUE((*sink)->Row(a).has_value());
    EXPECT_TRUE((*sink)->Row(b).has_value());
    EXPECT_TRUE((*sink)->Finish().has_value());
    return Slurp(path_);
  }
  std::string path_ =
      (std::filesystem::temp_directory_path() / ("kakari-sink-" + std::to_string(::getpid())))
          .string();
};

TEST_F(TableSinksTest, Utf8CsvHasABomQuotedFieldsAndDefusedFormulas) {
  EXPECT_EQ(Write(ExportFormat::kCsvUtf8),
            "\xEF\xBB\xBF\"氏名\",\"単位\",\"修了日\"\r\n"
            "\"𠮷田 太郎\",6.5,2026-12-05\r\n"
            "\"'=1+1, \"\"x\"\"\",,\r\n");
}

TEST_F(TableSinksTest, Cp932CsvReadsBackAndMarksWhatCp932Lacks) {
  std::string bytes = Write(ExportFormat::kCsvCp932);
  EXPECT_NE(bytes.substr(0, 3), "\xEF\xBB\xBF");
  auto text = DecodeToUtf8(bytes);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->encoding, "CP932");
  EXPECT_NE(text->utf8.find("\"氏名\",\"単位\",\"修了日\"\r\n\"〓田 太郎\",6.5,2026-12-05"),
            std::string::npos)
      << text->utf8;
}

TEST_F(TableSinksTest, XlsxIsAZipWorkbookWithOneSheet) {
  std::string bytes = Write(ExportFormat::kXlsx);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST_F(TableSinksTest, AnUnwritablePathIsUnavailable) {
  for (auto f : {ExportFormat::kXlsx, ExportFormat::kCsvUtf8}) {
    auto sink = OpenTableSink(f, "/nonexistent-dir/x");
    if (sink) {
      // libxlsxwriter opens the file only when the workbook is closed.
      std::vector<core::ExportColumn> cols = {{"a", core::ColumnKind::kText, 5}};
      ASSERT_TRUE((*sink)->Begin("s", cols).has_value());
      auto done = (*sink)->Finish();
      ASSERT_FALSE(done.has_value());
      EXPECT_EQ(done.error().code, core::ErrorCode::kUnavailable);
    } else {
      EXPECT_EQ(sink.error().code, core::ErrorCode::kUnavailable);
    }
  }
}

TEST(ExportFormat, NamesParse) {
  EXPECT_EQ(ParseExportFormat("xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsvUtf8);
  EXPECT_EQ(ParseExportFormat("csv-cp932"), ExportFormat::kCsvCp932);
  EXPECT_FALSE(ParseExportFormat("xls"));
}

}  // namespace
}  // namespace kakari::io
