// Handlers: institutions, affiliations, the G-MIS answer and coverage.
#include "core/domain/gmis_document.hpp"
#include "core/domain/wareki.hpp"
#include "core/services/affiliation_service.hpp"
#include "core/services/gmis_service.hpp"
#include "core/services/institution_accounts.hpp"
#include "core/services/institution_import.hpp"
#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "util/strings.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

json OptionalDate(const std::optional<core::Date>& d) {
  return d ? json(d->ToIso()) : json(nullptr);
}

json InstitutionJson(const core::Institution& i) {
  auto exempt = core::ReportExemption(i.code, i.advanced_treatment);
  return {
      {"code", i.code},
      {"name", i.name},
      {"kana", i.kana},
      {"kind", i.kind},
      {"prefecture_code", i.PrefectureCode()},
      {"address", i.address},
      {"reportable", exempt == core::ExemptReason::kNone},
      {"exempt_reason",
       exempt == core::ExemptReason::kNone ? json(nullptr) : json(core::ExemptReasonName(exempt))}};
}

json AffiliationJson(const core::Affiliation& a) {
  return {{"id", a.id},
          {"started_on", OptionalDate(a.started_on)},
          {"ended_on", OptionalDate(a.ended_on)},
          {"employment", a.employment ? json(core::EmploymentName(*a.employment)) : json(nullptr)},
          {"state", core::AffiliationStateName(a.state)},
          {"source", core::AffiliationSourceName(a.source)},
          {"version", a.version}};
}

json WorkplaceJson(const core::Workplace& w) {
  json j = AffiliationJson(w.affiliation);
  j["institution"] = InstitutionJson(w.institution);
  j["visible_to_institution"] = w.visible;
  return j;
}

json RequestJson(const core::AffiliationRequest& r) {
  json j = AffiliationJson(r.affiliation);
  j["registry_number"] = r.registry_number;
  j["name"] = r.name;
  return j;
}

json AnswerJson(const core::GmisAnswer& a, const std::string& public_url) {
  bool reportable = a.exempt == core::ExemptReason::kNone;
  json completed = json::array();
  for (const auto& c : a.completed) {
    completed.push_back(
        {{"registry_number", c.registry_number},
         {"name", c.name},
         {"certificate_number", c.certificate_number},
         {"issued_on", c.issued_on.ToIso()},
         {"verify_url", core::VerificationLink(public_url, c.certificate_number, c.payload)}});
  }
  json short_of = json::array();
  for (const auto& s : a.short_of) {
    short_of.push_back({{"registry_number", s.registry_number},
                        {"name", s.name},
                        {"missing", s.missing_ja},
                        {"missing_en", s.missing_en}});
  }
  return {{"institution", InstitutionJson(a.institution)},
          {"institution_code", a.institution.code},
          {"reportable", reportable},
          {"exempt_reason", reportable ? json(nullptr) : json(core::ExemptReasonName(a.exempt))},
          {"answer", a.answer ? json(*a.answer ? "yes" : "no") : json(nullptr)},
          {"as_of", a.as_of.ToIso()},
          {"completed", completed},
          {"short", short_of}};
}

core::NewAffiliation ReadNewAffiliation(BodyReader& in, core::Status& bad) {
  core::NewAffiliation n;
  n.started_on = in.DateField("started_on", false);
  if (auto e = in.OptionalString("employment")) {
    n.employment = core::ParseEmployment(*e);
    if (!n.employment) {
      bad = core::Fail(core::ErrorCode::kInvalidArgument,
                       "勤務形態は full_time（常勤）か part_time（非常勤）です",
                       "employment must be full_time or part_time", "employment");
    }
  }
  return n;
}

core::Result<core::AffiliationDecision> ReadDecision(ApiContext& c) {
  BodyReader in(c.body);
  std::string action = in.String("action");
  core::AffiliationDecision d;
  d.version = in.Int("version");
  d.ended_on = in.DateField("ended_on", false);
  KAKARI_RETURN_IF_ERROR(in.Finish());
  if (action == "confirm") {
    d.action = core::AffiliationAction::kConfirm;
  } else if (action == "decline") {
    d.action = core::AffiliationAction::kDecline;
  } else if (action == "end") {
    d.action = core::AffiliationAction::kEnd;
  } else {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "action は confirm・decline・end のいずれかです",
                      "action must be confirm, decline or end", "action");
  }
  return d;
}

std::optional<core::Id> PathId(const ApiContext& c) {
  const std::string& s = c.Param("id");
  if (s.empty() || s.size() > 12 || !util::IsAsciiDigits(s)) return std::nullopt;
  return std::stoll(s);
}

core::Error NoAffiliation() {
  return core::MakeError(core::ErrorCode::kNotFound, "勤務先が見つかりません",
                         "affiliation not found");
}

ApiResponse CsvResponse(std::string body, const std::string& filename) {
  return Attachment("text/csv; charset=utf-8", std::move(body), filename);
}

enum class AnswerFormat { kJson, kCsv, kPdf };

