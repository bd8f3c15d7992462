// kakari gmis and kakari coverage: the G-MIS answer of one institution and
// the coverage of an area, for the operator (no login; reads only); and
// kakari remind, which gives the reminders due on a day (for a system timer).
#include <cstdio>
#include <ostream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"
#include "core/services/export_service.hpp"
#include "core/services/gmis_service.hpp"
#include "core/services/reminder_service.hpp"
#include "core/services/statistics_service.hpp"
#include "util/strings.hpp"

namespace kakari::cli {

namespace {

using util::JsonEscape;

std::string Quoted(std::string_view s) { return "\"" + JsonEscape(s) + "\""; }

template <class T, class Fn>
std::string JsonArray(const std::vector<T>& items, Fn each) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + each(items[i]);
  return s + "]";
}

std::string GmisJson(const core::GmisAnswer& a) {
  bool reportable = a.exempt == core::ExemptReason::kNone;
  std::string s = "{\"institution_code\": " + Quoted(a.institution.code);
  s += ", \"name\": " + Quoted(a.institution.name);
  s += std::string(", \"reportable\": ") + (reportable ? "true" : "false");
  s += ", \"exempt_reason\": " +
       (reportable ? std::string("null") : Quoted(core::ExemptReasonName(a.exempt)));
  s += ", \"answer\": " + (a.answer ? Quoted(*a.answer ? "yes" : "no") : std::string("null"));
  s += ", \"as_of\": " + Quoted(a.as_of.ToIso());
  s += ", \"completed\": " + JsonArray(a.completed, [](const core::GmisCompleted& c) {
         return "{\"registry_number\": " + Quoted(c.registry_number) +
                ", \"name\": " + Quoted(c.name) +
                ", \"certificate_number\": " + Quoted(c.certificate_number) +
                ", \"issued_on\": " + Quoted(c.issued_on.ToIso()) + "}";
       });
  s += ", \"short\": " + JsonArray(a.short_of, [](const core::GmisShort& x) {
         auto strings = [](const std::vector<std::string>& v) {
           return JsonArray(v, [](const std::string& m) { return Quoted(m); });
         };
         return "{\"registry_number\": " + Quoted(x.registry_number) +
                ", \"name\": " + Quoted(x.name) + ", \"missing\": " + strings(x.missing_ja) +
                ", \"missing_en\": " + strings(x.missing_en) + "}";
       });
  return s + "}";
}

void PrintGmis(const Environment& env, const core::GmisAnswer& a) {
  auto& out = *env.out;
  out << a.institution.name << "（" << a.institution.code << "） " << a.as_of.ToIso() << "\n";
  if (!a.answer) {
    out << "報告対象外 / exempt: " << core::ExemptReasonName(a.exempt) << "\n";
  } else {
    out << "研修の修了者: " << (*a.answer ? "有り" : "無し")
        << " / trained doctor: " << (*a.answer ? "yes" : "no") << "\n";
  }
  for (const auto& c : a.completed) {
    out << "  修了 " << c.registry_number << "  " << c.name << "  " << c.certificate_number << "  "
        << c.issued_on.ToIso() << "\n";
  }
  for (const auto& x : a.short_of) {
    out << "  未修了 " << x.registry_number << "  " << x.name;
    for (const auto& m : x.missing_ja) out << "  " << m;
    out << "\n";
  }
}

// --as-of as a date, today in Japan when absent.
core::Result<core::Date> AsOf(const Args& args, Environment& env) {
  auto text = args.Option("as-of");
  if (!text) return env.today();
  auto d = core::ParseWesternDate(*text);
  if (!d) {
    return core::Fail(core::ErrorCode::kInvalidArgument, "--as-of は YYYY-MM-DD で指定してください",
                      "--as-of must be YYYY-MM-DD", "as-of");
  }
  return *d;
}

}  // namespace

int RunGmis(const Args& args, Environment& env) {
  auto code_text = args.Option("institution");
  if (!code_text) {
    *env.err << "使い方 / usage: kakari gmis --institution CODE [--as-of YYYY-MM-DD] [--json]\n";
    return kExitUsage;
  }
  auto code = core::ValidateInstitutionCode(*code_text);
  if (!code) return PrintError(env, code.error(), true);
  auto day = AsOf(args, env);
  if (!day) return PrintError(env, day.error(), true);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto answer = core::InstitutionAnswer(env.DepsFor(*store), core::CommandLineCaller(),
                                        std::string(*code), *day);
  if (!answer && answer.error().code == core::ErrorCode::kNotFound) {
    return PrintError(env, core::MakeError(core::ErrorCode::kNotFound,
                                           "医療機関コード " + *code + " の医療機関はありません",
                                           "no institution has code " + *code, "institution"));
  }
  if (!answer) return PrintError(env, answer.error());
  if (args.Flag("json")) {
    *env.out << GmisJson(*answer) << "\n";
  } else {
    PrintGmis(env, *answer);
  }
  return kExitOk;
}

