#include "http/json_input.hpp"

#include <unordered_set>

#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

// Fields people may write over several lines; every other string is one line.
const std::unordered_set<std::string_view> kMultilineFields = {"description", "reason", "note"};

core::Error BadJson(std::string ja, std::string en, std::string field = "") {
  return core::MakeError(core::ErrorCode::kInvalidArgument, std::move(ja), std::move(en),
                         std::move(field));
}

// Every string in `v`, keys included, is clean text; `field` names the
// top-level key it sits under.
core::Status CheckStrings(const json& v, const std::string& field) {
  if (v.is_string()) return core::RequireCleanText(v.get_ref<const std::string&>(), field, true);
  if (v.is_array()) {
    for (const auto& e : v) {
      KAKARI_RETURN_IF_ERROR(CheckStrings(e, field));
    }
  }
  if (v.is_object()) {
    for (const auto& [key, value] : v.items()) {
      const std::string& name = field.empty() ? key : field;
      KAKARI_RETURN_IF_ERROR(core::RequireCleanText(key, name, false));
      KAKARI_RETURN_IF_ERROR(CheckStrings(value, name));
    }
  }
  return {};
}

}  // namespace

core::Result<json> ParseJsonBody(std::string_view text) {
  std::vector<std::unordered_set<std::string>> open_objects;
  std::string duplicate;
  json::parser_callback_t watch = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == json::parse_event_t::key && !open_objects.empty() && duplicate.empty() &&
        !open_objects.back().insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  json body = json::parse(text, watch, false);
  if (body.is_discarded() || !body.is_object()) {
    return tl::unexpected(BadJson("JSONの形式が正しくありません（オブジェクトを送ってください）",
                                  "the body is not valid JSON (send an object)"));
  }
  if (!duplicate.empty()) {
    return tl::unexpected(BadJson("「" + duplicate + "」が2回以上送られています",
                                  "\"" + duplicate + "\" is given more than once", duplicate));
  }
  KAKARI_RETURN_IF_ERROR(CheckStrings(body, ""));
  return body;
}

void BodyReader::FailField(const char* field, const std::string& ja, const std::string& en) {
  if (error_) return;
  error_ = core::MakeError(core::ErrorCode::kInvalidArgument, ja, en, field);
}

const json* BodyReader::Get(const char* field, bool required) {
  known_.insert(field);
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) {
    if (required) {
      FailField(field, std::string("「") + field + "」を入力してください",
                std::string("\"") + field + "\" is required");
    }
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> BodyReader::OptionalString(const char* field) {
  const json* v = Get(field, false);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    FailField(field, std::string("「") + field + "」は文字列で指定してください",
              std::string("\"") + field + "\" must be a string");
    return std::nullopt;
  }
  const auto& text = v->get_ref<const std::string&>();
  if (auto c = core::RequireCleanText(text, field, kMultilineFields.contains(field)); !c) {
    if (!error_) error_ = c.error();
    return std::nullopt;
  }
  return text;
}

std::string BodyReader::String(const char* field, bool required) {
  const json* v = Get(field, required);
  if (!v) return "";
  known_.erase(field);
  return OptionalString(field).value_or("");
}

std::optional<int64_t> BodyReader::OptionalInt(const char* field) {
  const json* v = Get(field, false);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    FailField(field, std::string("「") + field + "」は整数で指定してください",
              std::string("\"") + field + "\" must be an integer");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

bool BodyReader::Bool(const char* field) {
  const json* v = Get(field, true);
  if (!v) return false;
  if (!v->is_boolean()) {
    FailField(field, std::string("「") + field + "」は true か false で指定してください",
              std::string("\"") + field + "\" must be true or false");
    return false;
  }
  return v->get<bool>();
}

int64_t BodyReader::Int(const char* field) {
  if (!Get(field, true)) return 0;
  return OptionalInt(field).value_or(0);
}

std::vector<int64_t> BodyReader::IdList(const char* field, bool required) {
  const json* v = Get(field, required);
  std::vector<int64_t> out;
  if (!v) return out;
  if (!v->is_array()) {
    FailField(field, std::string("「") + field + "」は番号の配列で指定してください",
              std::string("\"") + field + "\" must be an array of ids");
    return out;
  }
  for (const auto& e : *v) {
    if (!e.is_number_integer() || e.get<int64_t>() <= 0) {
      FailField(field, std::string("「") + field + "」は正の整数の配列で指定してください",
                std::string("\"") + field + "\" must hold positive integers");
      return {};
    }
    out.push_back(e.get<int64_t>());
  }
  return out;
}

std::vector<std::string> BodyReader::StringList(const char* field) {
  const json* v = Get(field, true);
  std::vector<std::string> out;
  if (!v) return out;
  if (!v->is_array()) {
    FailField(field, std::string("「") + field + "」は文字列の配列で指定してください",
              std::string("\"") + field + "\" must be an array of strings");
    return out;
  }
  for (const auto& e : *v) {
    if (!e.is_string()) {
      FailField(field, std::string("「") + field + "」は文字列の配列で指定してください",
                std::string("\"") + field + "\" must be an array of strings");
      return {};
    }
    if (auto c = core::RequireCleanText(e.get_ref<const std::string&>(), field, false); !c) {
      if (!error_) error_ = c.error();
      return {};
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::optional<core::Date> BodyReader::DateField(const char* field, bool required) {
  const json* v = Get(field, required);
  if (!v) return std::nullopt;
  std::optional<core::Date> d;
  if (v->is_string() && v->get<std::string>().empty()) {
    FailField(field, std::string("「") + field + "」を入力してください",
              std::string("\"") + field + "\" is required");
    return d;
  }
  if (v->is_string()) {
    auto parsed = core::ParseDate(v->get<std::string>());
    if (parsed) d = *parsed;
  }
  if (!d) {
    FailField(field, std::string("「") + field + "」は 2026-04-01 の形の日付で指定してください",
              std::string("\"") + field + "\" must be a date like 2026-04-01");
  }
  return d;
}

std::optional<core::HalfUnits> BodyReader::Units(const char* field) {
  const json* v = Get(field, true);
  if (!v) return std::nullopt;
  std::optional<core::HalfUnits> u;
  if (v->is_number()) {
    double x = v->get<double>();
    double halves = x * 2;
    if (halves == static_cast<double>(static_cast<int64_t>(halves)) && halves >= 0 &&
        halves < 1e6) {
      u = core::HalfUnits::FromHalves(static_cast<int64_t>(halves));
    }
  }
  if (!u) {
    FailField(field, std::string("「") + field + "」は0.5刻みの数で指定してください",
              std::string("\"") + field + "\" must be a number in steps of 0.5");
  }
  return u;
}

const json* BodyReader::Object(const char* field) {
  const json* v = Get(field, false);
  if (v && !v->is_object()) {
    FailField(field, std::string("「") + field + "」はオブジェクトで指定してください",
              std::string("\"") + field + "\" must be an object");
    return nullptr;
  }
  return v;
}

core::Status BodyReader::Finish() {
  if (!error_ && body_.is_object()) {
    for (const auto& [key, value] : body_.items()) {
      if (!known_.count(key)) {
        FailField(key.c_str(), "不明な項目「" + key + "」があります",
                  "unknown field \"" + key + "\"");
        break;
      }
    }
  }
  if (error_) return tl::unexpected(*error_);
  return {};
}

}  // namespace kakari::http
