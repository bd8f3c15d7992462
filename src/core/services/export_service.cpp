#include "core/services/export_service.hpp"

#include <array>
#include <vector>

#include "core/domain/review_state.hpp"
#include "core/services/gmis_service.hpp"
#include "core/services/statistics_service.hpp"

namespace kakari::core {

namespace {

using K = ColumnKind;
using Cells = std::vector<ExportCell>;

constexpr std::array<const char*, 5> kKindNames = {"queue", "completions", "certificates",
                                                   "coverage", "statistics"};
constexpr int kQueuePage = 200;

ExportCell Text(std::string s) { return ExportCell(std::move(s)); }
ExportCell Number(int64_t n) { return ExportCell(n); }
ExportCell OptionalNumber(const std::optional<int64_t>& n) {
  return n ? ExportCell(*n) : ExportCell();
}
ExportCell OptionalDay(const std::optional<Date>& d) { return d ? ExportCell(*d) : ExportCell(); }

const char* KindJa(ReviewKind k) {
  switch (k) {
    case ReviewKind::kApplication:
      return "修了申請";
    case ReviewKind::kActivity:
      return "実地研修";
    case ReviewKind::kDeclaration:
      return "講義の自己申告";
  }
  return "";
}

// Writes every row `each` produces after the header; counts them.
class RowCounter {
 public:
  explicit RowCounter(TableSink& sink) : sink_(sink) {}
  Status Add(const Cells& cells) {
    ++rows_;
    return sink_.Row(cells);
  }
  int64_t rows() const { return rows_; }

