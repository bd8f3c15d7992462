// Paper forms: a title, the addressee, labelled field boxes, one table with
// blank rows to fill in by hand, a declaration and a signature line.
#include "pdf/cairo_renderer.hpp"
#include "pdf/canvas.hpp"

namespace kakari::pdf {

namespace {

constexpr double kMargin = 48;
constexpr double kWidth = kA4Width - 2 * kMargin;
constexpr double kBottom = kA4Height - 60;
constexpr const char* kFont = "IPAexMincho,IPAmjMincho,Noto Serif CJK JP";

class FormWriter {
 public:
  explicit FormWriter(Canvas& c) : c_(c) {}

  core::Status Heading(const core::PaperForm& f) {
    auto title = c_.Text(kMargin, y_, f.title, {kFont, 20, false, Align::kCenter, kWidth, true, 2});
    KAKARI_RETURN_IF_ERROR(title);
    y_ += *title + 14;
    if (!f.addressee.empty()) {
      KAKARI_RETURN_IF_ERROR(Put(kMargin, y_, f.addressee, Style(12)));
      y_ += 22;
    }
    if (!f.intro.empty()) {
      auto h = c_.Text(kMargin, y_, f.intro, {kFont, 10.5, false, Align::kLeft, kWidth, false, 0});
      KAKARI_RETURN_IF_ERROR(h);
      y_ += *h + 10;
    }
    return {};
  }

  core::Status Fields(const core::PaperForm& f) {
    const double label_w = kWidth * 0.3;
    for (const auto& [label, value] : f.fields) {
      const double h = 24;
      c_.Rect(kMargin, y_, label_w, h, 0.6);
      c_.Rect(kMargin + label_w, y_, kWidth - label_w, h, 0.6);
      TextStyle l{kFont, 10.5, false, Align::kLeft, label_w - 12, true, 0};
      KAKARI_RETURN_IF_ERROR(Put(kMargin + 6, y_ + 6, label, l));
      if (!value.empty()) {
        TextStyle v{kFont, 11, false, Align::kLeft, kWidth - label_w - 12, true, 0};
        KAKARI_RETURN_IF_ERROR(Put(kMargin + label_w + 6, y_ + 5, value, v));
      }
      y_ += h;
    }
    y_ += 14;
    return {};
  }

  core::Status Table(const core::PaperForm& f) {
    if (f.table_headers.empty()) return {};
    KAKARI_RETURN_IF_ERROR(Put(kMargin, y_, f.table_title, Style(11)));
    y_ += 18;
    KAKARI_RETURN_IF_ERROR(Row(f, f.table_headers, 22));
    for (const auto& row : f.table_rows) {
      KAKARI_RETURN_IF_ERROR(Row(f, row, 26));
    }
    std::vector<std::string> blank(f.table_headers.size());
    for (int i = 0; i < f.blank_rows; ++i) {
      KAKARI_RETURN_IF_ERROR(Row(f, blank, 26));
    }
    y_ += 14;
    return {};
  }

  core::Status Closing(const core::PaperForm& f) {
    if (y_ > kBottom - 120) NewPage();
    if (!f.declaration.empty()) {
      auto h =
          c_.Text(kMargin, y_, f.declaration, {kFont, 10.5, false, Align::kLeft, kWidth, false, 0});
      KAKARI_RETURN_IF_ERROR(h);
      y_ += *h + 24;
    }
    KAKARI_RETURN_IF_ERROR(Put(kMargin, y_, "記入日 令和 年 月 日", Style(11)));
    y_ += 34;
    KAKARI_RETURN_IF_ERROR(Put(kMargin + kWidth * 0.45, y_, "署名（自署）", Style(11)));
    c_.Line(kMargin + kWidth * 0.45 + 80, y_ + 16, kMargin + kWidth, y_ + 16, 0.6);
    if (!f.footer.empty()) {
      if (auto r = Put(kMargin, kBottom + 20, f.footer,
                       {kFont, 8.5, false, Align::kLeft, kWidth, false, 0});
          !r) {
        return r;
      }
    }
    return {};
  }

 private:
  static TextStyle Style(double size) { return {kFont, size, false, Align::kLeft, 0, false, 0}; }

  core::Status Put(double x, double y, const std::string& text, const TextStyle& style) {
    auto r = c_.Text(x, y, text, style);
    KAKARI_RETURN_IF_ERROR(r);
    return {};
  }

  core::Status Row(const core::PaperForm& f, const std::vector<std::string>& cells, double h) {
    if (y_ + h > kBottom) NewPage();
    double x = kMargin;
    for (size_t i = 0; i < f.table_headers.size(); ++i) {
      double w =
          kWidth * (i < f.table_widths.size() ? f.table_widths[i] : 1.0 / f.table_headers.size());
      c_.Rect(x, y_, w, h, 0.6);
      if (i < cells.size() && !cells[i].empty()) {
        TextStyle s{kFont, 9.5, false, Align::kLeft, w - 8, true, 0};
        KAKARI_RETURN_IF_ERROR(Put(x + 4, y_ + 6, cells[i], s));
      }
      x += w;
    }
    y_ += h;
    return {};
  }

  void NewPage() {
    c_.NextPage();
    y_ = 56;
  }

  Canvas& c_;
  double y_ = 56;
};

}  // namespace

core::Result<std::string> CairoRenderer::Form(const core::PaperForm& form) const {
  auto canvas = Canvas::Create(form.title, "");
  KAKARI_RETURN_IF_ERROR(canvas);
  FormWriter w(**canvas);
  for (auto step :
       {&FormWriter::Heading, &FormWriter::Fields, &FormWriter::Table, &FormWriter::Closing}) {
    KAKARI_RETURN_IF_ERROR((w.*step)(form));
  }
  return (*canvas)->Finish();
}

}  // namespace kakari::pdf
