// Handlers: statistics of an area, the statistics JSON the CLI prints, and
// exports (written to a temporary file, then sent from disk).
#include <stdlib.h>
#include <unistd.h>

#include "core/services/export_service.hpp"
#include "core/services/mail_service.hpp"
#include "core/services/statistics_service.hpp"
#include "http/api_context.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

json OptionalDays(const std::optional<int64_t>& d) { return d ? json(*d) : json(nullptr); }

json AreaJson(const core::AreaFigures& a) {
  json by_kind = json::object();
  for (auto kind : {core::ReviewKind::kApplication, core::ReviewKind::kActivity,
                    core::ReviewKind::kDeclaration}) {
    by_kind[core::ReviewKindName(kind)] = a.waiting_by_kind[static_cast<size_t>(kind)];
  }
  json by_age = json::object();
  for (size_t i = 0; i < core::kWaitBandCount; ++i) {
    by_age[core::WaitBandName(static_cast<core::WaitBand>(i))] = a.waiting_by_age[i];
  }
  return {{"area", a.area},
          {"name", a.name_ja},
          {"name_en", a.name_en},
          {"doctors", a.doctors},
          {"complete", a.complete},
          {"applied", a.applied},
          {"approved", a.approved},
          {"waiting", a.Waiting()},
          {"waiting_by_kind", by_kind},
          {"waiting_by_age_days", by_age},
          {"decisions", a.decisions},
          {"approvals", a.approvals},
          {"returns", a.returns},
          {"rejections", a.rejections},
          {"median_days_to_decision", OptionalDays(a.median_days)},
          {"p90_days_to_decision", OptionalDays(a.p90_days)},
          {"certificates_issued", a.issued},
          {"certificates_reissued", a.reissued},
          {"certificates_revoked", a.revoked},
          {"certificates_mailed", a.mailed},
          {"institutions_reportable", a.reportable},
          {"institutions_covered", a.covered}};
}

}  // namespace

std::string StatisticsJson(const core::Statistics& s) {
  json areas = json::array();
  for (const auto& a : s.areas) areas.push_back(AreaJson(a));
  json trend = json::array();
  for (const auto& m : s.trend) {
    trend.push_back({{"month", m.month},
                     {"applications_submitted", m.submitted},
                     {"applications_approved", m.approved},
                     {"certificates_issued", m.issued}});
  }
  json reasons = json::array();
  for (const auto& r : s.top_reasons) reasons.push_back({{"reason", r.reason}, {"count", r.count}});
  json out = {
      {"scope", s.scope.empty() ? "00" : s.scope},
      {"as_of", s.as_of.ToIso()},
      {"fiscal_year", s.fiscal_year},
      {"breakdown", s.breakdown == core::Breakdown::kPrefecture ? "prefecture" : "association"},
      {"areas", areas},
      {"total", AreaJson(s.total)},
      {"trend", trend},
      {"top_return_reasons", reasons}};
  return out.dump();
}

ApiResponse GetStatistics(ApiContext& c) {
  auto day = AsOf(c);
  if (!day) return Fails(day.error());
  auto s = core::AreaStatistics(c.deps, c.caller, QueryValue(c, "association"), *day);
  if (!s) return Fails(s.error());
  ApiResponse r;
  r.body = StatisticsJson(*s);
  return r;
}

namespace {

core::Error BadExport(const char* field, const char* ja, const char* en) {
  return core::MakeError(core::ErrorCode::kInvalidArgument, ja, en, field);
}

// The request from the path and query: kind, format, area, as-of day and,
// for the queue, its filter (paging aside).
core::Result<core::ExportRequest> ReadExport(const ApiContext& c) {
  core::ExportRequest r;
  auto kind = core::ParseExportKind(c.Param("kind"));
  if (!kind) {
    return tl::unexpected(BadExport(
        "kind",
        "出力の種類は queue・completions・certificates・coverage・statistics のいずれかです",
        "kind must be queue, completions, certificates, coverage or statistics"));
  }
  r.kind = *kind;
  r.format = QueryValue(c, "format").value_or("xlsx");
  if (r.format != "xlsx" && r.format != "csv" && r.format != "csv-cp932") {
    return tl::unexpected(BadExport("format", "形式は xlsx・csv・csv-cp932 のいずれかです",
                                    "format must be xlsx, csv or csv-cp932"));
  }
  r.area = QueryValue(c, "association");
  auto day = AsOf(c);
  KAKARI_RETURN_IF_ERROR(day);
  r.as_of = *day;
  if (r.kind == core::ExportKind::kQueue) {
    auto query = c.req.query;
    query.erase("format");
    query.erase("as_of");
    if (auto e = ReadQueueFilter(query, r.queue)) return tl::unexpected(*e);
  }
  return r;
}

const char* ContentTypeOf(const std::string& format) {
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (format == "csv") return "text/csv; charset=utf-8";
  return "text/csv; charset=Shift_JIS";
}

}  // namespace

namespace {

// A new empty file in the export folder; its path, or none.
std::optional<std::string> TemporaryFile(const ApiContext& c) {
  std::string path = c.config.export_dir + "/kakari-export-XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0) return std::nullopt;
  ::close(fd);
  return path;
}

core::Error CannotCreate() {
  return core::MakeError(core::ErrorCode::kUnavailable, "出力ファイルを作れませんでした",
                         "the export file could not be created", "", "mkstemp");
}

}  // namespace

ApiResponse GetExport(ApiContext& c) {
  auto request = ReadExport(c);
  if (!request) return Fails(request.error());
  auto temp = TemporaryFile(c);
  if (!temp) return Fails(CannotCreate());
  const std::string& path = *temp;
  auto sink = c.config.open_export(request->format, path);
  auto done = sink ? core::ExportTable(c.deps, c.caller, *request, **sink)
                   : core::Result<core::ExportSummary>(tl::unexpected(sink.error()));
  if (sink) sink->reset();  // closes the file before it is sent
  if (!done) {
    ::unlink(path.c_str());
    return Fails(done.error());
  }
  std::string ext = request->format == "xlsx" ? ".xlsx" : ".csv";
  ApiResponse r = Attachment(ContentTypeOf(request->format), "", done->name + ext);
  r.body_file = path;
  r.headers.emplace_back("X-Export-Rows", std::to_string(done->rows));
  return r;
}

ApiResponse PostCertificatesZip(ApiContext& c) {
  BodyReader in(c.body);
  std::vector<std::string> numbers = in.StringList("numbers");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto files = core::CertificateFiles(c.deps, c.caller, numbers, c.config.public_url);
  if (!files) return Fails(files.error());
  auto path = TemporaryFile(c);
  if (!path) return Fails(CannotCreate());
  std::vector<std::pair<std::string, std::string>> entries;
  for (auto& f : *files) entries.emplace_back(std::move(f.filename), std::move(f.bytes));
  if (auto written = c.config.write_zip(*path, entries); !written) {
    ::unlink(path->c_str());
    return Fails(written.error());
  }
  ApiResponse r =
      Attachment("application/zip", "", "certificates-" + std::to_string(entries.size()) + ".zip");
  r.body_file = *path;
  return r;
}

}  // namespace kakari::http