ApiResponse AnswerFor(ApiContext& c, const std::optional<std::string>& code, AnswerFormat format) {
  auto day = AsOf(c);
  if (!day) return Fails(day.error());
  if (format == AnswerFormat::kPdf) {
    return PdfFileResponse(
        core::InstitutionAnswerPdf(c.deps, c.caller, code, *day, c.config.public_url));
  }
  auto answer = core::InstitutionAnswer(c.deps, c.caller, code, *day);
  if (!answer) return Fails(answer.error());
  if (format == AnswerFormat::kJson) {
    return JsonResponse(200, AnswerJson(*answer, c.config.public_url));
  }
  std::string name = "gmis-" + answer->institution.code + "-" + answer->as_of.ToIso();
  return CsvResponse(core::AnswerCsv(*answer, c.config.public_url), name + ".csv");
}

}  // namespace

ApiResponse GetMyWorkplaces(ApiContext& c) {
  auto list = core::MyWorkplaces(c.deps, c.caller);
  if (!list) return Fails(list.error());
  json items = json::array();
  for (const auto& w : *list) items.push_back(WorkplaceJson(w));
  return JsonResponse(200, {{"items", items}});
}

ApiResponse PostMyWorkplace(ApiContext& c) {
  BodyReader in(c.body);
  std::string code = in.String("institution_code");
  core::Status bad;
  auto input = ReadNewAffiliation(in, bad);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (!bad) return Fails(bad.error());
  auto w = core::AddMyWorkplace(c.deps, c.caller, code, input);
  if (!w) return Fails(w.error());
  return JsonResponse(201, WorkplaceJson(*w));
}

ApiResponse PostMyWorkplaceDecision(ApiContext& c) {
  auto id = PathId(c);
  if (!id) return Fails(NoAffiliation());
  auto d = ReadDecision(c);
  if (!d) return Fails(d.error());
  auto w = core::DecideMyWorkplace(c.deps, c.caller, *id, *d);
  if (!w) return Fails(w.error());
  return JsonResponse(200, WorkplaceJson(*w));
}

ApiResponse GetInstitutionAffiliations(ApiContext& c) {
  auto list = core::InstitutionAffiliations(c.deps, c.caller);
  if (!list) return Fails(list.error());
  json items = json::array();
  for (const auto& r : *list) items.push_back(RequestJson(r));
  return JsonResponse(200, {{"items", items}});
}

ApiResponse PostInstitutionAffiliation(ApiContext& c) {
  BodyReader in(c.body);
  std::string reg = in.String("registry_number");
  std::string name = in.String("name");
  core::Status bad;
  auto input = ReadNewAffiliation(in, bad);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (!bad) return Fails(bad.error());
  auto r = core::ProposeDoctor(c.deps, c.caller, reg, name, input);
  if (!r) return Fails(r.error());
  return JsonResponse(201, RequestJson(*r));
}

ApiResponse PostInstitutionAffiliationDecision(ApiContext& c) {
  auto id = PathId(c);
  if (!id) return Fails(NoAffiliation());
  auto d = ReadDecision(c);
  if (!d) return Fails(d.error());
  auto r = core::DecideInstitutionAffiliation(c.deps, c.caller, *id, *d);
  if (!r) return Fails(r.error());
  return JsonResponse(200, RequestJson(*r));
}

ApiResponse GetInstitutionAnswer(ApiContext& c) {
  return AnswerFor(c, std::nullopt, AnswerFormat::kJson);
}
ApiResponse GetInstitutionAnswerCsv(ApiContext& c) {
  return AnswerFor(c, std::nullopt, AnswerFormat::kCsv);
}
ApiResponse GetInstitutionAnswerPdf(ApiContext& c) {
  return AnswerFor(c, std::nullopt, AnswerFormat::kPdf);
}
ApiResponse GetStaffInstitutionAnswer(ApiContext& c) {
  return AnswerFor(c, c.Param("code"), AnswerFormat::kJson);
}
ApiResponse GetStaffInstitutionAnswerPdf(ApiContext& c) {
  return AnswerFor(c, c.Param("code"), AnswerFormat::kPdf);
}

ApiResponse GetInstitutionSearch(ApiContext& c) {
  auto list = core::SearchInstitutions(c.deps, c.caller, QueryValue(c, "q").value_or(""));
  if (!list) return Fails(list.error());
  json items = json::array();
  for (const auto& i : *list) items.push_back(InstitutionJson(i));
  return JsonResponse(200, {{"items", items}});
}

