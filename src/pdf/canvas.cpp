#include "pdf/canvas.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kakari::pdf {

namespace {

core::Error RenderError(const std::string& ja, const std::string& en,
                        const std::string& detail = "") {
  return core::MakeError(core::ErrorCode::kUnprocessable, ja, en, "", detail);
}

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct ReadCursor {
  std::string_view bytes;
  size_t pos = 0;
};

cairo_status_t ReadFrom(void* closure, unsigned char* data, unsigned int length) {
  auto* c = static_cast<ReadCursor*>(closure);
  if (c->bytes.size() - c->pos < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, c->bytes.data() + c->pos, length);
  c->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

// Width and height from a JPEG's start-of-frame marker, or {0, 0}.
std::pair<int, int> JpegSize(std::string_view b) {
  size_t i = 2;
  while (i + 9 < b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xFF) return {0, 0};
    unsigned char marker = static_cast<unsigned char>(b[i + 1]);
    size_t len = (static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]);
    bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      int h = (static_cast<unsigned char>(b[i + 5]) << 8) | static_cast<unsigned char>(b[i + 6]);
      int w = (static_cast<unsigned char>(b[i + 7]) << 8) | static_cast<unsigned char>(b[i + 8]);
      return {w, h};
    }
    i += 2 + len;
  }
  return {0, 0};
}

// A surface for the image: PNG decoded by cairo; JPEG passed through as
// mime data (the PDF embeds the JPEG bytes; cairo needs only the size).
cairo_surface_t* ImageSurface(std::string_view bytes) {
  if (bytes.size() > 8 && std::memcmp(bytes.data(), "\x89PNG", 4) == 0) {
    ReadCursor cursor{bytes, 0};
    return cairo_image_surface_create_from_png_stream(ReadFrom, &cursor);
  }
  auto [w, h] = JpegSize(bytes);
  if (w <= 0 || h <= 0) return nullptr;
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  auto* owned = new std::string(bytes);  // cairo frees it when it no longer needs it
  cairo_surface_set_mime_data(
      s, CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(owned->data()), owned->size(),
      [](void* p) { delete static_cast<std::string*>(p); }, owned);
  return s;
}

}  // namespace

core::Result<std::unique_ptr<Canvas>> Canvas::Create(std::string_view title,
                                                     std::string_view keywords) {
  std::unique_ptr<Canvas> c(new Canvas());
  c->surface_ = cairo_pdf_surface_create_for_stream(AppendTo, &c->out_, kA4Width, kA4Height);
  if (cairo_surface_status(c->surface_) != CAIRO_STATUS_SUCCESS) {
    return tl::unexpected(RenderError("PDFを作成できません", "cannot create the PDF"));
  }
  cairo_pdf_surface_set_metadata(c->surface_, CAIRO_PDF_METADATA_TITLE, std::string(title).c_str());
  cairo_pdf_surface_set_metadata(c->surface_, CAIRO_PDF_METADATA_CREATOR, "Kakari");
  if (!keywords.empty()) {
    cairo_pdf_surface_set_metadata(c->surface_, CAIRO_PDF_METADATA_KEYWORDS,
                                   std::string(keywords).c_str());
  }
  c->cr_ = cairo_create(c->surface_);
  c->pango_ = pango_cairo_create_context(c->cr_);
  pango_cairo_context_set_resolution(c->pango_, 72);
  return c;
}

