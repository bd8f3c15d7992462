// Address labels: A4 sheets of 12 (2 × 6, 105 × 42.3 mm cells with a 10 mm
// side margin and 21.5 mm top margin, the common Japanese 12-up sheet).
#include "pdf/cairo_renderer.hpp"
#include "pdf/canvas.hpp"

namespace kakari::pdf {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kCellW = 105 * kMm;
constexpr double kCellH = 42.3 * kMm;
constexpr double kTop = 21.5 * kMm;
constexpr int kPerPage = 12;
constexpr const char* kFont = "IPAexMincho,IPAmjMincho,Noto Serif CJK JP";

core::Status DrawLabel(Canvas& c, double x, double y, const core::MailLabel& l) {
  const double pad = 8 * kMm;
  const double width = kCellW - 2 * pad;
  TextStyle postal{kFont, 11, false, Align::kLeft, 0, false, 0};
  KAKARI_RETURN_IF_ERROR(c.Text(x + pad, y + 5 * kMm, "〒" + l.postal_code, postal));
  TextStyle address{kFont, 10.5, false, Align::kLeft, width, false, 0};
  auto h = c.Text(x + pad, y + 11 * kMm, l.address, address);
  KAKARI_RETURN_IF_ERROR(h);
  TextStyle name{kFont, 14, false, Align::kRight, width, true, 0};
  KAKARI_RETURN_IF_ERROR(c.Text(x + pad, y + kCellH - 12 * kMm, l.name + " 様", name));
  return {};
}

}  // namespace

core::Result<std::string> CairoRenderer::Labels(std::span<const core::MailLabel> labels) const {
  if (labels.empty()) {
    return core::Fail(core::ErrorCode::kInvalidArgument, "宛名がありません", "no labels");
  }
  auto canvas = Canvas::Create("宛名ラベル", "");
  KAKARI_RETURN_IF_ERROR(canvas);
  for (size_t i = 0; i < labels.size(); ++i) {
    int slot = static_cast<int>(i % kPerPage);
    if (i > 0 && slot == 0) (*canvas)->NextPage();
    double x = (kA4Width - 2 * kCellW) / 2 + (slot % 2) * kCellW;
    double y = kTop + (slot / 2) * kCellH;
    KAKARI_RETURN_IF_ERROR(DrawLabel(**canvas, x, y, labels[i]));
  }
  return (*canvas)->Finish();
}

}  // namespace kakari::pdf
