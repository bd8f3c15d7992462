#include "core/services/paper_forms.hpp"

#include "core/domain/validation.hpp"
#include "core/domain/wareki.hpp"

namespace kakari::core {

namespace {

struct Holder {
  std::string name, kana, birth, registry, member, association, contact;
};

constexpr const char* kFooter =
    "かかりつけ医機能報告制度にかかる研修 — "
    "記入後、所属の医師会（非会員は最寄りの医師会）へ郵送してください。";

std::vector<std::pair<std::string, std::string>> HolderFields(const Holder& h) {
  return {{"氏名", h.name},
          {"フリガナ", h.kana},
          {"生年月日", h.birth},
          {"医籍登録番号", h.registry},
          {"日医会員番号（会員のみ）", h.member},
          {"所属医師会", h.association},
          {"連絡先（住所・電話・メール）", h.contact}};
}

std::string Period(const ActivityInput& a) {
  return FormatWareki(a.started_on) + "〜" + (a.ended_on ? FormatWareki(*a.ended_on) : "継続中");
}

// The form's fixed text; `activities` fill the application's table.
PaperForm Compose(FormKind kind, const Holder& h, const std::string& lecture_units,
                  std::vector<std::vector<std::string>> activities,
                  const std::vector<ActivityCategory>& categories) {
  PaperForm f;
  f.fields = HolderFields(h);
  f.footer = kFooter;
  f.addressee = "　　　　　　　　医師会長　殿";
  switch (kind) {
    case FormKind::kApplication:
      f.title = "かかりつけ医機能報告制度にかかる研修　修了申請書";
      f.intro = "下記のとおり修了要件を満たしましたので、修了証の交付を申請します。";
      f.fields.emplace_back("座学研修（知識）の単位数", lecture_units);
      f.table_title = "実地研修（経験）の活動（承認済みのもの・報告書を添付したもの）";
      f.table_headers = {"活動の区分", "内容", "期間", "活動先"};
      f.table_widths = {0.2, 0.35, 0.25, 0.2};
      f.table_rows = std::move(activities);
      f.blank_rows = f.table_rows.empty() ? 4 : 1;
      f.declaration = "記載内容に相違ありません。修了証は郵送での交付を希望します。";
      break;
    case FormKind::kPracticalReport: {
      f.title = "実地研修（経験）報告書";
      f.intro = "活動1件につき1枚。委嘱状・参加証明書などの証明書類の写しを添付してください。";
      std::string kinds;
      for (const auto& c : categories) kinds += (kinds.empty() ? "" : "・") + c.name_ja;
      f.fields.emplace_back("活動の区分（" + kinds + "）", "");
      f.fields.emplace_back("活動の内容", "");
      f.fields.emplace_back("期間（継続中の場合はその旨）", "");
      f.fields.emplace_back("活動先（団体・施設名）", "");
      f.fields.emplace_back("添付した証明書類", "");
      f.declaration = "上記の活動を行ったことに相違ありません。";
      break;
    }
    case FormKind::kDeclaration:
      f.title = "座学研修（日医生涯教育制度）単位追加申告書";
      f.intro =
          "記録されている日医生涯教育単位が不足する場合に、受講した講習会等の単位を申告します。"
          "受講証明書の写しを添付してください。";
      f.table_title = "追加を申告する単位";
      f.table_headers = {"受講日", "講習会等の名称", "主催者", "単位"};
      f.table_widths = {0.18, 0.44, 0.26, 0.12};
      f.blank_rows = 8;
      f.declaration = "上記の講習会等を受講したことに相違ありません。";
      break;
  }
  return f;
}

Result<std::vector<ActivityCategory>> Categories(UnitOfWork& uow) {
  return uow.Activities().Categories();
}

std::string CategoryName(const std::vector<ActivityCategory>& cats, const std::string& code) {
  for (const auto& c : cats) {
    if (c.code == code) return c.name_ja;
  }
  return code;
}

}  // namespace

std::optional<FormKind> ParseFormKind(std::string_view s) {
  if (s == "application") return FormKind::kApplication;
  if (s == "practical-report") return FormKind::kPracticalReport;
  if (s == "declaration") return FormKind::kDeclaration;
  return std::nullopt;
}

Result<PaperForm> BlankForm(const Deps& deps, FormKind kind) {
  auto uow = deps.store.Begin(false);
  KAKARI_RETURN_IF_ERROR(uow);
  auto cats = Categories(**uow);
  KAKARI_RETURN_IF_ERROR(cats);
  return Compose(kind, Holder{}, "", {}, *cats);
}

Result<PaperForm> FilledForm(const Deps& deps, const Caller& caller, FormKind kind,
                             std::string_view registry_number) {
  bool own = registry_number.empty();
  if (auto r =
          RequirePermission(caller.principal, own ? Permission::kOwnRecord : Permission::kReview);
      !r) {
    return tl::unexpected(r.error());
  }
  auto uow = deps.store.Begin(!own);
  KAKARI_RETURN_IF_ERROR(uow);
  auto doctor = own ? CallerDoctor(**uow, caller.principal)
                    : LoadVisibleDoctor(**uow, caller.principal, registry_number);
  KAKARI_RETURN_IF_ERROR(doctor);
  auto home = (*uow)->Organisations().FindById(doctor->home_association_id);
  KAKARI_RETURN_IF_ERROR(home);
  auto standing = StandingOf(**uow, doctor->id);
  KAKARI_RETURN_IF_ERROR(standing);
  auto cats = Categories(**uow);
  KAKARI_RETURN_IF_ERROR(cats);
  std::vector<std::vector<std::string>> rows;
  for (Id id : standing->approved_activity_ids) {
    auto a = (*uow)->Activities().Find(id);
    KAKARI_RETURN_IF_ERROR(a);
    if (*a) {
      rows.push_back({CategoryName(*cats, (*a)->category), (*a)->description, Period(**a),
                      (*a)->organisation});
    }
  }
  Holder h{doctor->name,
           doctor->kana,
           FormatWareki(doctor->birth_date),
           doctor->registry_number,
           doctor->member_id.value_or("（非会員）"),
           *home ? (*home)->name_ja : "",
           (doctor->postal_code.empty() ? "" : FormatPostalCode(doctor->postal_code) + " ") +
               doctor->address + (doctor->email.empty() ? "" : "　" + doctor->email)};
  PaperForm form = Compose(kind, h, standing->eligibility.lecture_units.ToString() + " 単位",
                           std::move(rows), *cats);
  if (*home) form.addressee = (*home)->name_ja + "長　殿";
  if (!own) {
    KAKARI_RETURN_IF_ERROR(WriteAudit(**uow, deps, &caller, "doctor.form", "doctor",
                                      std::to_string(doctor->id), form.title));
    KAKARI_RETURN_IF_ERROR((*uow)->Commit());
  }
  return form;
}

Result<PdfFile> FormPdf(const Deps& deps, const Result<PaperForm>& form) {
  KAKARI_RETURN_IF_ERROR(form);
  auto renderer = RendererOf(deps);
  KAKARI_RETURN_IF_ERROR(renderer);
  auto pdf = (*renderer)->Form(*form);
  KAKARI_RETURN_IF_ERROR(pdf);
  return PdfFile{std::move(*pdf), form->title + ".pdf"};
}

}  // namespace kakari::core
