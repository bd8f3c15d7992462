// Notices: each signed-in person's inbox (お知らせ), read marks, the reminder
// preference, and for staff the deliveries that failed for good.
#include "core/services/notice_service.hpp"
#include "http/api_context.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

nlohmann::json NoticeJson(const core::InboxEntry& e) {
  const core::Notice& n = e.notice;
  return {{"id", n.id},
          {"kind", core::NoticeKindName(n.kind)},
          {"link", n.link},
          {"created_at", n.created_at},
          {"read", n.read_at.has_value()},
          {"subject", {{"ja", e.message.subject_ja}, {"en", e.message.subject_en}}},
          {"text", {{"ja", e.message.text_ja}, {"en", e.message.text_en}}},
          {"delivery", core::DeliveryStateName(n.delivery)}};
}

core::Error BadNumber(const std::string& field) {
  return core::MakeError(core::ErrorCode::kInvalidArgument, field + " は正の整数です",
                         field + " must be a positive integer", field);
}

// A positive integer query value, `fallback` when absent.
std::optional<int> QueryNumber(const ApiContext& c, const std::string& key, int fallback) {
  auto it = c.req.query.find(key);
  if (it == c.req.query.end()) return fallback;
  if (!util::IsAsciiDigits(it->second) || it->second.size() > 6) return std::nullopt;
  return std::stoi(it->second);
}

}  // namespace

ApiResponse GetMyNotices(ApiContext& c) {
  for (const auto& [key, value] : c.req.query) {
    if (key != "page" && key != "per_page") {
      return Fails(core::MakeError(core::ErrorCode::kInvalidArgument,
                                   "不明な条件「" + key + "」です",
                                   "unknown parameter \"" + key + "\"", key));
    }
  }
  auto page = QueryNumber(c, "page", 1);
  if (!page) return Fails(BadNumber("page"));
  auto per_page = QueryNumber(c, "per_page", 20);
  if (!per_page) return Fails(BadNumber("per_page"));
  auto inbox = core::MyInbox(c.deps, c.caller, *page, *per_page);
  if (!inbox) return Fails(inbox.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : inbox->entries) items.push_back(NoticeJson(e));
  return JsonResponse(
      200, {{"items", items}, {"unread", inbox->unread}, {"reminders", inbox->reminders}});
}

ApiResponse PostNoticeRead(ApiContext& c) {
  const std::string& raw = c.Param("id");
  BodyReader in(c.body);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (!util::IsAsciiDigits(raw) || raw.size() > 12) {
    return Fails(core::MakeError(core::ErrorCode::kNotFound, "お知らせが見つかりません",
                                 "notice not found", "id"));
  }
  if (auto s = core::MarkNoticeRead(c.deps, c.caller, std::stoll(raw)); !s) {
    return Fails(s.error());
  }
  return JsonResponse(200, {{"read", true}});
}

ApiResponse PutNoticePreferences(ApiContext& c) {
  BodyReader in(c.body);
  bool reminders = in.Bool("reminders");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (auto s = core::SetReminderPreference(c.deps, c.caller, reminders); !s) {
    return Fails(s.error());
  }
  return JsonResponse(200, {{"reminders", reminders}});
}

ApiResponse GetFailedDeliveries(ApiContext& c) {
  auto failed = core::FailedDeliveries(c.deps, c.caller);
  if (!failed) return Fails(failed.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : *failed) {
    items.push_back({{"id", f.notice_id},
                     {"kind", core::NoticeKindName(f.kind)},
                     {"recipient", f.recipient},
                     {"email", f.email},
                     {"attempts", f.attempts},
                     {"last_error", f.last_error},
                     {"created_at", f.created_at}});
  }
  return JsonResponse(200, {{"items", items}});
}

}  // namespace kakari::http