namespace {

json CoverageJson(const core::Coverage& cov, const core::Date& day) {
  json without = json::array();
  for (const auto& s : cov.without) {
    without.push_back(
        {{"code", s.code},
         {"name", s.name},
         {"doctors", s.doctors},
         {"closest_shortfall_units",
          s.closest_shortfall ? json(s.closest_shortfall->ToString()) : json(nullptr)}});
  }
  json prefectures = json::array();
  for (const auto& p : cov.prefectures) {
    prefectures.push_back({{"prefecture_code", p.prefecture_code},
                           {"reportable", p.reportable},
                           {"covered", p.covered}});
  }
  return {{"as_of", day.ToIso()},
          {"reportable", cov.reportable},
          {"covered", cov.covered},
          {"institutions_without", without},
          {"prefectures", prefectures}};
}

core::Result<std::pair<core::Coverage, core::Date>> CoverageFor(ApiContext& c) {
  auto day = AsOf(c);
  KAKARI_RETURN_IF_ERROR(day);
  core::Date as_of = day->value_or(c.deps.clock.TodayInJapan());
  auto cov = core::AreaCoverage(c.deps, c.caller, QueryValue(c, "association"), as_of);
  KAKARI_RETURN_IF_ERROR(cov);
  return std::pair(std::move(*cov), as_of);
}

}  // namespace

ApiResponse GetCoverage(ApiContext& c) {
  auto cov = CoverageFor(c);
  if (!cov) return Fails(cov.error());
  return JsonResponse(200, CoverageJson(cov->first, cov->second));
}

ApiResponse GetCoverageCsv(ApiContext& c) {
  std::string encoding = QueryValue(c, "encoding").value_or("utf-8");
  if (encoding != "utf-8" && encoding != "cp932") {
    return Fails(core::MakeError(core::ErrorCode::kInvalidArgument,
                                 "encoding は utf-8 か cp932 です",
                                 "encoding must be utf-8 or cp932", "encoding"));
  }
  auto cov = CoverageFor(c);
  if (!cov) return Fails(cov.error());
  std::string csv = core::CoverageCsv(cov->first);
  std::string name = "coverage-" + cov->second.ToIso() + ".csv";
  if (encoding == "utf-8") return CsvResponse("\xEF\xBB\xBF" + csv, name);
  auto sjis = c.config.encode_cp932(csv);
  if (!sjis) return Fails(sjis.error());
  return Attachment("text/csv; charset=Shift_JIS", std::move(*sjis), name);
}

namespace {

ApiResponse ImportWith(ApiContext& c, core::Result<core::ImportReport> (*run)(
                                          const core::Deps&, const core::Caller&, core::RowSource&,
                                          const core::ProgressFn&)) {
  if (!util::StartsWith(c.req.Header("content-type"), "text/csv")) {
    return Fails(core::MakeError(core::ErrorCode::kUnsupportedFormat,
                                 "CSVファイル（Content-Type: text/csv）を送ってください",
                                 "send a CSV file (Content-Type: text/csv)", "content-type"));
  }
  auto rows = c.config.open_csv(c.req.body);
  if (!rows) return Fails(rows.error());
  auto report = run(c.deps, c.caller, **rows, {});
  if (!report) return Fails(report.error());
  json rejected = json::array();
  for (const auto& r : report->rejected) {
    rejected.push_back({{"line", r.line}, {"reason_ja", r.reason_ja}, {"reason_en", r.reason_en}});
  }
  return JsonResponse(200, {{"imported", report->imported},
                            {"updated", report->updated},
                            {"duplicates", report->duplicates},
                            {"rejected", rejected}});
}

}  // namespace

ApiResponse PostInstitutionImport(ApiContext& c) { return ImportWith(c, core::ImportInstitutions); }
ApiResponse PostAffiliationImport(ApiContext& c) { return ImportWith(c, core::ImportAffiliations); }

namespace {

ApiResponse CodeLetter(const core::Result<core::IssuedCode>& code) {
  if (!code) return Fails(code.error());
  return JsonResponse(
      201, {{"login", code->login},
            {"code", code->code},
            {"expires_at", core::FormatUtcIso(code->expires_at)},
            {"institution", {{"name", code->doctor_name}, {"code", code->registry_number}}}});
}

}  // namespace

ApiResponse PostInstitutionCode(ApiContext& c) {
  BodyReader in(c.body);
  std::string code = in.String("institution_code");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return CodeLetter(core::IssueInstitutionCode(c.deps, c.caller, code));
}

ApiResponse PostInstitutionUser(ApiContext& c) {
  BodyReader in(c.body);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return CodeLetter(core::AddInstitutionUser(c.deps, c.caller));
}

static core::Error BadDate(const char* field) {
  return core::MakeError(core::ErrorCode::kInvalidArgument,
                         std::string(field) + " は YYYY-MM-DD の日付で指定してください",
                         std::string(field) + " must be a date YYYY-MM-DD", field);
}

// ?as_of=YYYY-MM-DD; none when absent; an error when malformed.
core::Result<std::optional<core::Date>> AsOf(const ApiContext& c) {
  auto it = c.req.query.find("as_of");
  if (it == c.req.query.end() || it->second.empty()) return std::optional<core::Date>();
  auto d = core::ParseWesternDate(it->second);
  if (!d) return tl::unexpected(BadDate("as_of"));
  return std::optional<core::Date>(*d);
}

std::optional<std::string> QueryValue(const ApiContext& c, const char* key) {
  auto it = c.req.query.find(key);
  if (it == c.req.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

}  // namespace kakari::http
