// A small drawing layer over one cairo PDF document: A4 pages, Japanese
// text through pango (sizes in points: pango-cairo's resolution is set to
// 72 dpi, or every size would come out 1.33 times too large), QR codes and
// PNG/JPEG images. Used by the certificate, label and form layouts.
// Not thread-safe: one Canvas per document, on one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/domain/result.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoContext PangoContext;

namespace kakari::pdf {

inline constexpr double kA4Width = 595.276;  // points
inline constexpr double kA4Height = 841.890;

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  const char* family = "IPAexMincho";
  double size = 12;  // points
  bool bold = false;
  Align align = Align::kLeft;
  double width = 0;            // wrap (or align) within this width; 0 = no wrapping
  bool shrink_to_fit = false;  // one line: reduce the size until it fits `width`
  double letter_spacing = 0;   // points
  double line_spacing = 0;     // points between wrapped lines
};

class Canvas {
 public:
  // A new PDF document; pages are A4 portrait.
  [[nodiscard]] static core::Result<std::unique_ptr<Canvas>> Create(std::string_view title,
                                                                    std::string_view keywords);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // Draws text with its top-left (or centre/right per align) at x, y; returns
  // the height used. Fails when a character has no glyph in any font.
  [[nodiscard]] core::Result<double> Text(double x, double y, std::string_view utf8,
                                          const TextStyle& style);
  void Line(double x1, double y1, double x2, double y2, double width);
  void Rect(double x, double y, double w, double h, double line_width);
  // The colour of what is drawn next (text, lines), as RGB in 0..1.
  void SetColour(double r, double g, double b);
  // A QR code of `text` (error correction M) as a square of `size` points.
  [[nodiscard]] core::Status Qr(double x, double y, double size, std::string_view text);
  // A PNG or JPEG fitted into the box, keeping its proportions.
  [[nodiscard]] core::Status Image(double x, double y, double w, double h, std::string_view bytes);
  void NextPage();
  // Ends the document and returns its bytes.
  [[nodiscard]] core::Result<std::string> Finish();

 private:
  Canvas() = default;
  std::string out_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* pango_ = nullptr;  // one per document: creating it per text was slow
};

}  // namespace kakari::pdf
