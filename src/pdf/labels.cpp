// Address labels: A4 sheets of 12 (2 × 6, 105 × 42.3 mm cells with a 10 mm
// side margin and 21.5 mm top margin, the common Japanese 12-up sheet).
#include <algorithm>

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

// A dashed outline of the cell: where to cut when the sheet is plain paper
// (on a die-cut label sheet it falls on the cut).
void CutGuide(Canvas& c, double x, double y) {
  const double dash = 2 * kMm;
  for (double at = x; at < x + kCellW; at += 2 * dash) {
    c.Line(at, y, std::min(at + dash, x + kCellW), y, 0.3);
    c.Line(at, y + kCellH, std::min(at + dash, x + kCellW), y + kCellH, 0.3);
  }
  for (double at = y; at < y + kCellH; at += 2 * dash) {
    c.Line(x, at, x, std::min(at + dash, y + kCellH), 0.3);
    c.Line(x + kCellW, at, x + kCellW, std::min(at + dash, y + kCellH), 0.3);
  }
}

// 〒 and address at a size read at arm's length, the name largest with 様,
// 修了証在中 boxed in red, the sender small at the foot.
core::Status DrawLabel(Canvas& c, double x, double y, const core::MailLabel& l) {
  const double pad = 6 * kMm;
  const double width = kCellW - 2 * pad;
  CutGuide(c, x, y);
  TextStyle postal{kFont, 12, false, Align::kLeft, 0, false, 0.5};
  KAKARI_RETURN_IF_ERROR(c.Text(x + pad, y + 4 * kMm, "〒" + l.postal_code, postal));
  if (!l.enclosure.empty()) {
    TextStyle enclosure{kFont, 9.5, true, Align::kLeft, 0, false, 0};
    const double box_w = 22 * kMm;
    c.SetColour(0.75, 0.1, 0.1);
    c.Rect(x + kCellW - pad - box_w, y + 3.5 * kMm, box_w, 6 * kMm, 0.8);
    KAKARI_RETURN_IF_ERROR(
        c.Text(x + kCellW - pad - box_w + 2 * kMm, y + 4.6 * kMm, l.enclosure, enclosure));
    c.SetColour(0, 0, 0);
  }
  TextStyle address{kFont, 12, false, Align::kLeft, width, false, 0, 1};
  auto h = c.Text(x + pad, y + 11 * kMm, l.address, address);
  KAKARI_RETURN_IF_ERROR(h);
  TextStyle name{kFont, 16, false, Align::kRight, width, true, 0};
  KAKARI_RETURN_IF_ERROR(c.Text(x + pad, y + kCellH - 18 * kMm, l.name + " 様", name));
  // The sender at the foot: the name, then where it is (so that a letter
  // that cannot be delivered comes back).
  TextStyle sender{kFont, 8, false, Align::kLeft, width, true, 0};
  double foot = y + kCellH - (l.sender_address.empty() ? 5 : 8.5) * kMm;
  if (!l.sender.empty()) {
    KAKARI_RETURN_IF_ERROR(c.Text(x + pad, foot, "差出人　" + l.sender, sender));
  }
  if (!l.sender_address.empty()) {
    KAKARI_RETURN_IF_ERROR(c.Text(x + pad, foot + 3.5 * kMm, l.sender_address, sender));
  }
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
