#include "http/static_files.hpp"

#include <array>
#include <utility>

namespace kakari::http {

std::string ContentTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".webmanifest", "application/manifest+json"},
  }};
  for (const auto& [ext, type] : kTypes) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) {
      return std::string(type);
    }
  }
  return "application/octet-stream";
}

bool IsSafeRelativePath(std::string_view rel) {
  if (rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos ||
      rel.find('%') != std::string_view::npos) {
    return false;  // no encoded or Windows-style tricks
  }
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    std::string_view seg = rel.substr(start, end - start);
    if (seg == ".." || seg == "." || (seg.empty() && end != rel.size())) return false;
    if (!seg.empty() && seg.front() == '.') return false;  // hidden files
    start = end + 1;
  }
  return true;
}

}  // namespace kakari::http
