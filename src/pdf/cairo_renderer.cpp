#include "pdf/cairo_renderer.hpp"

#include <algorithm>
#include <vector>

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

// Text whose lines may break only between the phrases: a word joiner
// (U+2060) between the characters of a phrase, a zero-width space (U+200B)
// between phrases. Pango's line breaking follows both (UAX #14), so a
// Japanese sentence never breaks inside a word as in 「報告制／度」.
std::string KeepPhrases(const std::vector<std::string>& phrases) {
  constexpr std::string_view kJoiner = "\u2060";
  constexpr std::string_view kBreak = "\u200b";
  std::string out;
  for (size_t p = 0; p < phrases.size(); ++p) {
    if (p > 0) out += kBreak;
    const std::string& phrase = phrases[p];
    for (size_t i = 0; i < phrase.size(); ++i) {
      bool starts_char = (static_cast<unsigned char>(phrase[i]) & 0xC0) != 0x80;
      if (starts_char && i > 0) out += kJoiner;
      out += phrase[i];
    }
  }
  return out;
}

// The heading block: number, title, name and the personal lines.
core::Result<double> DrawHeading(Canvas& c, const core::CertificateDocument& d) {
  TextStyle small{kMincho, 10, false, Align::kRight, kInner, false, 0};
  KAKARI_RETURN_IF_ERROR(c.Text(kMargin, 60, d.number, small));
  if (!d.version_note.empty()) KAKARI_RETURN_IF_ERROR(c.Text(kMargin, 75, d.version_note, small));
  TextStyle title{kMincho, 46, false, Align::kCenter, kInner, false, 22};
  KAKARI_RETURN_IF_ERROR(c.Text(kMargin, 112, d.title, title));
  TextStyle name{kMincho, 30, false, Align::kCenter, kInner - 40, true, 3};
  KAKARI_RETURN_IF_ERROR(c.Text(kMargin + 20, 212, d.name + "　殿", name));
  double y = 262;
  TextStyle personal{kMincho, 12, false, Align::kCenter, kInner, false, 0};
  for (const auto& line : d.personal_lines) {
    auto h = c.Text(kMargin, y, line, personal);
    KAKARI_RETURN_IF_ERROR(h);
    y += *h + 4;
  }
  return y;
}

// The body as a 賞状 sets it: large, a one-character indent, lines broken
// between phrases; then what was completed, as a small centred table.
core::Result<double> DrawBody(Canvas& c, const core::CertificateDocument& d, double y) {
  constexpr double kBodySize = 17;
  constexpr double kBodyLeft = kMargin + 36;
  TextStyle body{kMincho, kBodySize, false, Align::kLeft, kInner - 56, false, 1, 12};
  std::string text = d.statement_phrases.empty() ? d.statement : KeepPhrases(d.statement_phrases);
  auto h = c.Text(kBodyLeft, y, "　" + text, body);
  KAKARI_RETURN_IF_ERROR(h);
  y += *h + 30;
  TextStyle label{kMincho, 13, false, Align::kRight, 150, false, 1};
  TextStyle value{kMincho, 13, false, Align::kLeft, 0, false, 0};
  double mid = kA4Width / 2 - 10;
  for (const auto& [what, amount] : d.completed) {
    KAKARI_RETURN_IF_ERROR(c.Text(mid - 150, y, what, label));
    auto line = c.Text(mid + 20, y, amount, value);
    KAKARI_RETURN_IF_ERROR(line);
    y += *line + 6;
  }
  return y;
}

// Date, signatory with the seal over the end of the name, as on paper.
core::Status DrawSignature(Canvas& c, const core::CertificateDocument& d, double y) {
  const double kDateY = std::max(y + 50, 540.0);
  TextStyle date{kMincho, 15, false, Align::kLeft, 0, false, 1};
  KAKARI_RETURN_IF_ERROR(c.Text(kMargin + 36, kDateY, d.issued_wareki, date));
  if (!d.issued_western.empty()) {
    TextStyle western{kMincho, 11, false, Align::kLeft, 0, false, 0};
    KAKARI_RETURN_IF_ERROR(c.Text(kMargin + 36, kDateY + 22, d.issued_western, western));
  }
  TextStyle signatory{kMincho, 19, false, Align::kRight, kInner - 70, false, 3};
  KAKARI_RETURN_IF_ERROR(
      c.Text(kMargin, kDateY + 50, d.signatory_title + "　" + d.signatory_name, signatory));
  if (!d.seal_image.empty()) {
    KAKARI_RETURN_IF_ERROR(c.Image(kA4Width - kMargin - 80, kDateY + 33, 56, 56, d.seal_image));
  }
  return {};
}

// The QR code and, for people who type, the short address and its code.
core::Status DrawVerification(Canvas& c, const core::CertificateDocument& d) {
  double qr_y = kA4Height - 178;
  KAKARI_RETURN_IF_ERROR(c.Qr(kMargin - 8, qr_y, 120, d.qr_text));
  TextStyle caption{kMincho, 9, false, Align::kLeft, kInner - 130, false, 0};
  double x = kMargin + 122;
  auto h = c.Text(
      x, qr_y + 22,
      "この修了証が本物かどうかは、QRコードを読み取るか、次のアドレスを入力して確かめられます。",
      caption);
  KAKARI_RETURN_IF_ERROR(h);
  TextStyle address{"DejaVu Sans Mono,IPAexGothic", 11, false, Align::kLeft, 0, false, 0};
  KAKARI_RETURN_IF_ERROR(c.Text(x, qr_y + 30 + *h, d.short_url, address));
  if (!d.verify_code.empty()) {
    KAKARI_RETURN_IF_ERROR(c.Text(x, qr_y + 50 + *h, "確認コード　" + d.verify_code, caption));
  }
  return {};
}

// One certificate on the current page (A4 portrait).
core::Status DrawCertificate(Canvas& c, const core::CertificateDocument& d) {
  c.Rect(28, 28, kA4Width - 56, kA4Height - 56, 2.4);
  c.Rect(36, 36, kA4Width - 72, kA4Height - 72, 0.6);
  auto y = DrawHeading(c, d);
  KAKARI_RETURN_IF_ERROR(y);
  auto body_end = DrawBody(c, d, std::max(*y + 40, 330.0));
  KAKARI_RETURN_IF_ERROR(body_end);
  KAKARI_RETURN_IF_ERROR(DrawSignature(c, d, *body_end));
  return DrawVerification(c, d);
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
