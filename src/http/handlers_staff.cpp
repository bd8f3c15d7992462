// Handlers: association staff — the queue, items, decisions, bulk approval,
// doctor search and creation, paper entry, routing; institutions' view.
#include "core/domain/text.hpp"
#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"
#include "core/services/doctor_workflow.hpp"
#include "core/services/staff_workflow.hpp"
#include "http/api_context.hpp"
#include "http/api_json.hpp"
#include "http/error_status.hpp"
#include "http/workflow_json.hpp"
#include "util/strings.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

core::Error BadFilter(const std::string& field, const std::string& ja, const std::string& en) {
  return core::MakeError(core::ErrorCode::kInvalidArgument, ja, en, field);
}

ApiResponse StaffItem(ApiContext& c, core::ReviewKind kind, core::Id id, int status) {
  auto view = core::ViewItem(c.deps, c.caller, kind, id);
  if (!view) return Fails(view.error());
  return JsonResponse(status, ItemViewJson(*view));
}

}  // namespace

ApiResponse GetDoctorProgress(ApiContext& c) {
  auto p = core::DoctorProgressFor(c.deps, c.caller, c.Param("registry_number"));
  if (!p) return Fails(p.error());
  ApiResponse r;
  r.body = ProgressBody(*p);
  return r;
}

std::optional<core::Error> ReadQueueFilter(const std::map<std::string, std::string>& q,
                                           core::QueueFilter& f) {
  static const std::set<std::string> kKnown = {"kind",  "status", "channel", "association",
                                               "from",  "to",     "q",       "sort",
                                               "order", "page",   "per_page"};
  for (const auto& [k, v] : q) {
    if (!kKnown.count(k))
      return BadFilter(k, "不明な条件「" + k + "」です", "unknown filter \"" + k + "\"");
  }
  auto get = [&](const char* k) -> std::string {
    auto it = q.find(k);
    return it == q.end() ? "" : it->second;
  };
  if (auto k = get("kind"); !k.empty() && !(f.kind = core::ParseReviewKind(k))) {
    return BadFilter("kind", "kind は application・activity・declaration のいずれかです",
                     "kind must be application, activity or declaration");
  }
  if (auto s = get("status"); !s.empty() && !(f.status = core::ParseReviewStatus(s))) {
    return BadFilter("status", "status が正しくありません", "unknown status");
  }
  if (auto ch = get("channel"); !ch.empty()) {
    if (ch != "online" && ch != "paper") {
      return BadFilter("channel", "channel は online か paper です",
                       "channel must be online or paper");
    }
    f.channel = ch;
  }
  if (auto a = get("association"); !a.empty()) f.association_code = a;
  for (auto [key, slot] :
       {std::pair{"from", &f.submitted_from}, std::pair{"to", &f.submitted_to}}) {
    if (auto d = get(key); !d.empty()) {
      auto parsed = core::ParseDate(d);
      if (!parsed)
        return BadFilter(key, std::string(key) + " は日付（2026-01-31）で指定してください",
                         std::string(key) + " must be a date like 2026-01-31");
      *slot = parsed->ToIso();
    }
  }
  if (auto text = get("q"); !text.empty()) f.name_key = core::SearchKey(core::NormalizeNfkc(text));
  f.sort = get("sort").empty() ? "submitted_at" : get("sort");
  if (f.sort != "submitted_at" && f.sort != "name" && f.sort != "status") {
    return BadFilter("sort", "sort は submitted_at・name・status のいずれかです",
                     "sort must be submitted_at, name or status");
  }
  f.descending = get("order") == "desc";
  for (auto [key, slot] : {std::pair{"page", &f.page}, std::pair{"per_page", &f.per_page}}) {
    if (auto v = get(key); !v.empty()) {
      if (!util::IsAsciiDigits(v) || v.size() > 6) {
        return BadFilter(key, std::string(key) + " は正の整数です",
                         std::string(key) + " must be a positive integer");
      }
      *slot = std::stoi(v);
    }
  }
  return std::nullopt;
}