 private:
  TableSink& sink_;
  int64_t rows_ = 0;
};

Result<int64_t> ExportQueue(UnitOfWork& uow, QueueFilter filter, TableSink& sink) {
  const std::vector<ExportColumn> cols = {
      {"種別", K::kText, 14},           {"番号", K::kInteger, 8}, {"受付日", K::kDate, 12},
      {"医籍登録番号", K::kText, 14},   {"氏名", K::kText, 18},   {"フリガナ", K::kText, 20},
      {"審査する医師会", K::kText, 20}, {"状態", K::kText, 10},   {"受付経路", K::kText, 10}};
  KAKARI_RETURN_IF_ERROR(sink.Begin("審査一覧", cols));
  RowCounter out(sink);
  filter.per_page = kQueuePage;
  for (filter.page = 1;; ++filter.page) {
    auto page = uow.Reviews().Queue(filter);
    KAKARI_RETURN_IF_ERROR(page);
    for (const auto& r : page->rows) {
      auto day = ParseWesternDate(std::string_view(r.item.submitted_at).substr(0, 10));
      KAKARI_RETURN_IF_ERROR(out.Add(
          {Text(KindJa(r.item.kind)), Number(r.item.id), day ? ExportCell(*day) : ExportCell(),
           Text(r.registry_number), Text(r.doctor_name), Text(r.doctor_kana),
           Text(r.association_name), Text(ReviewStatusLabelJa(r.item.status)),
           Text(r.item.channel == "paper" ? "書面" : "オンライン")}));
    }
    if (static_cast<int>(page->rows.size()) < kQueuePage) break;
  }
  return out.rows();
}

Result<int64_t> ExportCompletions(UnitOfWork& uow, const std::string& area, TableSink& sink) {
  const std::vector<ExportColumn> cols = {
      {"医籍登録番号", K::kText, 14},    {"氏名", K::kText, 18},
      {"フリガナ", K::kText, 20},        {"所属医師会", K::kText, 20},
      {"講義（単位）", K::kDecimal, 12}, {"実地研修（承認）", K::kInteger, 14},
      {"修了要件", K::kText, 10},        {"修了申請", K::kText, 10},
      {"修了証番号", K::kText, 20},      {"修了証発行日", K::kDate, 12}};
  KAKARI_RETURN_IF_ERROR(sink.Begin("修了状況", cols));
  auto programme = uow.Programmes().Current();
  KAKARI_RETURN_IF_ERROR(programme);
  auto lecture = uow.Credits().LectureUnitsByDoctor(programme->credit_window);
  KAKARI_RETURN_IF_ERROR(lecture);
  auto approved = uow.Activities().CountApprovedByDoctor();
  KAKARI_RETURN_IF_ERROR(approved);
  // Both lists and the doctors ascend by id: walk them together.
  auto l = lecture->begin();
  auto a = approved->begin();
  RowCounter out(sink);
  KAKARI_RETURN_IF_ERROR(uow.Reports().ForEachDoctor(area, [&](const DoctorListing& d) {
    UnitTally tally;
    while (l != lecture->end() && l->first < d.id) ++l;
    if (l != lecture->end() && l->first == d.id) tally.lecture = l->second;
    while (a != approved->end() && a->first < d.id) ++a;
    if (a != approved->end() && a->first == d.id) tally.approved_activities = a->second;
    bool complete = IsComplete(*programme, tally);
    return out.Add({Text(d.registry_number), Text(d.name), Text(d.kana), Text(d.association_name),
                    ExportCell(static_cast<double>(tally.lecture.halves()) / 2.0),
                    Number(tally.approved_activities), Text(complete ? "充足" : "未充足"),
                    Text(d.application ? ReviewStatusLabelJa(*d.application) : "未申請"),
                    Text(d.certificate_number), OptionalDay(d.certificate_issued_on)});
  }));
  return out.rows();
}

const char* CertificateStatusJa(std::string_view s) {
  if (s == "valid") return "有効";
  if (s == "superseded") return "再発行により失効";
  if (s == "revoked") return "取消";
  return "";
}

Result<int64_t> ExportCertificates(UnitOfWork& uow, const std::string& area, TableSink& sink) {
  const std::vector<ExportColumn> cols = {
      {"修了証番号", K::kText, 20},     {"版", K::kInteger, 6},     {"状態", K::kText, 16},
      {"発行日", K::kDate, 12},         {"氏名", K::kText, 18},     {"医籍登録番号", K::kText, 14},
      {"承認した医師会", K::kText, 20}, {"交付方法", K::kText, 10}, {"郵送日", K::kDate, 12}};
  KAKARI_RETURN_IF_ERROR(sink.Begin("修了証", cols));
  RowCounter out(sink);
  KAKARI_RETURN_IF_ERROR(uow.Reports().ForEachCertificate(area, [&](const CertificateListing& c) {
    return out.Add({Text(c.number), Number(c.version), Text(CertificateStatusJa(c.status)),
                    ExportCell(c.issued_on), Text(c.name), Text(c.registry_number),
                    Text(c.association_name), Text(c.delivery == "mail" ? "郵送" : "ダウンロード"),
                    OptionalDay(c.mailed_on)});
  }));
  return out.rows();
}

Result<int64_t> ExportCoverage(UnitOfWork& uow, const std::string& area, const Date& as_of,
                               TableSink& sink) {
  const std::vector<ExportColumn> cols = {{"医療機関コード", K::kText, 14},
                                          {"名称", K::kText, 30},
                                          {"勤務医師数", K::kInteger, 10},
                                          {"最も近い医師の不足（単位）", K::kText, 22}};
  KAKARI_RETURN_IF_ERROR(sink.Begin("修了者のいない医療機関", cols));
  auto coverage = CoverageOn(uow, area, as_of);
  KAKARI_RETURN_IF_ERROR(coverage);
  RowCounter out(sink);
  for (const auto& w : coverage->without) {
    KAKARI_RETURN_IF_ERROR(
        out.Add({Text(w.code), Text(w.name), Number(w.doctors),
                 w.closest_shortfall ? Text(w.closest_shortfall->ToString()) : ExportCell()}));
  }
  return out.rows();
}

Cells StatisticsCells(const AreaFigures& a) {
  return {Text(a.area.empty() ? "00" : a.area),
          Text(a.name_ja),
          Number(a.doctors),
          Number(a.complete),
          Number(a.applied),
          Number(a.approved),
          Number(a.Waiting()),
          Number(a.decisions),
          Number(a.returns),
          OptionalNumber(a.median_days),
          OptionalNumber(a.p90_days),
          Number(a.issued),
          Number(a.reissued),
          Number(a.revoked),
          Number(a.mailed),
          Number(a.reportable),
          Number(a.covered)};
}

Result<int64_t> ExportStatistics(UnitOfWork& uow, const std::string& area, const Date& as_of,
                                 const Date& today, TableSink& sink) {
  const std::vector<ExportColumn> cols = {{"地域コード", K::kText, 10},
                                          {"地域", K::kText, 20},
                                          {"医師数", K::kInteger, 10},
                                          {"修了要件充足", K::kInteger, 12},
                                          {"申請した医師", K::kInteger, 12},
                                          {"承認された医師", K::kInteger, 12},
                                          {"審査待ち", K::kInteger, 10},
                                          {"審査件数", K::kInteger, 10},
                                          {"差戻し", K::kInteger, 8},
                                          {"審査日数（中央値）", K::kInteger, 16},
                                          {"審査日数（90%）", K::kInteger, 16},
                                          {"修了証発行", K::kInteger, 10},
                                          {"再発行", K::kInteger, 8},
                                          {"取消", K::kInteger, 8},
                                          {"郵送", K::kInteger, 8},
                                          {"報告対象医療機関", K::kInteger, 16},
                                          {"修了者のいる医療機関", K::kInteger, 18}};
  auto s = StatisticsOf(uow, area, as_of, today);
  KAKARI_RETURN_IF_ERROR(s);
  KAKARI_RETURN_IF_ERROR(sink.Begin("統計 " + as_of.ToIso(), cols));
  RowCounter out(sink);
  for (const auto& a : s->areas) KAKARI_RETURN_IF_ERROR(out.Add(StatisticsCells(a)));
  KAKARI_RETURN_IF_ERROR(out.Add(StatisticsCells(s->total)));
  return out.rows();
}

Result<int64_t> WriteRows(UnitOfWork& uow, const ExportRequest& r, const std::string& area,
                          const Date& as_of, const Date& today, TableSink& sink) {
  switch (r.kind) {
    case ExportKind::kQueue:
      return ExportQueue(uow, r.queue, sink);
    case ExportKind::kCompletions:
      return ExportCompletions(uow, area, sink);
    case ExportKind::kCertificates:
      return ExportCertificates(uow, area, sink);
    case ExportKind::kCoverage:
      return ExportCoverage(uow, area, as_of, sink);
    case ExportKind::kStatistics:
      return ExportStatistics(uow, area, as_of, today, sink);
  }
  return Fail(ErrorCode::kInvalidArgument, "出力の種類が正しくありません", "unknown export kind");
}

}  // namespace

std::optional<ExportKind> ParseExportKind(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (name == kKindNames[i]) return static_cast<ExportKind>(i);
  }
  return std::nullopt;
}

