#include "pdf/cairo_renderer.hpp"

#include <gtest/gtest.h>

namespace kakari::pdf {
namespace {

core::CertificateDocument Doc(std::string name) {
  core::CertificateDocument d;
  d.name = std::move(name);
  d.personal_lines = {"生年月日　昭和45年4月1日", "医籍登録番号　第123456号"};
  d.programme = "かかりつけ医機能報告制度にかかる研修";
  d.statement =
      "あなたは日本医師会が定める「かかりつけ医機能報告制度にかかる研修」の修了要件を満たしたことを"
      "証します。";
  d.issued_wareki = "令和8年1月15日";
  d.issued_western = "（2026年1月15日）";
  d.signatory_title = "日本医師会長";
  d.signatory_name = "松本　吉郎";
  d.number = "第K2026-000123号";
  d.qr_text =
      "http://127.0.0.1:8080/verify/x?c=S0sxHzk3MzAzYWM2H-esrEsyMDI2LTAwMDAwMeWPtx8x.X0ttHnB2";
  d.short_url = "http://127.0.0.1:8080/verify/第K2026-000123号";
  return d;
}

TEST(CairoRenderer, RareCharactersAndLongNamesRender) {
  CairoRenderer r;
  for (const char* name : {"𠮷田　髙﨑", "勅使河原　寿々花之丞右衛門", "齋藤　邉"}) {
    auto pdf = r.Certificates(std::vector{Doc(name)});
    ASSERT_TRUE(pdf.has_value()) << name << ": " << pdf.error().message_en;
    EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
    EXPECT_LT(pdf->size(), 60u * 1024) << name;
    EXPECT_EQ(EmbeddedPayload(*pdf), "S0sxHzk3MzAzYWM2H-esrEsyMDI2LTAwMDAwMeWPtx8x.X0ttHnB2");
  }
}

TEST(CairoRenderer, RefusesACharacterNoFontHas) {
  CairoRenderer r;
  // U+2FFFD is a noncharacter: no font has a glyph for it.
  auto pdf = r.Certificates(std::vector{Doc("山田\xF0\xAF\xBF\xBD")});
  ASSERT_FALSE(pdf.has_value());
  EXPECT_NE(pdf.error().message_en.find("no installed font"), std::string::npos);
}

TEST(CairoRenderer, ABatchIsOnePagePerCertificate) {
  CairoRenderer r;
  auto one = r.Certificates(std::vector{Doc("山田　一郎")});
  auto three = r.Certificates(std::vector{Doc("山田　一郎"), Doc("佐藤　花子"), Doc("鈴木　次郎")});
  ASSERT_TRUE(one && three);
  auto pages = [](const std::string& pdf) {
    size_t n = 0;
    for (size_t at = pdf.find("/Type /Page"); at != std::string::npos;
         at = pdf.find("/Type /Page", at + 1)) {
      if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
    }
    return n;
  };
  EXPECT_EQ(pages(*one), 1u);
  EXPECT_EQ(pages(*three), 3u);
  EXPECT_EQ(EmbeddedPayload(*three), "");  // only single certificates carry one
}

size_t Pages(const std::string& pdf) {
  size_t n = 0;
  for (size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1)) {
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
  }
  return n;
}

TEST(CairoRenderer, LabelsAreTwelveToAPage) {
  CairoRenderer r;
  std::vector<core::MailLabel> labels;
  for (int i = 0; i < 13; ++i) {
    labels.push_back({"113-8621", "東京都文京区本駒込二丁目28番16号", "𠮷田　健一", "東京都医師会",
                      "修了証在中"});
  }
  auto twelve = r.Labels(std::span(labels).first(12));
  auto thirteen = r.Labels(labels);
  ASSERT_TRUE(twelve && thirteen);
  EXPECT_EQ(Pages(*twelve), 1u);
  EXPECT_EQ(Pages(*thirteen), 2u);
  EXPECT_FALSE(r.Labels({}).has_value());
}

TEST(CairoRenderer, NoCertificateIsAnError) {
  CairoRenderer r;
  EXPECT_FALSE(r.Certificates({}).has_value());
}

}  // namespace
}  // namespace kakari::pdf