int RunCoverage(const Args& args, Environment& env) {
  std::string area;
  if (auto a = args.Option("association"); a && *a != "00") {
    auto valid = core::ValidateAssociationCode(*a);
    if (!valid) return PrintError(env, valid.error(), true);
    area = *valid;
  }
  auto day = AsOf(args, env);
  if (!day) return PrintError(env, day.error(), true);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto c = core::AreaCoverage(env.DepsFor(*store), core::CommandLineCaller(),
                              area.empty() ? std::nullopt : std::optional<std::string>(area), *day);
  if (!c) return PrintError(env, c.error());
  if (args.Flag("json")) {
    *env.out << "{\"as_of\": " << Quoted(day->ToIso()) << ", \"reportable\": " << c->reportable
             << ", \"covered\": " << c->covered << ", \"institutions_without\": "
             << JsonArray(c->without, [](const core::UncoveredSite& s) { return Quoted(s.code); })
             << "}\n";
    return kExitOk;
  }
  *env.out << "報告対象 / reportable: " << c->reportable << "\n修了者有り / covered: " << c->covered
           << "\n修了者無し / without: " << c->without.size() << "\n";
  return kExitOk;
}

int RunStats(const Args& args, Environment& env) {
  auto day = AsOf(args, env);
  if (!day) return PrintError(env, day.error(), true);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto area = args.Option("association");
  auto s = core::AreaStatistics(env.DepsFor(*store), core::CommandLineCaller(),
                                area ? std::optional<std::string>(*area) : std::nullopt, *day);
  if (!s) return PrintError(env, s.error(), s.error().code == core::ErrorCode::kInvalidArgument);
  if (args.Flag("json")) {
    *env.out << env.statistics_json(*s) << "\n";
    return kExitOk;
  }
  const auto& t = s->total;
  *env.out << t.name_ja << " " << s->as_of.ToIso() << "（" << s->fiscal_year << "年度 / FY）\n"
           << "医師 / doctors: " << t.doctors << "\n修了要件を満たす / complete: " << t.complete
           << "\n申請 / applied: " << t.applied << "\n承認 / approved: " << t.approved
           << "\n審査待ち / waiting: " << t.Waiting()
           << "\n審査日数 中央値・90% / days median, p90: "
           << (t.median_days ? std::to_string(*t.median_days) : "-") << ", "
           << (t.p90_days ? std::to_string(*t.p90_days) : "-")
           << "\n修了証 発行・再発行・取消・郵送 / certificates issued, reissued, revoked, mailed: "
           << t.issued << ", " << t.reissued << ", " << t.revoked << ", " << t.mailed
           << "\n医療機関 修了者有り / institutions covered: " << t.covered << " / " << t.reportable
           << "\n";
  return kExitOk;
}

int RunExport(const Args& args, Environment& env) {
  auto usage = [&] {
    *env.err << "使い方 / usage: kakari export queue|completions|certificates|coverage|statistics "
                "--format xlsx|csv|csv-cp932 --out FILE [--association CODE]\n";
    return kExitUsage;
  };
  if (args.positional().size() != 1 || !args.Option("out")) return usage();
  core::ExportRequest request;
  auto kind = core::ParseExportKind(args.positional()[0]);
  if (!kind) return usage();
  request.kind = *kind;
  request.format = args.Option("format").value_or("xlsx");
  if (auto a = args.Option("association")) request.area = *a;
  auto day = AsOf(args, env);
  if (!day) return PrintError(env, day.error(), true);
  request.as_of = *day;
  std::string out = *args.Option("out");
  auto sink = env.open_export(request.format, out);
  if (!sink) return PrintError(env, sink.error(), true);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto done = core::ExportTable(env.DepsFor(*store), core::CommandLineCaller(), request, **sink);
  sink->reset();
  if (!done) {
    std::remove(out.c_str());  // nothing half-written stays behind
    return PrintError(env, done.error(), done.error().code == core::ErrorCode::kInvalidArgument);
  }
  *env.out << out << ": " << done->rows << " 行 / rows\n";
  return kExitOk;
}

int RunRemind(const Args& args, Environment& env) {
  auto day = AsOf(args, env);
  if (!day) return PrintError(env, day.error(), true);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  auto run = core::RunReminders(env.DepsFor(*store), core::CommandLineCaller(), *day);
  if (!run) return PrintError(env, run.error());
  if (args.Flag("json")) {
    *env.out << "{\"as_of\": " << Quoted(day->ToIso())
             << ", \"near_completion\": " << run->near_completion
             << ", \"returned_unanswered\": " << run->returned_unanswered
             << ", \"digests\": " << run->digests << ", \"gmis_no\": " << run->gmis_no << "}\n";
    return kExitOk;
  }
  *env.out << "修了間近 / near completion: " << run->near_completion
           << "\n差戻し未対応 / returned, unanswered: " << run->returned_unanswered
           << "\n審査待ちのまとめ / reviewer digests: " << run->digests
           << "\nG-MIS「無し」見込み / G-MIS none: " << run->gmis_no << "\n";
  return kExitOk;
}

}  // namespace kakari::cli
