// Handlers: a doctor's own record — progress, credits, files, activities,
// declarations, applications, withdrawal and resubmission.
#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"
#include "http/api_context.hpp"
#include "http/api_json.hpp"
#include "http/workflow_json.hpp"
#include "util/strings.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

core::Error BadQuery(const char* field, const char* ja, const char* en) {
  return core::MakeError(core::ErrorCode::kInvalidArgument, ja, en, field);
}

// A positive integer query or path value; `fallback` when absent.
std::optional<int64_t> PositiveInt(const std::map<std::string, std::string>& m, const char* key,
                                   int64_t fallback) {
  auto it = m.find(key);
  if (it == m.end() || it->second.empty()) return fallback;
  if (!util::IsAsciiDigits(it->second) || it->second.size() > 12) return std::nullopt;
  int64_t v = std::stoll(it->second);
  return v > 0 ? std::optional(v) : std::nullopt;
}

core::ActivityInput ReadActivity(BodyReader& in) {
  core::ActivityInput a;
  a.category = in.String("category");
  a.description = in.String("description");
  a.started_on = in.DateField("started_on").value_or(core::Date{});
  a.ended_on = in.DateField("ended_on", false);
  a.organisation = in.String("organisation");
  a.file_ids = in.IdList("file_ids");
  return a;
}

core::DeclarationInput ReadDeclaration(BodyReader& in) {
  core::DeclarationInput d;
  d.taken_on = in.DateField("taken_on").value_or(core::Date{});
  d.units = in.Units("units").value_or(core::HalfUnits{});
  d.title = in.String("title");
  d.organizer = in.String("organizer");
  d.file_ids = in.IdList("file_ids", true);
  return d;
}

// The item as its owner sees it after a change (also on an idempotent replay).
ApiResponse ItemAfterChange(ApiContext& c, core::ReviewKind kind, const core::Result<core::Id>& id,
                            int status) {
  if (!id) return Fails(id.error());
  auto view = core::ViewItem(c.deps, c.caller, kind, *id);
  if (!view) return Fails(view.error());
  return JsonResponse(status, ItemViewJson(*view));
}

}  // namespace

std::optional<std::pair<core::ReviewKind, core::Id>> ItemRef(const ApiContext& c) {
  auto kind = core::ParseReviewKind(c.Param("kind"));
  auto id = PositiveInt(c.req.params, "id", 0);
  if (!kind || !id || *id == 0) return std::nullopt;
  return std::pair(*kind, *id);
}

core::Error ItemNotFound() {
  return core::MakeError(core::ErrorCode::kNotFound, "申請・報告が見つかりません",
                         "item not found");
}

ApiResponse GetMyProgress(ApiContext& c) {
  auto p = core::MyProgress(c.deps, c.caller);
  if (!p) return Fails(p.error());
  ApiResponse r;
  r.body = ProgressBody(*p);
  return r;
}

ApiResponse GetMyCredits(ApiContext& c) {
  int fy_default = core::FiscalYear(c.deps.clock.TodayInJapan());
  auto fy = PositiveInt(c.req.query, "fiscal_year", fy_default);
  auto page = PositiveInt(c.req.query, "page", 1);
  auto per_page = PositiveInt(c.req.query, "per_page", 50);
  if (!fy || !page || !per_page) {
    return Fails(BadQuery("fiscal_year", "fiscal_year・page・per_page は正の整数で指定してください",
                          "fiscal_year, page and per_page must be positive integers"));
  }
  auto credits = core::MyCredits(c.deps, c.caller, static_cast<int>(*fy), static_cast<int>(*page),
                                 static_cast<int>(*per_page));
  if (!credits) return Fails(credits.error());
  json list = json::array();
  for (const auto& cr : credits->credits) {
    list.push_back(
        {{"id", cr.id},
         {"taken_on", cr.taken_on.ToIso()},
         {"units", UnitsJson(cr.units)},
         {"title", cr.title},
         {"organizer", cr.organizer},
         {"curriculum_code", cr.curriculum_code ? json(*cr.curriculum_code) : json(nullptr)}});
  }
  return JsonResponse(200, {{"fiscal_year", credits->fiscal_year},
                            {"total", credits->total},
                            {"page", *page},
                            {"per_page", *per_page},
                            {"credits", list}});
}

ApiResponse GetCategories(ApiContext& c) {
  auto cats = core::ActivityCategories(c.deps);
  if (!cats) return Fails(cats.error());
  json list = json::array();
  for (const auto& k : *cats) {
    list.push_back({{"code", k.code}, {"name_ja", k.name_ja}, {"name_en", k.name_en}});
  }
  return JsonResponse(200, {{"categories", list}});
}