const char* ExportKindName(ExportKind k) { return kKindNames[static_cast<size_t>(k)]; }

Result<ExportSummary> ExportTable(const Deps& deps, const Caller& caller,
                                  const ExportRequest& request, TableSink& sink) {
  auto area = StaffArea(caller.principal, request.area);
  KAKARI_RETURN_IF_ERROR(area);
  Date as_of = request.as_of.value_or(deps.clock.TodayInJapan());
  ExportRequest r = request;
  r.queue.association_prefix = *area;  // the queue keeps to the area too
  Result<int64_t> rows = [&]() -> Result<int64_t> {
    auto uow = deps.store.Begin(false);
    KAKARI_RETURN_IF_ERROR(uow);
    return WriteRows(**uow, r, *area, as_of, deps.clock.TodayInJapan(), sink);
  }();
  KAKARI_RETURN_IF_ERROR(rows);
  KAKARI_RETURN_IF_ERROR(sink.Finish());
  std::string scope = area->empty() ? "00" : *area;
  KAKARI_RETURN_IF_ERROR(RecordView(
      deps, caller, std::string("export.") + ExportKindName(r.kind), "area", scope,
      "format=" + r.format + " rows=" + std::to_string(*rows) + " as_of=" + as_of.ToIso()));
  return ExportSummary{*rows,
                       std::string(ExportKindName(r.kind)) + "-" + scope + "-" + as_of.ToIso()};
}

}  // namespace kakari::core
