// Exports through the services with the fakes: what each kind lists, in
// whose scope, and that every export is audited.
#include "core/services/export_service.hpp"

#include <gtest/gtest.h>

#include "core/services/doctor_workflow.hpp"
#include "core/testing/service_fixture.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;

// Keeps what an export writes.
class CapturingSink final : public TableSink {
 public:
  Status Begin(std::string_view sheet, std::span<const ExportColumn> columns) override {
    sheet_ = sheet;
    columns_.assign(columns.begin(), columns.end());
    return {};
  }
  Status Row(std::span<const ExportCell> cells) override {
    EXPECT_EQ(cells.size(), columns_.size());
    rows_.emplace_back(cells.begin(), cells.end());
    return {};
  }
  Status Finish() override {
    finished_ = true;
    return {};
  }
  std::string Text(size_t row, size_t col) const {
    const auto* s = std::get_if<std::string>(&rows_.at(row).at(col));
    return s ? *s : "";
  }
  std::string sheet_;
  std::vector<ExportColumn> columns_;
  std::vector<std::vector<ExportCell>> rows_;
  bool finished_ = false;
};

class ExportServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    auto uow = *store_->Begin(true);
    auto tokyo = *uow->Organisations().FindByCode("13");
    ASSERT_TRUE(uow->Organisations()
                    .Insert({0, tokyo->id, OrgLevel::kCounty, "13001", "千代田区医師会", "Chiyoda"})
                    .has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  Result<ExportSummary> Export(const Caller& who, ExportKind kind, CapturingSink& sink,
                               std::optional<std::string> area = std::nullopt) {
    ExportRequest r;
    r.kind = kind;
    r.area = std::move(area);
    r.format = "xlsx";
    return ExportTable(deps(), who, r, sink);
  }
};

TEST_F(ExportServiceTest, CompletionsListTheAreasDoctorsAndAreAudited) {
  NewDoctor("423456", "13");
  NewDoctor("523456", "13001");
  NewDoctor("623456", "27");
  CapturingSink tokyo;
  auto done = Export(Staff(Role::kReviewer, "13"), ExportKind::kCompletions, tokyo);
  ASSERT_TRUE(done.has_value()) << done.error().message_en;
  EXPECT_TRUE(tokyo.finished_);
  EXPECT_EQ(tokyo.columns_.at(0).title, "医籍登録番号");
  ASSERT_EQ(tokyo.rows_.size(), 2u);
  EXPECT_EQ(done->rows, 2);
  EXPECT_EQ(done->name, "completions-13-2026-06-01");
  EXPECT_EQ(tokyo.Text(0, 0), "423456");
  EXPECT_EQ(tokyo.Text(1, 3), "千代田区医師会");
  EXPECT_EQ(tokyo.Text(0, 6), "未充足");
  EXPECT_EQ(tokyo.Text(0, 7), "未申請");
  auto audit = AuditOf("export.completions");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].subject_id, "13");
  EXPECT_EQ(audit[0].detail, "format=xlsx rows=2 as_of=2026-06-01");

  CapturingSink county;
  ASSERT_TRUE(Export(Staff(Role::kReviewer, "13001"), ExportKind::kCompletions, county));
  ASSERT_EQ(county.rows_.size(), 1u);
  EXPECT_EQ(county.Text(0, 0), "523456");
}

TEST_F(ExportServiceTest, NobodyExportsOutsideTheirArea) {
  CapturingSink sink;
  auto osaka = Export(Staff(Role::kReviewer, "27"), ExportKind::kCertificates, sink, "13");
  ASSERT_FALSE(osaka.has_value());
  EXPECT_EQ(osaka.error().code, ErrorCode::kNotFound);
  auto doctor = Export(NewDoctor("723456"), ExportKind::kCompletions, sink);
  ASSERT_FALSE(doctor.has_value());
  EXPECT_EQ(doctor.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(sink.rows_.empty());
  EXPECT_FALSE(sink.finished_);
  EXPECT_TRUE(AuditOf("export.certificates").empty());
}

TEST_F(ExportServiceTest, TheQueueExportTakesEveryPageOfTheFilter) {
  auto doctor = NewDoctor("823456", "13");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(ReportActivity(deps(), doctor,
                               ActivityInput{"vaccination",
                                             "接種 " + std::to_string(i),
                                             Date{2026, 4, 1},
                                             Date{2026, 4, 30},
                                             "練馬区",
                                             {}})
                    .has_value());
  }
  CapturingSink sink;
  ExportRequest r;
  r.kind = ExportKind::kQueue;
  r.queue.per_page = 1;  // paging of the request is ignored
  r.queue.kind = ReviewKind::kActivity;
  auto done = ExportTable(deps(), Staff(Role::kReviewer, "13"), r, sink);
  ASSERT_TRUE(done.has_value()) << done.error().message_en;
  ASSERT_EQ(sink.rows_.size(), 3u);
  EXPECT_EQ(sink.Text(0, 0), "実地研修");
  EXPECT_EQ(sink.Text(0, 7), "審査待ち");
  CapturingSink osaka;
  ASSERT_TRUE(ExportTable(deps(), Staff(Role::kReviewer, "27"), r, osaka).has_value());
  EXPECT_TRUE(osaka.rows_.empty());
}

TEST_F(ExportServiceTest, StatisticsEndWithTheTotal) {
  NewDoctor("923456", "13001");
  CapturingSink sink;
  ASSERT_TRUE(Export(Staff(Role::kReviewer, "13"), ExportKind::kStatistics, sink));
  ASSERT_EQ(sink.rows_.size(), 3u);  // 13, 13001, total
  EXPECT_EQ(sink.Text(1, 0), "13001");
  EXPECT_EQ(sink.Text(2, 1), "東京都医師会");
  EXPECT_EQ(std::get<int64_t>(sink.rows_[2][2]), 1);
  EXPECT_EQ(ParseExportKind("statistics"), ExportKind::kStatistics);
  EXPECT_FALSE(ParseExportKind("doctors"));
}

}  // namespace
}  // namespace kakari::core