ApiResponse GetQueue(ApiContext& c) {
  core::QueueFilter f;
  if (auto e = ReadQueueFilter(c.req.query, f)) return Fails(*e);
  auto page = core::ReviewQueue(c.deps, c.caller, f);
  if (!page) return Fails(page.error());
  ApiResponse r;
  r.body = QueuePageJson(*page, f.page, f.per_page);
  return r;
}

ApiResponse GetStaffItem(ApiContext& c) {
  auto ref = ItemRef(c);
  if (!ref || c.caller.principal.role == core::Role::kDoctor) return Fails(ItemNotFound());
  if (!core::Allows(c.caller.principal, core::Permission::kReview)) return Fails(ItemNotFound());
  return StaffItem(c, ref->first, ref->second, 200);
}

ApiResponse GetItemAudit(ApiContext& c) {
  auto ref = ItemRef(c);
  if (!ref) return Fails(ItemNotFound());
  auto records = core::ItemAudit(c.deps, c.caller, ref->first, ref->second);
  if (!records) return Fails(records.error());
  json list = json::array();
  for (const auto& r : *records) {
    list.push_back({{"id", r.id},
                    {"at", r.at},
                    {"actor_role", r.actor_role},
                    {"actor_user_id", r.actor_user_id ? json(*r.actor_user_id) : json(nullptr)},
                    {"action", r.action},
                    {"detail", r.detail}});
  }
  return JsonResponse(200, {{"records", list}});
}

ApiResponse PostDecision(ApiContext& c) {
  auto ref = ItemRef(c);
  if (!ref) return Fails(ItemNotFound());
  BodyReader in(c.body);
  std::string action = in.String("action");
  core::Decision d;
  d.reason = in.String("reason", false);
  d.version = in.OptionalInt("version");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto parsed = core::ParseReviewAction(action);
  if (!parsed || core::ActorOf(*parsed) != core::ReviewActor::kStaff) {
    return Fails(BadFilter("action", "action は approve・return・reject のいずれかです",
                           "action must be approve, return or reject"));
  }
  d.action = *parsed;
  auto id = core::Decide(c.deps, c.caller, ref->first, ref->second, d);
  if (!id) return Fails(id.error());
  return StaffItem(c, ref->first, *id, 200);
}

ApiResponse PostBulkApprove(ApiContext& c) {
  const json* items = nullptr;
  {
    auto it = c.body.find("items");
    if (it != c.body.end()) items = &*it;
  }
  std::vector<std::pair<core::ReviewKind, core::Id>> refs;
  if (!items || !items->is_array()) {
    return Fails(BadFilter("items", "items に {kind, id} の配列を指定してください",
                           "items must be an array of {kind, id}"));
  }
  for (const auto& e : *items) {
    auto kind = e.is_object() && e.contains("kind") && e["kind"].is_string()
                    ? core::ParseReviewKind(e["kind"].get<std::string>())
                    : std::nullopt;
    if (!kind || !e.contains("id") || !e["id"].is_number_integer() || e.size() != 2) {
      return Fails(BadFilter("items", "items の各要素は {kind, id} です",
                             "each of items must be {kind, id}"));
    }
    refs.emplace_back(*kind, e["id"].get<int64_t>());
  }
  if (c.body.size() != 1) {
    return Fails(BadFilter("items", "items 以外の項目は受け付けません", "only items is accepted"));
  }
  auto out = core::BulkApprove(c.deps, c.caller, refs);
  if (!out) return Fails(out.error());
  json results = json::array();
  int approved = 0;
  for (const auto& o : *out) {
    json r = {{"kind", core::ReviewKindName(o.kind)}, {"id", o.id}, {"approved", o.approved}};
    if (o.error) {
      r["error"] = {{"code", ApiErrorName(o.error->code)},
                    {"message_ja", o.error->message_ja},
                    {"message_en", o.error->message_en}};
    }
    approved += o.approved;
    results.push_back(r);
  }
  return JsonResponse(200, {{"approved", approved},
                            {"failed", static_cast<int>(out->size()) - approved},
                            {"results", results}});
}

