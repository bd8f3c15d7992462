#include "pdf/cairo_renderer.hpp"

#include "pdf/canvas.hpp"

namespace kakari::pdf {

namespace {

constexpr const char* kPayloadKeyword = "kakari-payload:";
// One family throughout (a second one cost 6 KB and time per PDF). IPAex
// first; for what it lacks (𠮷 and other name characters outside JIS
// X 0213) IPAmj Mincho, the font made for the names of family registers,
// then Noto CJK. (A Noto glyph alone added ~60 KB: cairo embeds the CFF
// font's global subroutines whole; IPAmj is TrueType and subsets small.)
constexpr const char* kMincho = "IPAexMincho,IPAmjMincho,Noto Serif CJK JP";
constexpr double kMargin = 56;
constexpr double kInner = kA4Width - 2 * kMargin;

// The payload from the QR text's "?c=" parameter.
std::string PayloadOf(const core::CertificateDocument& d) {
  size_t at = d.qr_text.find("?c=");
  return at == std::string::npos ? "" : d.qr_text.substr(at + 3);
}

// One certificate on the current page (A4 portrait).
core::Status DrawCertificate(Canvas& c, const core::CertificateDocument& d) {
  c.Rect(28, 28, kA4Width - 56, kA4Height - 56, 2.4);
  c.Rect(36, 36, kA4Width - 72, kA4Height - 72, 0.6);
  TextStyle small{kMincho, 10, false, Align::kRight, kInner, false, 0};
  auto try_text = [&](double x, double y, const std::string& t, const TextStyle& s) {
    return c.Text(x, y, t, s);
  };
  KAKARI_RETURN_IF_ERROR(try_text(kMargin, 60, d.number, small));
  if (!d.version_note.empty()) {
    KAKARI_RETURN_IF_ERROR(try_text(kMargin, 75, d.version_note, small));
  }
  TextStyle title{kMincho, 44, false, Align::kCenter, kInner, false, 18};
  KAKARI_RETURN_IF_ERROR(try_text(kMargin, 120, d.title, title));

  TextStyle name{kMincho, 28, false, Align::kCenter, kInner - 40, true, 2};
  KAKARI_RETURN_IF_ERROR(try_text(kMargin + 20, 235, d.name + " 殿", name));
  double y = 285;
  TextStyle personal{kMincho, 12, false, Align::kCenter, kInner, false, 0};
  for (const auto& line : d.personal_lines) {
    auto h = try_text(kMargin, y, line, personal);
    KAKARI_RETURN_IF_ERROR(h);
    y += *h + 4;
  }
  TextStyle body{kMincho, 16, false, Align::kLeft, kInner - 60, false, 0};
  KAKARI_RETURN_IF_ERROR(try_text(kMargin + 30, 380, " " + d.statement, body));
  TextStyle date{kMincho, 15, false, Align::kLeft, 0, false, 0};
  KAKARI_RETURN_IF_ERROR(try_text(kMargin + 30, 520, d.issued_wareki, date));
  if (!d.issued_western.empty()) {
    TextStyle western{kMincho, 11, false, Align::kLeft, 0, false, 0};
    KAKARI_RETURN_IF_ERROR(try_text(kMargin + 30, 542, d.issued_western, western));
  }
  TextStyle signatory{kMincho, 18, false, Align::kRight, kInner - 90, false, 2};
  KAKARI_RETURN_IF_ERROR(
      try_text(kMargin, 600, d.signatory_title + " " + d.signatory_name, signatory));
  if (!d.seal_image.empty()) {
    KAKARI_RETURN_IF_ERROR(c.Image(kA4Width - kMargin - 80, 580, 64, 64, d.seal_image));
  }
  double qr_y = kA4Height - 190;
  KAKARI_RETURN_IF_ERROR(c.Qr(kMargin - 8, qr_y, 132, d.qr_text));
  TextStyle caption{kMincho, 9, false, Align::kLeft, kInner - 140, false, 0};
  if (auto r =
          try_text(kMargin + 134, qr_y + 40,
                   "この修了証の真正性は、QRコードまたは次のアドレスで確認できます。", caption);
      !r) {
    return tl::unexpected(r.error());
  }
  KAKARI_RETURN_IF_ERROR(try_text(kMargin + 134, qr_y + 60, d.short_url, caption));
  return {};
}

}  // namespace

core::Result<std::string> CairoRenderer::Certificates(
    std::span<const core::CertificateDocument> docs) const {
  if (docs.empty()) {
    return core::Fail(core::ErrorCode::kInvalidArgument, "修了証が選ばれていません",
                      "no certificate selected");
  }
  std::string title = docs.size() == 1 ? "修了証 " + docs[0].number : "修了証";
  std::string keywords = docs.size() == 1 ? kPayloadKeyword + PayloadOf(docs[0]) : "";
  auto canvas = Canvas::Create(title, keywords);
  KAKARI_RETURN_IF_ERROR(canvas);
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) (*canvas)->NextPage();
    KAKARI_RETURN_IF_ERROR(DrawCertificate(**canvas, docs[i]));
  }
  return (*canvas)->Finish();
}

std::string EmbeddedPayload(std::string_view pdf) {
  // cairo writes the document information dictionary uncompressed, with an
  // ASCII keyword string as a literal: /Keywords (kakari-payload:...)
  std::string marker = std::string("(") + kPayloadKeyword;
  size_t at = pdf.find(marker);
  if (at == std::string_view::npos) return "";
  size_t start = at + marker.size();
  size_t end = pdf.find(')', start);
  if (end == std::string_view::npos) return "";
  return std::string(pdf.substr(start, end - start));
}

}  // namespace kakari::pdf
