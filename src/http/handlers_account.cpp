// Handlers: login, session, logout, one-time codes, password, API tokens.
#include "core/services/auth_service.hpp"
#include "core/services/credential_admin.hpp"
#include "http/api_context.hpp"

namespace kakari::http {

using nlohmann::json;

namespace {

json PrincipalJson(const core::Principal& p) {
  json u = {{"id", p.user_id}, {"role", core::RoleName(p.role)}};
  if (p.doctor_id) u["doctor_id"] = *p.doctor_id;
  if (!p.organisation_code.empty()) u["association_code"] = p.organisation_code;
  if (p.institution_id) u["institution_id"] = *p.institution_id;
  return u;
}

bool Secure(const ApiContext& c) {
  return c.config.secure_cookies || c.req.Header("x-forwarded-proto") == "https";
}

// The session cookie is HttpOnly; the CSRF cookie is readable by the page,
// which echoes it in X-CSRF-Token (double submit, checked against a hash).
ApiResponse SessionOpened(ApiContext& c, const core::LoginOutcome& out) {
  if (!out.session) {
    ApiResponse r = ErrorResponse(out.session.error());
    r.delay_ms = out.delay_ms;
    return r;
  }
  std::string attrs = "; Path=/; SameSite=Strict; Max-Age=" +
                      std::to_string(c.config.auth.session.absolute_seconds) +
                      (Secure(c) ? "; Secure" : "");
  ApiResponse r = JsonResponse(200, {{"user", PrincipalJson(out.session->principal)},
                                     {"csrf_token", out.session->csrf_token},
                                     {"idle_seconds", c.config.auth.session.idle_seconds}});
  r.headers.emplace_back("Set-Cookie",
                         "kakari_session=" + out.session->token + attrs + "; HttpOnly");
  r.headers.emplace_back("Set-Cookie", "kakari_csrf=" + out.session->csrf_token + attrs);
  r.delay_ms = out.delay_ms;
  return r;
}

ApiResponse Created(const json& body) { return JsonResponse(201, body); }

// 200 either way: a weak password is an answer here, not a failed request.
ApiResponse PasswordVerdict(const core::Status& verdict) {
  if (verdict) return JsonResponse(200, {{"acceptable", true}});
  if (verdict.error().code != core::ErrorCode::kUnprocessable)
    return ErrorResponse(verdict.error());
  return JsonResponse(200, {{"acceptable", false},
                            {"message_ja", verdict.error().message_ja},
                            {"message_en", verdict.error().message_en}});
}

}  // namespace

ApiResponse PostSession(ApiContext& c) {
  BodyReader in(c.body);
  std::string login = in.String("login");
  std::string password = in.String("password");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return SessionOpened(c,
                       core::Login(c.deps, c.config.auth, login, password, c.req.remote_address));
}

ApiResponse PostOneTimeCodeLogin(ApiContext& c) {
  BodyReader in(c.body);
  std::string login = in.String("login");
  std::string code = in.String("code");
  std::string password = in.String("new_password");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return SessionOpened(c, core::RedeemOneTimeCode(c.deps, c.config.auth, login, code, password,
                                                  c.req.remote_address));
}

ApiResponse GetSession(ApiContext& c) {
  return JsonResponse(200, {{"user", PrincipalJson(c.caller.principal)},
                            {"idle_seconds", c.config.auth.session.idle_seconds}});
}

ApiResponse DeleteSession(ApiContext& c) {
  ApiResponse r;
  r.status = 204;
  if (!c.session) return r;  // a bearer token has no session to end
  if (auto s = core::Logout(c.deps, c.caller, c.session->token_hash); !s) return Fails(s.error());
  r.headers.emplace_back("Set-Cookie",
                         "kakari_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  r.headers.emplace_back("Set-Cookie", "kakari_csrf=; Path=/; Max-Age=0; SameSite=Strict");
  return r;
}

ApiResponse PostPassword(ApiContext& c) {
  BodyReader in(c.body);
  std::string current = in.String("current_password");
  std::string next = in.String("new_password");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto out = core::ChangePassword(c.deps, c.config.auth.throttle, c.caller, current, next,
                                  c.session ? c.session->token_hash : "");
  ApiResponse r =
      out.status ? JsonResponse(200, {{"changed", true}}) : ErrorResponse(out.status.error());
  r.delay_ms = out.delay_ms;
  return r;
}

// The verdict the server would give, as the person types: for the signed-in
// person (their name and registry number count), or for a typed login on
// the one-time-code form (nothing about the account is looked up, so the
// answer says nothing about anyone).
ApiResponse PostPasswordCheck(ApiContext& c) {
  BodyReader in(c.body);
  std::string password = in.String("password");
  std::string login = in.OptionalString("login").value_or("");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  core::Status verdict = core::AssessNewPassword(c.deps, password, login, std::nullopt);
  return PasswordVerdict(verdict);
}

ApiResponse PostMyPasswordCheck(ApiContext& c) {
  BodyReader in(c.body);
  std::string password = in.String("password");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  return PasswordVerdict(core::AssessMyNewPassword(c.deps, c.caller, password));
}

ApiResponse PostOneTimeCode(ApiContext& c) {
  BodyReader in(c.body);
  std::string reg = in.String("registry_number");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto code = core::IssueOneTimeCode(c.deps, c.caller, reg);
  if (!code) return Fails(code.error());
  return Created(
      {{"login", code->login},
       {"code", code->code},
       {"expires_at", core::FormatUtcIso(code->expires_at)},
       {"doctor", {{"name", code->doctor_name}, {"registry_number", code->registry_number}}}});
}

ApiResponse PostApiToken(ApiContext& c) {
  BodyReader in(c.body);
  std::string name = in.String("name");
  std::vector<std::string> scopes = in.StringList("scopes");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto t = core::CreateApiToken(c.deps, c.caller, name, scopes);
  if (!t) return Fails(t.error());
  json s = json::array();
  for (auto p : t->record.scopes) s.push_back(core::ScopeName(p));
  return Created(
      {{"id", t->record.id}, {"name", t->record.name}, {"scopes", s}, {"token", t->token}});
}

ApiResponse GetApiTokens(ApiContext& c) {
  auto tokens = core::ListApiTokens(c.deps, c.caller);
  if (!tokens) return Fails(tokens.error());
  json out = json::array();
  for (const auto& t : *tokens) {
    json s = json::array();
    for (auto p : t.scopes) s.push_back(core::ScopeName(p));
    out.push_back({{"id", t.id},
                   {"name", t.name},
                   {"scopes", s},
                   {"created_at", core::FormatUtcIso(t.created_at)},
                   {"revoked", t.revoked_at.has_value()}});
  }
  return JsonResponse(200, {{"tokens", out}});
}

ApiResponse DeleteApiToken(ApiContext& c) {
  int64_t id = 0;
  try {
    id = std::stoll(c.Param("id"));
  } catch (...) {
    id = 0;
  }
  if (auto s = core::RevokeApiToken(c.deps, c.caller, id); !s) return Fails(s.error());
  ApiResponse r;
  r.status = 204;
  return r;
}

}  // namespace kakari::http