ApiResponse GetDoctors(ApiContext& c) {
  auto it = c.req.query.find("q");
  auto found = core::FindDoctors(c.deps, c.caller, it == c.req.query.end() ? "" : it->second);
  if (!found) return Fails(found.error());
  json list = json::array();
  for (const auto& d : *found) list.push_back(DoctorJson(d));
  return JsonResponse(200, {{"doctors", list}});
}

ApiResponse PostDoctor(ApiContext& c) {
  BodyReader in(c.body);
  core::DoctorDraft d;
  d.registry_number = in.String("registry_number");
  d.name = in.String("name");
  d.kana = in.String("kana");
  d.birth_date = in.DateField("birth_date");
  d.member_id = in.OptionalString("member_id").value_or("");
  d.association_code = in.String("association_code");
  d.postal_code = in.String("postal_code", false);
  d.address = in.String("address", false);
  d.email = in.String("email", false);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto created = core::CreateDoctor(c.deps, c.caller, d);
  if (!created) return Fails(created.error());
  return JsonResponse(201, DoctorJson(*created));
}

ApiResponse PostPaperApplication(ApiContext& c) {
  BodyReader in(c.body);
  core::PaperApplication p;
  p.registry_number = in.String("registry_number");
  p.scan_file_id = in.Int("scan_file_id");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  core::RoutedTo routed;
  auto id = core::EnterPaperApplication(c.deps, c.caller, p, &routed);
  if (!id) return Fails(id.error());
  auto view = core::ViewItem(c.deps, c.caller, core::ReviewKind::kApplication, *id);
  if (view) return JsonResponse(201, ItemViewJson(*view));
  if (view.error().code != core::ErrorCode::kNotFound) return Fails(view.error());
  // Entered here but routed beyond this desk's scope: say where it went.
  return JsonResponse(
      201, {{"id", *id},
            {"kind", "application"},
            {"channel", "paper"},
            {"status", "submitted"},
            {"visible", false},
            {"routed_to", routed.code},
            {"routed_to_name", routed.name},
            {"message_ja",
             "申請を受け付け、" + routed.name + "に回付しました。承認はその医師会が行います"},
            {"message_en", "accepted and routed to " + routed.code + ", which approves it"}});
}

ApiResponse GetRoutingRule(ApiContext& c) {
  auto rule = core::GetRouting(c.deps, c.caller, c.Param("prefecture"));
  if (!rule) return Fails(rule.error());
  return JsonResponse(200, {{"prefecture", rule->prefecture_code},
                            {"members", core::ApprovingLevelName(rule->members)},
                            {"non_members", core::ApprovingLevelName(rule->non_members)}});
}

ApiResponse PutRoutingRule(ApiContext& c) {
  BodyReader in(c.body);
  std::string members = in.String("members");
  std::string non_members = in.String("non_members");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto m = core::ParseApprovingLevel(members);
  auto n = core::ParseApprovingLevel(non_members);
  if (!m || !n) {
    return Fails(BadFilter(m ? "non_members" : "members", "county か prefecture を指定してください",
                           "use county or prefecture"));
  }
  core::RoutingRule rule{c.Param("prefecture"), *m, *n};
  if (auto s = core::PutRouting(c.deps, c.caller, rule); !s) return Fails(s.error());
  return GetRoutingRule(c);
}

ApiResponse GetInstitutionDoctors(ApiContext& c) {
  auto list = core::InstitutionDoctors(c.deps, c.caller);
  if (!list) return Fails(list.error());
  json out = json::array();
  for (const auto& s : *list) {
    out.push_back({{"name", s.doctor.name},
                   {"kana", s.doctor.kana},
                   {"complete", s.complete},
                   {"certified", s.certified}});
  }
  return JsonResponse(200, {{"doctors", out}});
}

}  // namespace kakari::http