Canvas::~Canvas() {
  if (pango_) g_object_unref(pango_);
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

core::Result<double> Canvas::Text(double x, double y, std::string_view utf8,
                                  const TextStyle& style) {
  pango_cairo_update_context(cr_, pango_);
  PangoLayout* layout = pango_layout_new(pango_);
  pango_layout_set_text(layout, utf8.data(), static_cast<int>(utf8.size()));
  if (style.letter_spacing > 0) {
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(
        attrs, pango_attr_letter_spacing_new(static_cast<int>(style.letter_spacing * PANGO_SCALE)));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
  }
  double size = style.size;
  auto set_font = [&] {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, style.family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
  };
  set_font();
  if (style.width > 0 && !style.shrink_to_fit) {
    pango_layout_set_width(layout, static_cast<int>(style.width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(layout, static_cast<int>(style.line_spacing * PANGO_SCALE));
  }
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  while (style.shrink_to_fit && style.width > 0 && w > style.width * PANGO_SCALE && size > 6) {
    size *= 0.95;  // long names: smaller, never cut
    set_font();
    pango_layout_get_size(layout, &w, &h);
  }
  if (int unknown = pango_layout_get_unknown_glyphs_count(layout); unknown > 0) {
    g_object_unref(layout);
    return tl::unexpected(
        RenderError("表示できない文字が含まれています（フォントにない字形）: " + std::string(utf8),
                    "the text has characters no installed font can show: " + std::string(utf8),
                    std::to_string(unknown) + " unknown glyphs"));
  }
  double text_w = static_cast<double>(w) / PANGO_SCALE;
  double box = style.width > 0 ? style.width : text_w;
  if (style.width > 0 && !style.shrink_to_fit) {
    pango_layout_set_alignment(layout, style.align == Align::kCenter  ? PANGO_ALIGN_CENTER
                                       : style.align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                                      : PANGO_ALIGN_LEFT);
  } else if (style.align == Align::kCenter) {
    x += (box - text_w) / 2;
  } else if (style.align == Align::kRight) {
    x += box - text_w;
  }
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Canvas::Line(double x1, double y1, double x2, double y2, double width) {
  cairo_set_line_width(cr_, width);
  cairo_move_to(cr_, x1, y1);
  cairo_line_to(cr_, x2, y2);
  cairo_stroke(cr_);
}

void Canvas::SetColour(double r, double g, double b) { cairo_set_source_rgb(cr_, r, g, b); }

void Canvas::Rect(double x, double y, double w, double h, double line_width) {
  cairo_set_line_width(cr_, line_width);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
}

core::Status Canvas::Qr(double x, double y, double size, std::string_view text) {
  std::string s(text);
  QRcode* qr = QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return tl::unexpected(RenderError("QRコードを作れません", "cannot make the QR code"));
  // A 1-bit image, kPixels per module: a few KB in the PDF, no per-module
  // path (a rectangle per module made rendering twice as slow and the file
  // 25 KB larger), and sharp enough for any viewer's scaling.
  const int quiet = 4;  // modules of white border the standard asks for
  const int kPixels = 2;
  int side = (qr->width + 2 * quiet) * kPixels;
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
  unsigned char* px = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  for (int row = 0; row < side; ++row) {
    auto* line = reinterpret_cast<uint32_t*>(px + row * stride);
    int r = row / kPixels - quiet;
    for (int col = 0; col < side; ++col) {
      int c = col / kPixels - quiet;
      bool dark =
          r >= 0 && c >= 0 && r < qr->width && c < qr->width && (qr->data[r * qr->width + c] & 1);
      line[col] = dark ? 0x000000 : 0xFFFFFF;
    }
  }
  cairo_surface_mark_dirty(img);
  QRcode_free(qr);
  cairo_save(cr_);
  cairo_translate(cr_, x, y);
  cairo_scale(cr_, size / side, size / side);
  cairo_set_source_surface(cr_, img, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_NEAREST);
  cairo_paint(cr_);
  cairo_restore(cr_);
  cairo_surface_destroy(img);
  return {};
}

core::Status Canvas::Image(double x, double y, double w, double h, std::string_view bytes) {
  cairo_surface_t* img = ImageSurface(bytes);
  if (!img || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
    if (img) cairo_surface_destroy(img);
    return tl::unexpected(
        RenderError("画像を読めません（PNGかJPEG）", "cannot read the image (PNG or JPEG)"));
  }
  double iw = cairo_image_surface_get_width(img);
  double ih = cairo_image_surface_get_height(img);
  double scale = std::min(w / iw, h / ih);
  cairo_save(cr_);
  cairo_translate(cr_, x + (w - iw * scale) / 2, y + (h - ih * scale) / 2);
  cairo_scale(cr_, scale, scale);
  cairo_set_source_surface(cr_, img, 0, 0);
  cairo_paint(cr_);
  cairo_restore(cr_);
  cairo_surface_destroy(img);
  return {};
}

void Canvas::NextPage() { cairo_show_page(cr_); }

core::Result<std::string> Canvas::Finish() {
  cairo_show_page(cr_);
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  cairo_status_t status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) {
    return tl::unexpected(
        RenderError("PDFを書き出せません", "cannot write the PDF", cairo_status_to_string(status)));
  }
  return std::move(out_);
}

}  // namespace kakari::pdf