ApiResponse PostFile(ApiContext& c) {
  std::string name = c.req.Header("x-file-name");
  auto meta = core::UploadFile(c.deps, c.caller, util::PercentDecode(name), c.req.body);
  if (!meta) return Fails(meta.error());
  return JsonResponse(201, FileJson(*meta));
}

ApiResponse GetFile(ApiContext& c) {
  auto id = PositiveInt(c.req.params, "id", 0);
  if (!id || *id == 0) return Fails(ItemNotFound());
  auto file = core::ReadFileFor(c.deps, c.caller, *id);
  if (!file) return Fails(file.error());
  ApiResponse r;
  r.content_type = file->meta.content_type;
  r.body = std::move(file->bytes);
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename*=UTF-8''" + util::PercentEncode(file->meta.name));
  return r;
}

ApiResponse PostActivity(ApiContext& c) {
  BodyReader in(c.body);
  core::ActivityInput a = ReadActivity(in);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return ItemAfterChange(c, core::ReviewKind::kActivity, core::ReportActivity(c.deps, c.caller, a),
                         201);
}

ApiResponse PostDeclaration(ApiContext& c) {
  BodyReader in(c.body);
  core::DeclarationInput d = ReadDeclaration(in);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return ItemAfterChange(c, core::ReviewKind::kDeclaration,
                         core::DeclareCredits(c.deps, c.caller, d), 201);
}

ApiResponse PostApplication(ApiContext& c) {
  BodyReader in(c.body);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return ItemAfterChange(c, core::ReviewKind::kApplication, core::Apply(c.deps, c.caller), 201);
}

ApiResponse GetApplicationPreview(ApiContext& c) {
  auto preview = core::PreviewApplication(c.deps, c.caller);
  if (!preview) return Fails(preview.error());
  json activities = json::array();
  for (const auto& a : preview->activities) {
    activities.push_back({{"id", a.id},
                          {"category", a.activity.category},
                          {"organisation", a.activity.organisation},
                          {"started_on", a.activity.started_on.ToIso()}});
  }
  const auto& s = preview->snapshot;
  return JsonResponse(200, {{"lecture_units", UnitsJson(s.lecture_units)},
                            {"total_units", UnitsJson(s.total_units)},
                            {"routing_reason", s.routing_reason},
                            {"activities", activities},
                            {"routed_to",
                             {{"code", preview->routed_to.code},
                              {"name_ja", preview->routed_to.name_ja},
                              {"name_en", preview->routed_to.name_en}}}});
}

ApiResponse GetMyItems(ApiContext& c) {
  auto items = core::MyItems(c.deps, c.caller);
  if (!items) return Fails(items.error());
  json list = json::array();
  for (const auto& it : *items) list.push_back(ItemJson(it));
  return JsonResponse(200, {{"items", list}});
}

ApiResponse GetMyItem(ApiContext& c) {
  auto ref = ItemRef(c);
  if (!ref || c.caller.principal.role != core::Role::kDoctor) return Fails(ItemNotFound());
  return ItemAfterChange(c, ref->first, ref->second, 200);
}

ApiResponse PostWithdraw(ApiContext& c) {
  auto ref = ItemRef(c);
  if (!ref) return Fails(ItemNotFound());
  BodyReader in(c.body);
  auto version = in.OptionalInt("version");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return ItemAfterChange(c, ref->first,
                         core::Withdraw(c.deps, c.caller, ref->first, ref->second, version), 200);
}

ApiResponse PostResubmit(ApiContext& c) {
  auto ref = ItemRef(c);
  if (!ref) return Fails(ItemNotFound());
  BodyReader in(c.body);
  auto version = in.OptionalInt("version");
  core::Correction fix;
  if (const json* a = in.Object("activity")) {
    BodyReader ar(*a);
    fix.activity = ReadActivity(ar);
    if (auto f = ar.Finish(); !f) return Fails(f.error());
  }
  if (const json* d = in.Object("declaration")) {
    BodyReader dr(*d);
    fix.declaration = ReadDeclaration(dr);
    if (auto f = dr.Finish(); !f) return Fails(f.error());
  }
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return ItemAfterChange(
      c, ref->first, core::Resubmit(c.deps, c.caller, ref->first, ref->second, fix, version), 200);
}

}  // namespace kakari::http
