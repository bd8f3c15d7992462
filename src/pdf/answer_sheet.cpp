// The G-MIS answer sheet: a title, the institution's fields, the answer in a
// large box, the completed doctors each with a QR code, notes and a footer.
#include "pdf/cairo_renderer.hpp"
#include "pdf/canvas.hpp"

namespace kakari::pdf {

namespace {

constexpr double kMargin = 48;
constexpr double kWidth = kA4Width - 2 * kMargin;
constexpr double kBottom = kA4Height - 70;
constexpr double kRowHeight = 78;
constexpr const char* kFont = "IPAexGothic,IPAGothic,Noto Sans CJK JP";

class SheetWriter {
 public:
  explicit SheetWriter(Canvas& c) : c_(c) {}

  core::Status Heading(const core::AnswerSheetDocument& d) {
    if (auto r = Put(kMargin, d.title, {kFont, 20, true, Align::kCenter, kWidth, true, 2}, 8); !r) {
      return r;
    }
    return Put(kMargin, d.question, {kFont, 10.5, false, Align::kCenter, kWidth, false, 0}, 16);
  }

  core::Status Fields(const core::AnswerSheetDocument& d) {
    const double label_w = kWidth * 0.28;
    for (const auto& [label, value] : d.fields) {
      bool answer = label == "回答";
      const double h = answer ? 40 : 24;
      c_.Rect(kMargin, y_, label_w, h, answer ? 1.4 : 0.6);
      c_.Rect(kMargin + label_w, y_, kWidth - label_w, h, answer ? 1.4 : 0.6);
      TextStyle l{kFont, 10.5, false, Align::kLeft, label_w - 12, true, 0};
      TextStyle v{kFont, answer ? 20.0 : 11.0, answer, Align::kLeft, kWidth - label_w - 12, true,
                  0};
      auto a = c_.Text(kMargin + 6, y_ + (h - 12) / 2, label, l);
      KAKARI_RETURN_IF_ERROR(a);
      auto b = c_.Text(kMargin + label_w + 8, y_ + (answer ? 8 : 5), value, v);
      KAKARI_RETURN_IF_ERROR(b);
      y_ += h;
    }
    y_ += 16;
    return {};
  }

  core::Status Doctors(const core::AnswerSheetDocument& d) {
    if (auto r = Put(kMargin, d.table_title, {kFont, 12, true, Align::kLeft, kWidth, false, 0}, 8);
        !r) {
      return r;
    }
    for (const auto& row : d.completed) {
      if (y_ + kRowHeight > kBottom) {
        c_.NextPage();
        y_ = kMargin;
      }
      c_.Rect(kMargin, y_, kWidth, kRowHeight - 6, 0.6);
      KAKARI_RETURN_IF_ERROR(c_.Qr(kMargin + 6, y_ + 4, kRowHeight - 14, row.qr_text));
      const double x = kMargin + kRowHeight + 4;
      const double w = kWidth - kRowHeight - 10;
      TextStyle name{kFont, 13, true, Align::kLeft, w, true, 0};
      TextStyle line{kFont, 10, false, Align::kLeft, w, true, 0};
      for (auto [text, style, dy] :
           {std::tuple{row.name, name, 6.0},
            std::tuple{"修了証番号　" + row.certificate_number, line, 28.0},
            std::tuple{"交付日　" + row.issued + "　医籍登録番号　" + row.registry_number, line,
                       46.0}}) {
        auto t = c_.Text(x, y_ + dy, text, style);
        KAKARI_RETURN_IF_ERROR(t);
      }
      y_ += kRowHeight;
    }
    y_ += 10;
    return {};
  }

  core::Status Notes(const core::AnswerSheetDocument& d) {
    for (const auto& n : d.notes) {
      if (y_ + 30 > kBottom) {
        c_.NextPage();
        y_ = kMargin;
      }
      if (auto r = Put(kMargin, "・" + n, {kFont, 9.5, false, Align::kLeft, kWidth, false, 0}, 4);
          !r) {
        return r;
      }
    }
    auto f = c_.Text(kMargin, kA4Height - 50, d.footer,
                     {kFont, 8.5, false, Align::kRight, kWidth, true, 0});
    KAKARI_RETURN_IF_ERROR(f);
    return {};
  }

 private:
  core::Status Put(double x, const std::string& text, const TextStyle& style, double gap) {
    auto h = c_.Text(x, y_, text, style);
    KAKARI_RETURN_IF_ERROR(h);
    y_ += *h + gap;
    return {};
  }
  Canvas& c_;
  double y_ = kMargin;
};

}  // namespace

core::Result<std::string> CairoRenderer::AnswerSheet(const core::AnswerSheetDocument& doc) const {
  auto canvas = Canvas::Create(doc.title, doc.answer);
  KAKARI_RETURN_IF_ERROR(canvas);
  SheetWriter w(**canvas);
  for (auto step :
       {&SheetWriter::Heading, &SheetWriter::Fields, &SheetWriter::Doctors, &SheetWriter::Notes}) {
    KAKARI_RETURN_IF_ERROR((w.*step)(doc));
  }
  return (*canvas)->Finish();
}

}  // namespace kakari::pdf
