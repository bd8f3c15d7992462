// A seal (角印) as a PNG: red square border and up to four characters read
// in columns from the right, as a Japanese square seal is cut. Used for the
// demo signatory; a real signatory's seal is a scan the JMA uploads.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <vector>

#include "pdf/cairo_renderer.hpp"

namespace kakari::pdf {

namespace {

constexpr int kSize = 240;  // pixels; printed at about 20 mm
constexpr double kRed[3] = {0.78, 0.11, 0.11};

std::vector<std::string> Characters(std::string_view utf8) {
  std::vector<std::string> out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead >= 0xF0)
      len = 4;
    else if (lead >= 0xE0)
      len = 3;
    else if (lead >= 0xC0)
      len = 2;
    out.emplace_back(utf8.substr(i, len));
    i += len;
  }
  return out;
}

void DrawCharacter(cairo_t* cr, const std::string& ch, double cx, double cy, double size) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("IPAexMincho");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, ch.data(), static_cast<int>(ch.size()));
  PangoRectangle ink;
  pango_layout_get_pixel_extents(layout, &ink, nullptr);
  cairo_move_to(cr, cx - ink.x - ink.width / 2.0, cy - ink.y - ink.height / 2.0);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

core::Result<std::string> CairoRenderer::SealImage(std::string_view text) const {
  auto chars = Characters(text);
  if (chars.empty() || chars.size() > 4) {
    return core::Fail(core::ErrorCode::kInvalidArgument, "印影の文字は1〜4字です",
                      "a seal has 1 to 4 characters", "text");
  }
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kSize, kSize);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgba(cr, kRed[0], kRed[1], kRed[2], 0.9);
  cairo_set_line_width(cr, 14);
  cairo_rectangle(cr, 10, 10, kSize - 20, kSize - 20);
  cairo_stroke(cr);
  // Columns from the right, top to bottom: 会長 | 之印 reads 会長之印.
  const double cell = (kSize - 40) / 2.0;
  for (size_t i = 0; i < chars.size(); ++i) {
    double column = chars.size() == 1 ? 0.5 : 1.0 - static_cast<double>(i / 2);
    double row = chars.size() == 1 ? 0.5 : static_cast<double>(i % 2);
    DrawCharacter(cr, chars[i], 20 + cell * (column + 0.5 * (chars.size() > 1)),
                  20 + cell * (row + 0.5 * (chars.size() > 1)), cell * 0.92);
  }
  std::string png;
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, Append, &png);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kInternal, "印影を作れません", "cannot draw the seal");
  }
  return png;
}

}  // namespace kakari::pdf
