// JMA administration of certificates: numbering and display settings, and
// the signatories with their seal images.
#include "core/services/association_contact.hpp"
#include "core/services/certificate_settings.hpp"
#include "core/services/doctor_workflow.hpp"
#include "core/services/programme_settings.hpp"
#include "core/services/staff_workflow.hpp"
#include "http/api_context.hpp"
#include "http/workflow_json.hpp"

namespace kakari::http {

namespace {

nlohmann::json SettingsJson(const core::CertificateSettings& s) {
  return {{"number_pattern", s.number_pattern},
          {"show_birth_date", s.show_birth_date},
          {"show_registry_number", s.show_registry_number},
          {"show_western_date", s.show_western_date}};
}

nlohmann::json SignatoryJson(const core::Signatory& s) {
  return {{"id", s.id},
          {"effective_from", s.effective_from.ToIso()},
          {"title", s.title},
          {"name", s.name},
          {"has_seal", !s.seal_image.empty()}};
}

nlohmann::json ProgrammeJson(const core::Programme& p) {
  auto date = [](const std::optional<core::Date>& d) {
    return d ? nlohmann::json(d->ToIso()) : nlohmann::json(nullptr);
  };
  std::optional<core::Date> from, to;
  if (p.credit_window) {
    from = p.credit_window->from;
    to = p.credit_window->to;
  }
  return {{"code", p.code},
          {"name_ja", p.name_ja},
          {"name_en", p.name_en},
          {"units_per_activity", UnitsJson(p.units_per_activity)},
          {"min_lecture_units", UnitsJson(p.min_lecture_units)},
          {"min_practical_activities", p.min_practical_activities},
          {"required_total_units", UnitsJson(p.required_total)},
          {"credit_window_from", date(from)},
          {"credit_window_to", date(to)},
          {"certificate_validity_years", p.certificate_validity_years
                                             ? nlohmann::json(*p.certificate_validity_years)
                                             : nlohmann::json(nullptr)}};
}

}  // namespace

ApiResponse GetProgramme(ApiContext& c) {
  auto p = core::GetProgrammeSettings(c.deps, c.caller);
  if (!p) return Fails(p.error());
  return JsonResponse(200, ProgrammeJson(*p));
}

namespace {

// The rules a PUT or a preview sends; the body's own errors, or the rules.
core::Result<core::Programme> ReadProgramme(const nlohmann::json& body) {
  BodyReader in(body);
  core::Programme p;
  p.name_ja = in.String("name_ja", false);
  p.name_en = in.String("name_en", false);
  p.units_per_activity = in.Units("units_per_activity").value_or(core::HalfUnits{});
  p.min_lecture_units = in.Units("min_lecture_units").value_or(core::HalfUnits{});
  p.min_practical_activities = static_cast<int>(in.Int("min_practical_activities"));
  p.required_total = in.Units("required_total_units").value_or(core::HalfUnits{});
  auto from = in.DateField("credit_window_from", false);
  auto to = in.DateField("credit_window_to", false);
  if (from || to) p.credit_window = core::DateRange{from, to};
  if (auto years = in.OptionalInt("certificate_validity_years")) {
    p.certificate_validity_years = static_cast<int>(*years);
  }
  if (auto f = in.Finish(); !f) return tl::unexpected(f.error());
  return p;
}

}  // namespace

ApiResponse PutProgramme(ApiContext& c) {
  auto p = ReadProgramme(c.body);
  if (!p) return Fails(p.error());
  auto saved = core::PutProgrammeSettings(c.deps, c.caller, *p);
  if (!saved) return Fails(saved.error());
  return JsonResponse(200, ProgrammeJson(*saved));
}

ApiResponse PostProgrammePreview(ApiContext& c) {
  auto p = ReadProgramme(c.body);
  if (!p) return Fails(p.error());
  auto preview = core::PreviewProgrammeChange(c.deps, c.caller, *p);
  if (!preview) return Fails(preview.error());
  return JsonResponse(200, {{"doctors", preview->doctors},
                            {"complete_now", preview->complete_now},
                            {"complete_after", preview->complete_after},
                            {"becoming_complete", preview->becoming_complete},
                            {"ceasing_complete", preview->ceasing_complete}});
}

ApiResponse GetCertificateSettings(ApiContext& c) {
  auto s = core::GetCertificateSettings(c.deps, c.caller);
  if (!s) return Fails(s.error());
  auto next = core::NextCertificateNumber(c.deps, c.caller);
  if (!next) return Fails(next.error());
  auto out = SettingsJson(*s);
  out["next_year"] = next->year;
  out["next_sequence"] = next->sequence;
  return JsonResponse(200, out);
}

ApiResponse PutCertificateSettings(ApiContext& c) {
  BodyReader in(c.body);
  core::CertificateSettings s;
  s.number_pattern = in.String("number_pattern");
  s.show_birth_date = in.Bool("show_birth_date");
  s.show_registry_number = in.Bool("show_registry_number");
  s.show_western_date = in.Bool("show_western_date");
  // What the GET adds is read-only: accepted and ignored, so that a GET's
  // body can be changed and sent back.
  (void)in.OptionalInt("next_year");
  (void)in.OptionalInt("next_sequence");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  if (auto p = core::PutCertificateSettings(c.deps, c.caller, s); !p) return Fails(p.error());
  return JsonResponse(200, SettingsJson(s));
}

ApiResponse GetSignatories(ApiContext& c) {
  auto list = core::ListSignatories(c.deps, c.caller);
  if (!list) return Fails(list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : *list) items.push_back(SignatoryJson(s));
  return JsonResponse(200, {{"items", items}});
}

ApiResponse PostSignatory(ApiContext& c) {
  BodyReader in(c.body);
  core::Signatory s;
  auto from = in.DateField("effective_from");
  s.title = in.String("title");
  s.name = in.String("name");
  auto seal = in.OptionalInt("seal_file_id");
  if (auto f = in.Finish(); !f) return Fails(f.error());
  s.effective_from = from.value_or(core::Date{});
  if (seal) {
    auto file = core::ReadFileFor(c.deps, c.caller, *seal);
    if (!file) return Fails(file.error());
    s.seal_image = std::move(file->bytes);
  }
  auto id = core::AddSignatory(c.deps, c.caller, s);
  if (!id) return Fails(id.error());
  s.id = *id;
  return JsonResponse(201, SignatoryJson(s));
}

namespace {

nlohmann::json AssociationJson(const core::Organisation& o) {
  return {{"code", o.code},
          {"name_ja", o.name_ja},
          {"name_en", o.name_en},
          {"postal_code", o.contact.postal_code},
          {"address", o.contact.address},
          {"phone", o.contact.phone},
          {"sender_line", core::SenderAddressLine(o.contact)}};
}

}  // namespace

ApiResponse GetOwnAssociation(ApiContext& c) {
  auto org = core::GetOwnAssociation(c.deps, c.caller);
  if (!org) return Fails(org.error());
  return JsonResponse(200, AssociationJson(*org));
}

ApiResponse PutOwnAssociation(ApiContext& c) {
  BodyReader in(c.body);
  core::OrganisationContact typed;
  typed.postal_code = in.String("postal_code");
  typed.address = in.String("address");
  typed.phone = in.String("phone", false);
  if (auto f = in.Finish(); !f) return Fails(f.error());
  auto org = core::PutOwnAssociationContact(c.deps, c.caller, typed);
  if (!org) return Fails(org.error());
  return JsonResponse(200, AssociationJson(*org));
}

}  // namespace kakari::http
